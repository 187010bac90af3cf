import PropertyGraph
import QuiverCore

/// The result of one Cypher statement: columns, rows of fully materialised values, write counts,
/// and notes (what a schema command did, or why it does less than Neo4j would).
///
/// ```swift
/// let result = try CypherEngine.execute("MATCH (n:Person) RETURN n.name AS name", on: graph)
/// result.columns   // ["name"]
/// ```
public struct QueryResult: Sendable, Hashable {
    /// Column names in order: aliases, or the expression text as written.
    public var columns: [String]
    /// One array per row, aligned with `columns`.
    public var rows: [[Value]]
    /// What the query changed.
    public var statistics: QueryStatistics
    /// Messages for the user, e.g. `created constraint `c`: UNIQUENESS on :Person(name), enforced on writes`.
    public var notes: [String]
    /// For EXPLAIN and PROFILE: the logical plan, root first, with every operator's estimated rows.
    public var logicalPlan: PlanNode?

    /// A result from its parts (`logicalPlan` only for EXPLAIN and PROFILE).
    public init(columns: [String], rows: [[Value]], statistics: QueryStatistics = QueryStatistics(), notes: [String] = [],
                logicalPlan: PlanNode? = nil) {
        self.columns = columns
        self.rows = rows
        self.statistics = statistics
        self.notes = notes
        self.logicalPlan = logicalPlan
    }
}

/// Runs Cypher statements on a ``GraphStore``: parse, analyse, plan, execute, all inside one
/// store transaction that is rolled back on any error, so a failed statement changes nothing.
///
/// Schema commands (`CREATE CONSTRAINT …`, `CREATE INDEX …`, `DROP …`, `SHOW INDEXES`) run
/// against a ``SchemaCatalog`` passed as `schema:`; queries run with one are checked against its
/// enforced constraints before they commit.
///
/// ```swift
/// let graph = GraphStore()
/// _ = try CypherEngine.execute("CREATE (:Person {name: 'Ann'})", on: graph)
/// let result = try CypherEngine.execute("MATCH (p:Person) RETURN p.name", on: graph)
/// ```
public enum CypherEngine {
    /// Executes one statement (a UNION of single queries counts as one) and returns its result.
    ///
    /// With `readOnly: true` a query that contains CREATE, MERGE, SET, REMOVE or DELETE, calls a
    /// writing procedure, or changes the schema, is rejected before it touches the graph
    /// (`SemanticError` / `WriteInReadOnlyQuery`). `options` sets a timeout (`ResourceLimit` /
    /// `Timeout`) and the directory `LOAD CSV` reads from; `procedures` are the procedures CALL can
    /// invoke; `schema` is the graph's catalog of indexes and constraints (schema commands need one).
    public static func execute(
        _ query: String, parameters: [String: Value] = [:], on graph: GraphStore, schema: SchemaCatalog? = nil,
        readOnly: Bool = false, options: ExecutionOptions = ExecutionOptions(), procedures: ProcedureRegistry = .standard
    ) throws(QueryError) -> QueryResult {
        let prepared = try prepare(query, procedures: procedures, parameterNames: Set(parameters.keys))
        return try execute(prepared, parameters: parameters, on: graph, schema: schema, readOnly: readOnly, options: options)
    }

    /// Parses and analyses `text` once, for ``execute(_:parameters:on:schema:readOnly:options:)``.
    ///
    /// `parameterNames`, when given, are checked against a standalone CALL's implicit arguments
    /// now; otherwise that check waits for the parameters at execution.
    ///
    /// ```swift
    /// let prepared = try CypherEngine.prepare("MATCH (m:Movie) RETURN count(m)")
    /// ```
    /// A statement prepared before from the same text (with procedures of the same signatures and the same
    /// parameter names) is taken from ``PreparedQueryCache``, skipping the parser and the analyser.
    public static func prepare(
        _ text: String, procedures: ProcedureRegistry = .standard, parameterNames: Set<String>? = nil
    ) throws(QueryError) -> PreparedQuery {
        try PreparedQueryCache.shared.prepare(text, procedures: procedures, parameterNames: parameterNames) {
            text throws(QueryError) in try parseAndAnalyze(text, procedures: procedures, parameterNames: parameterNames)
        }
    }

