import Cypher
import PropertyGraph
import QuiverCore

/// Quiver's own Cypher engine behind the TCK runner: ``CypherEngine`` on an in-memory ``GraphStore``.
///
/// Side effects are observed straight from the store rather than through observation queries,
/// so a query feature the engine lacks cannot hide a side effect. Procedure fixtures become
/// table-backed procedures in the graph's ``ProcedureRegistry``.
///
/// ```swift
/// let report = TCKRunner(engine: CypherTCKEngine(), suite: suite).run()
/// ```
public struct CypherTCKEngine: TCKEngine {
    public init() {}

    /// A new, empty in-memory store with the built-in procedures.
    public func makeEmptyGraph() -> CypherTCKGraph { CypherTCKGraph() }

    /// Runs `query` through ``CypherEngine/execute(_:parameters:on:readOnly:options:procedures:)``.
    public func execute(_ query: String, parameters: [String: Value], on graph: inout CypherTCKGraph) throws(QueryError)
        -> TCKQueryResult
    {
        let result = try CypherEngine.execute(query, parameters: parameters, on: graph.store,
                                              procedures: graph.procedures)
        return TCKQueryResult(columns: result.columns, rows: result.rows)
    }

    /// Reads every live node and relationship straight from the store.
    public func observe(_ graph: inout CypherTCKGraph) throws(QueryError) -> GraphObservation {
        GraphObservation(
            nodes: graph.store.nodeIDs().map { graph.store.node($0) },
            relationships: graph.store.relationshipIDs().map { graph.store.relationship($0) })
    }

    /// Registers the fixture as a table-backed procedure (``Procedure/table(_:rows:)``).
    ///
    /// Throws `ProcedureError` / `InvalidProcedureDeclaration` when the signature cannot be read.
    public func defineProcedure(_ fixture: TCKProcedureFixture, on graph: inout CypherTCKGraph) throws(QueryError)
        -> Bool
    {
        guard let signature = ProcedureSignature(declaration: fixture.signature) else {
            throw QueryError(.procedureError, code: "InvalidProcedureDeclaration", phase: .compileTime,
                             message: "cannot read the procedure declaration `\(fixture.signature)`")
        }
        graph.procedures.register(try Procedure.table(signature, rows: fixture.rows))
        return true
    }
}
