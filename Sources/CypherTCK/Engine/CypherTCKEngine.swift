import Cypher
import PropertyGraph
import QuiverCore

/// Quiver's own Cypher engine behind the TCK runner: ``CypherEngine`` on an in-memory ``GraphStore``.
///
/// Side effects are observed straight from the store rather than through observation queries,
/// so a query feature the engine lacks cannot hide a side effect.
///
/// ```swift
/// let report = TCKRunner(engine: CypherTCKEngine(), suite: suite).run()
/// ```
public struct CypherTCKEngine: TCKEngine {
    public init() {}

    /// A new, empty in-memory store.
    public func makeEmptyGraph() -> GraphStore { GraphStore() }

    /// Runs `query` through ``CypherEngine/execute(_:parameters:on:readOnly:)``.
    public func execute(_ query: String, parameters: [String: Value], on graph: inout GraphStore) throws(QueryError)
        -> TCKQueryResult
    {
        let result = try CypherEngine.execute(query, parameters: parameters, on: graph)
        return TCKQueryResult(columns: result.columns, rows: result.rows)
    }

    /// Reads every live node and relationship straight from the store.
    public func observe(_ graph: inout GraphStore) throws(QueryError) -> GraphObservation {
        GraphObservation(
            nodes: graph.nodeIDs().map { graph.node($0) },
            relationships: graph.relationshipIDs().map { graph.relationship($0) })
    }
}
