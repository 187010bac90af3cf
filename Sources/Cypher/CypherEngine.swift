import PropertyGraph
import QuiverCore

/// The result of one Cypher query: columns, rows of fully materialised values, and write counts.
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

    public init(columns: [String], rows: [[Value]], statistics: QueryStatistics = QueryStatistics()) {
        self.columns = columns
        self.rows = rows
        self.statistics = statistics
    }
}

/// Runs Cypher queries on a ``GraphStore``: parse, analyse, plan, execute, all inside one
/// store transaction that is rolled back on any error, so a failed query changes nothing.
///
/// ```swift
/// let graph = GraphStore()
/// _ = try CypherEngine.execute("CREATE (:Person {name: 'Ann'})", on: graph)
/// let result = try CypherEngine.execute("MATCH (p:Person) RETURN p.name", on: graph)
/// ```
public enum CypherEngine {
    /// Executes one query (a UNION of single queries counts as one) and returns its result.
    ///
    /// With `readOnly: true` a query that contains CREATE, MERGE, SET, REMOVE or DELETE, or calls a
    /// writing procedure, is rejected before it touches the graph (`SemanticError` /
    /// `WriteInReadOnlyQuery`). `options` sets a timeout (`ResourceLimit` / `Timeout`) and the
    /// directory `LOAD CSV` reads from; `procedures` are the procedures CALL can invoke.
    public static func execute(
        _ query: String, parameters: [String: Value] = [:], on graph: GraphStore, readOnly: Bool = false,
        options: ExecutionOptions = ExecutionOptions(), procedures: ProcedureRegistry = .standard
    ) throws(QueryError) -> QueryResult {
        do {
            return try StatementClock.fixed { () throws(QueryError) in
                try run(query, parameters: parameters, on: graph, readOnly: readOnly, options: options,
                        procedures: procedures)
            }
        } catch {
            throw error.withSource(query)
        }
    }

    private static func run(
        _ text: String, parameters: [String: Value], on graph: GraphStore, readOnly: Bool, options: ExecutionOptions,
        procedures: ProcedureRegistry
    ) throws(QueryError) -> QueryResult {
        let query: Query
        do {
            query = try CypherParser.parse(text)
            _ = try SemanticAnalyzer.analyze(query, procedures: procedures.signatures,
                                             parameterNames: Set(parameters.keys))
        } catch let error as QueryError {
            throw error
        } catch {
            throw QueryError(.syntaxError, code: "InvalidSyntax", phase: .compileTime, message: "\(error)")
        }
        if readOnly && !isReadOnly(query) {
            throw QueryError(.semanticError, code: "WriteInReadOnlyQuery", phase: .compileTime,
                             message: "this query writes to the graph, but it runs read-only; remove CREATE, MERGE, SET, REMOVE and DELETE",
                             location: query.range.start)
        }
        if readOnly, let call = writingCall(in: query, procedures: procedures) {
            throw QueryError(.semanticError, code: "WriteInReadOnlyQuery", phase: .compileTime,
                             message: "procedure `\(call.qualifiedName)` writes to the graph, but this query runs read-only",
                             location: call.range.start)
        }
        let context = PlanContext(parameters: parameters, source: text, store: graph, procedures: procedures)
        let ownsTransaction = !graph.isInTransaction
        if ownsTransaction {
            do { try graph.begin() } catch {
                throw QueryError(.resourceLimit, code: "TransactionFailed", phase: .runtime, message: "\(error)")
            }
        }
        do {
            let result = try runPlanned(query, context, options)
            if ownsTransaction { try? graph.commit() }
            return result
        } catch {
            if ownsTransaction { try? graph.rollback() }
            throw error
        }
    }

    private static func runPlanned(_ query: Query, _ plan: PlanContext, _ options: ExecutionOptions) throws(QueryError) -> QueryResult {
        let context = ExecutionContext(store: plan.store, options: options)
        var columns: [String] = []
        var rows: [[Value]] = []
        for (index, part) in query.parts.enumerated() {
            let planned = try QueryPlanner(context: plan).plan(part)
            var empty: [Value] = []
            try planned.head.push(&empty, context)
            try planned.head.finish(context)
            if index == 0 { columns = planned.columns }
            if !planned.columns.isEmpty { rows += planned.sink.rows }
        }
        if query.unions.contains(where: { !$0.all }) {
            var seen: Set<[Value]> = []
            rows = rows.filter { seen.insert($0).inserted }
        }
        let materialized = rows.map { $0.map(context.materialize) }
        return QueryResult(columns: columns, rows: materialized, statistics: context.statistics)
    }

    /// The first CALL of a procedure whose mode is ``Procedure/Mode/write``.
    private static func writingCall(in query: Query, procedures: ProcedureRegistry) -> Call? {
        for part in query.parts {
            for case .call(let call) in part.clauses where procedures[call.qualifiedName]?.mode == .write {
                return call
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
                default: continue
                }
            }
        }
        return true
    }
}