    private static func parseAndAnalyze(
        _ text: String, procedures: ProcedureRegistry, parameterNames: Set<String>?
    ) throws(QueryError) -> PreparedQuery {
        try QueryStack.run(for: text) { () throws(QueryError) -> PreparedQuery in
            let statement: CypherStatement
            let (mode, body) = PlanMode.split(text)
            do {
                statement = try CypherParser.parseStatement(body)
            } catch let error as QueryError {
                throw error.withSource(text)
            } catch {
                throw QueryError(.syntaxError, code: "InvalidSyntax", phase: .compileTime, message: "\(error)")
            }
            if mode != .run, !statement.isQuery {
                throw QueryError(.syntaxError, code: "InvalidSyntax", phase: .compileTime,
                                 message: "EXPLAIN and PROFILE take a query, not a schema command; leave the word out",
                                 location: statement.range.start).withSource(text)
            }
            return try prepare(statement, text: text, procedures: procedures, parameterNames: parameterNames, mode: mode)
        }
    }

    /// Analyses a statement already parsed from `text` (by ``CypherParser/parseStatement(_:)``), for
    /// callers that read the syntax tree themselves and should not parse twice.
    public static func prepare(
        _ statement: CypherStatement, text: String, procedures: ProcedureRegistry = .standard, parameterNames: Set<String>? = nil,
        mode: PlanMode = .run
    ) throws(QueryError) -> PreparedQuery {
        try QueryStack.run(for: text) { () throws(QueryError) -> PreparedQuery in
            do {
                let analysis: AnalyzedQuery?
                switch statement {
                case .query(let query):
                    analysis = try SemanticAnalyzer.analyze(query, procedures: procedures.signatures, parameterNames: parameterNames)
                case .schema(let command):
                    try SemanticAnalyzer.analyze(command)
                    analysis = nil
                }
                return PreparedQuery(text: text, statement: statement, analysis: analysis, procedures: procedures,
                                     parameterNames: parameterNames, mode: mode)
            } catch let error as QueryError {
                throw error.withSource(text)
            } catch {
                throw QueryError(.semanticError, code: "InvalidQuery", phase: .compileTime, message: "\(error)")
            }
        }
    }

    /// Executes a prepared statement; see ``execute(_:parameters:on:schema:readOnly:options:procedures:)``
    /// for the options. The procedures are those it was prepared with.
    public static func execute(
        _ prepared: PreparedQuery, parameters: [String: Value] = [:], on graph: GraphStore, schema: SchemaCatalog? = nil,
        readOnly: Bool = false, options: ExecutionOptions = ExecutionOptions()
    ) throws(QueryError) -> QueryResult {
        try execute(prepared, parameters: parameters, on: graph, schema: schema, readOnly: readOnly, options: options,
                    handler: nil)
    }

    static func execute(
        _ prepared: PreparedQuery, parameters: [String: Value], on graph: GraphStore, schema: SchemaCatalog?,
        readOnly: Bool, options: ExecutionOptions, handler: RowHandler?
    ) throws(QueryError) -> QueryResult {
        do {
            return try QueryStack.run(for: prepared.text) { () throws(QueryError) in
                try StatementClock.fixed { () throws(QueryError) in
                    try run(prepared, parameters: parameters, on: graph, schema: schema, readOnly: readOnly, options: options,
                            handler: handler)
                }
            }
        } catch {
            throw error.withSource(prepared.text)
        }
    }

