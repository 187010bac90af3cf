import PropertyGraph
import QuiverCore

/// Where a streamed query's output goes: its column names once, then each row, fully
/// materialised, as the engine produces it — so a large result is never held in memory whole.
///
/// ```swift
/// let handler = RowHandler(columns: { print($0) }, row: { print($0) })
/// _ = try CypherEngine.execute(prepared, on: graph.snapshot(), streaming: handler)
/// ```
public struct RowHandler {
    /// Receives the column names, before any row.
    public var columns: ([String]) throws(QueryError) -> Void
    /// Receives one row, aligned with the columns.
    public var row: ([Value]) throws(QueryError) -> Void

    public init(columns: @escaping ([String]) throws(QueryError) -> Void, row: @escaping ([Value]) throws(QueryError) -> Void) {
        self.columns = columns
        self.row = row
    }
}

extension Optional where Wrapped == RowHandler {
    /// Hands a result that was built whole (a schema command's) to the handler, if any.
    func stream(_ result: QueryResult) throws(QueryError) -> QueryResult {
        guard let handler = self else { return result }
        try handler.columns(result.columns)
        for row in result.rows { try handler.row(row) }
        var emptied = result
        emptied.rows = []
        return emptied
    }
}

extension CypherEngine {
    /// Executes a prepared statement on `graph` and streams its rows to `handler`; the result
    /// returned carries the columns, statistics and notes, and no rows (with a nil handler, it is
    /// the plain ``execute(_:parameters:on:schema:readOnly:options:)-(PreparedQuery,_,GraphStore,_,_,_)``). Rows of a write query
    /// are streamed before it commits: if it then fails, the rows seen belong to a rolled-back
    /// query.
    public static func execute(
        _ prepared: PreparedQuery, parameters: [String: Value] = [:], on graph: GraphStore, schema: SchemaCatalog? = nil,
        readOnly: Bool = false, options: ExecutionOptions = ExecutionOptions(), streaming handler: RowHandler?
    ) throws(QueryError) -> QueryResult {
        try execute(prepared, parameters: parameters, on: graph, schema: schema, readOnly: readOnly, options: options,
                    handler: handler)
    }

    /// Executes a statement that does not write (``PreparedQuery/isRead``) on `snapshot`, from any
    /// thread; a statement that writes fails with `SemanticError` / `WriteInReadOnlyQuery`.
    ///
    /// ```swift
    /// let snapshot = graph.snapshot()
    /// let result = try CypherEngine.execute(try CypherEngine.prepare("MATCH (n) RETURN count(n)"), on: snapshot)
    /// ```
    public static func execute(
        _ prepared: PreparedQuery, parameters: [String: Value] = [:], on snapshot: GraphSnapshot,
        schema: SchemaCatalog? = nil, options: ExecutionOptions = ExecutionOptions(), streaming handler: RowHandler? = nil
    ) throws(QueryError) -> QueryResult {
        do {
            return try QueryStack.run(for: prepared.text) { () throws(QueryError) in
                try StatementClock.fixed { () throws(QueryError) in
                    try check(prepared, parameters: parameters, readOnly: true)
                    guard prepared.isRead else {
                        throw QueryError(.semanticError, code: "WriteInReadOnlyQuery", phase: .compileTime,
                                         message: "this statement changes the graph or its schema, but a snapshot is read-only",
                                         location: prepared.statement.range.start)
                    }
                    return try runRead(prepared, parameters: parameters, on: snapshot, schema: schema, options: options,
                                       handler: handler)
                }
            }
        } catch {
            throw error.withSource(prepared.text)
        }
    }

    /// Executes a query text on `snapshot`; see ``execute(_:parameters:on:schema:options:streaming:)-(PreparedQuery,_,GraphSnapshot,_,_,_)``.
    public static func execute(
        _ query: String, parameters: [String: Value] = [:], on snapshot: GraphSnapshot, options: ExecutionOptions = ExecutionOptions(),
        procedures: ProcedureRegistry = .standard
    ) throws(QueryError) -> QueryResult {
        let prepared = try prepare(query, procedures: procedures, parameterNames: Set(parameters.keys))
        return try execute(prepared, parameters: parameters, on: snapshot, options: options)
    }

    /// Executes a statement on a shared `database`: a read runs on the current snapshot beside
    /// any other readers; a write (or schema change) waits its turn as the only writer, commits
    /// atomically, and publishes the new state to later readers.
    ///
    /// ```swift
    /// let database = GraphDatabase(graph)
    /// _ = try CypherEngine.execute(try CypherEngine.prepare("CREATE (:Person)"), on: database)
    /// ```
    public static func execute(
        _ prepared: PreparedQuery, parameters: [String: Value] = [:], on database: GraphDatabase,
        schema: SchemaCatalog? = nil, options: ExecutionOptions = ExecutionOptions(), streaming handler: RowHandler? = nil
    ) throws(QueryError) -> QueryResult {
        if prepared.isRead {
            return try execute(prepared, parameters: parameters, on: database.snapshot(), schema: schema, options: options,
                               streaming: handler)
        }
        return try database.withWriter { (graph: GraphStore) throws(QueryError) -> QueryResult in
            try execute(prepared, parameters: parameters, on: graph, schema: schema, readOnly: false, options: options,
                        handler: handler)
        }
    }
}
