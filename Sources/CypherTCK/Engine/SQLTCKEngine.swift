import Cypher
import CypherSQL
import QuiverCore

/// The SQL backends behind the TCK runner: each scenario on a fresh ``ScratchSQLGraph`` (a new
/// SQLite file, or a new schema on a PostgreSQL server), queries compiled to SQL by ``SQLGraph``.
///
/// Side effects are observed through `MATCH (n) RETURN n` and `MATCH ()-[r]->() RETURN r`, compiled
/// like any other query. Procedure fixtures are not supported (CALL is refused on SQL backends).
///
/// ```swift
/// let report = TCKRunner(engine: SQLTCKEngine(dialect: .sqlite), suite: suite).run()
/// ```
public struct SQLTCKEngine: TCKEngine {
    /// The backend.
    public var dialect: SQLGraphDialect
    /// The PostgreSQL server (`postgres://…`), for the `.postgres` dialect.
    public var postgresURL: String?

    /// An engine on `dialect`; PostgreSQL needs `postgresURL`.
    public init(dialect: SQLGraphDialect, postgresURL: String? = nil) {
        self.dialect = dialect
        self.postgresURL = postgresURL
    }

    /// A fresh scratch graph; a graph that cannot be made fails the scenario at its first query.
    public func makeEmptyGraph() -> SQLTCKGraph {
        do {
            return SQLTCKGraph(scratch: try ScratchSQLGraph(dialect: dialect, postgresURL: postgresURL))
        } catch {
            return SQLTCKGraph(failure: error)
        }
    }

    /// Runs `query` through ``SQLGraph/execute(_:parameters:timeout:)``.
    public func execute(_ query: String, parameters: [String: Value], on graph: inout SQLTCKGraph) throws(QueryError)
        -> TCKQueryResult
    {
        let result = try graph.graph().execute(query, parameters: parameters)
        return TCKQueryResult(columns: result.columns, rows: result.rows)
    }
}

/// The graph of one ``SQLTCKEngine`` scenario, or why it could not be made.
public struct SQLTCKGraph {
    let scratch: ScratchSQLGraph?
    let failure: QueryError?

    init(scratch: ScratchSQLGraph) {
        self.scratch = scratch
        failure = nil
    }

    init(failure: QueryError) {
        scratch = nil
        self.failure = failure
    }

    func graph() throws(QueryError) -> SQLGraph {
        if let scratch { return scratch.graph }
        throw failure ?? QueryError(.procedureError, code: "SQLBackendConnection", phase: .compileTime,
                                    message: "no scratch graph")
    }
}