    private static func run(
        _ prepared: PreparedQuery, parameters: [String: Value], on graph: GraphStore, schema: SchemaCatalog?, readOnly: Bool,
        options: ExecutionOptions, handler: RowHandler?
    ) throws(QueryError) -> QueryResult {
        try check(prepared, parameters: parameters, readOnly: readOnly)
        if prepared.isRead {
            // A read takes no transaction and never touches the store: it runs on a snapshot.
            return try runRead(prepared, parameters: parameters, on: graph.snapshot(), schema: schema, options: options,
                               handler: handler)
        }
        return try inTransaction(on: graph) { () throws(QueryError) in
            switch prepared.statement {
            case .schema(let command):
                return try handler.stream(runSchemaCommand(command, on: graph, schema: schema))
            case .query(let query):
                let context = PlanContext(parameters: parameters, source: prepared.text, store: graph,
                                          procedures: prepared.procedures)
                let firstNewNode = graph.nodeIDLimit
                let result = try runPlanned(query, context, options, handler: handler, mode: prepared.mode)
                if let schema, !readOnly, !result.statistics.isEmpty {
                    try verify(query, against: schema, on: graph, firstNewNode: firstNewNode, procedures: prepared.procedures)
                }
                return result
            }
        }
    }

    /// Checks what must hold before a prepared statement runs with these parameters: a CALL's
    /// implicit arguments, and no write when the run is read-only.
    static func check(_ prepared: PreparedQuery, parameters: [String: Value], readOnly: Bool) throws(QueryError) {
        if prepared.parameterNames != Set(parameters.keys), prepared.dependsOnParameterNames, let query = prepared.query {
            do {
                _ = try SemanticAnalyzer.analyze(query, procedures: prepared.procedures.signatures,
                                                 parameterNames: Set(parameters.keys))
            } catch let error as QueryError {
                throw error
            } catch {
                throw QueryError(.syntaxError, code: "InvalidSyntax", phase: .compileTime, message: "\(error)")
            }
        }
        if readOnly && !prepared.isReadOnly {
            throw QueryError(.semanticError, code: "WriteInReadOnlyQuery", phase: .compileTime,
                             message: prepared.query == nil
                                ? "this command changes the schema, but it runs read-only"
                                : "this query writes to the graph, but it runs read-only; remove CREATE, MERGE, SET, REMOVE and DELETE",
                             location: prepared.statement.range.start)
        }
        if readOnly, let query = prepared.query, let call = writingCall(in: query, procedures: prepared.procedures) {
            throw QueryError(.semanticError, code: "WriteInReadOnlyQuery", phase: .compileTime,
                             message: "procedure `\(call.qualifiedName)` writes to the graph, but this query runs read-only",
                             location: call.range.start)
        }
    }

    /// Runs a statement that changes nothing (``PreparedQuery/isRead``) on `snapshot`.
    static func runRead(
        _ prepared: PreparedQuery, parameters: [String: Value], on snapshot: GraphSnapshot, schema: SchemaCatalog?,
        options: ExecutionOptions, handler: RowHandler?
    ) throws(QueryError) -> QueryResult {
        switch prepared.statement {
        case .schema(let command):
            return try handler.stream(runSchemaCommand(command, on: snapshot.store, schema: schema))
        case .query(let query):
            let context = PlanContext(parameters: parameters, source: prepared.text, store: snapshot.store,
                                      procedures: prepared.procedures, snapshot: snapshot)
            return try runPlanned(query, context, options, handler: handler, mode: prepared.mode)
        }
    }

    /// Runs `body` in a store transaction (unless the caller has one open), rolled back if it throws.
    private static func inTransaction(
        on graph: GraphStore, _ body: () throws(QueryError) -> QueryResult
    ) throws(QueryError) -> QueryResult {
        let ownsTransaction = !graph.isInTransaction
        if ownsTransaction {
            do { try graph.begin() } catch {
                throw QueryError(.resourceLimit, code: "TransactionFailed", phase: .runtime, message: "\(error)")
            }
        }
        do {
            let result = try body()
            if ownsTransaction { try? graph.commit() }
            return result
        } catch {
            if ownsTransaction { try? graph.rollback() }
            throw error
        }
    }

    /// Plans and runs each part of `query`; rows go to `handler` as they come when there is one
    /// (and the result holds none), else into the result. UNION without ALL holds its rows to
    /// drop duplicates either way.
    private static func runPlanned(
        _ query: Query, _ plan: PlanContext, _ options: ExecutionOptions, handler: RowHandler?, mode: PlanMode = .run
    ) throws(QueryError) -> QueryResult {
        let context = ExecutionContext(store: plan.store, options: options, snapshot: plan.snapshot)
        if mode != .run {
            return try handler.stream(describe(query, plan, context, profile: mode == .profile))
        }
        let deduplicates = query.unions.contains(where: { !$0.all })
        var columns: [String] = []
        var rows: [[Value]] = []
        for (index, part) in query.parts.enumerated() {
            let planned = try QueryPlanner(context: plan).plan(part)
            if index == 0 {
                columns = planned.columns
                try handler?.columns(columns)
            }
            if let handler, !deduplicates {
                planned.sink.consumer = { (row: [Value]) throws(QueryError) in try handler.row(row.map(context.materialize)) }
            }
            try planned.run(context)
            if !planned.columns.isEmpty { rows += planned.sink.rows }
        }
        if deduplicates {
            var seen: Set<[Value]> = []
            rows = rows.filter { seen.insert($0).inserted }
        }
        var materialized = rows.map { $0.map(context.materialize) }
        if let handler {
            for row in materialized { try handler.row(row) }
            materialized = []
        }
        return QueryResult(columns: columns, rows: materialized, statistics: context.statistics)
    }

    /// EXPLAIN: the operators of each part; PROFILE: also run them (rows dropped) and report what
    /// each produced and the time spent in it.
    private static func describe(
        _ query: Query, _ plan: PlanContext, _ context: ExecutionContext, profile: Bool
    ) throws(QueryError) -> QueryResult {
        var rows: [[Value]] = []
        let statistics = GraphStatistics(plan.store)
        for (index, part) in query.parts.enumerated() {
            let planner = QueryPlanner(context: plan)
            planner.statistics = statistics
            let planned = try planner.plan(part)
            var description = PlanDescription(planned, part: index + 1, source: plan.source)
            if profile {
                description.instrument(planned)
                planned.sink.consumer = { (_: [Value]) throws(QueryError) in }
                try planned.run(context)
            }
            rows += description.rows(profiled: profile)
        }
        let logical = LogicalOptimizer.standard.optimize(LogicalPlanner(procedures: plan.procedures).plan(query))
        var estimator = CardinalityEstimator(statistics: statistics, parameters: plan.parameters)
        let tree = estimator.tree(logical)
        return QueryResult(columns: profile ? PlanDescription.profileColumns : PlanDescription.explainColumns,
                           rows: rows, statistics: context.statistics,
                           logicalPlan: logical.described(tree, source: plan.source,
                                                          estimator: CardinalityEstimator(statistics: statistics, parameters: plan.parameters)))
    }

    /// The first CALL of a procedure whose mode is ``Procedure/Mode/write``.
    static func writingCall(in query: Query, procedures: ProcedureRegistry) -> Call? {
        for part in query.parts {
            for clause in part.clauses {
                switch clause {
                case .call(let call) where procedures[call.qualifiedName]?.mode == .write: return call
                case .subquery(let subquery):
                    if let call = writingCall(in: subquery.query, procedures: procedures) { return call }
                default: continue
                }
            }
        }
        return nil
    }

    /// Whether the query has no updating clause.
    public static func isReadOnly(_ query: Query) -> Bool {
        for part in query.parts {
            for clause in part.clauses {
                switch clause {
                case .create, .merge, .set, .remove, .delete: return false
                case .subquery(let subquery) where !isReadOnly(subquery.query): return false
                default: continue
                }
            }
        }
        return true
    }
}
