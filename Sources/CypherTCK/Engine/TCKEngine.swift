import QuiverCore

/// What the TCK runner needs from a Cypher engine: fresh graphs, query execution, and observation.
///
/// The runner calls these on one worker thread per scenario; the graph never crosses threads.
///
/// ```swift
/// struct MyEngine: TCKEngine {
///     func makeEmptyGraph() -> MyGraph { MyGraph() }
///     func execute(_ query: String, parameters: [String: Value], on graph: inout MyGraph) throws(QueryError)
///         -> TCKQueryResult { … }
/// }
/// ```
public protocol TCKEngine: Sendable {
    /// The engine's graph: a class or a value type (it is passed `inout`).
    associatedtype Graph

    /// A new, empty graph.
    func makeEmptyGraph() -> Graph

    /// Runs `query` with `parameters` on `graph`; errors carry their openCypher category, code and phase.
    func execute(_ query: String, parameters: [String: Value], on graph: inout Graph) throws(QueryError)
        -> TCKQueryResult

    /// The graph's nodes, relationships, property triples and labels, for counting side effects.
    ///
    /// The default runs `MATCH (n) RETURN n` and `MATCH ()-[r]->() RETURN r` through ``execute(_:parameters:on:)``;
    /// an adapter that can read its store directly should do so.
    func observe(_ graph: inout Graph) throws(QueryError) -> GraphObservation

    /// Makes a TCK procedure fixture callable on `graph`; `false` when the engine has no procedure
    /// fixtures (the scenario is then skipped). The default returns `false`.
    func defineProcedure(_ fixture: TCKProcedureFixture, on graph: inout Graph) throws(QueryError) -> Bool
}

/// A query's result as the runner sees it: column names and rows of values.
public struct TCKQueryResult: Sendable, Hashable {
    /// Column names in result order.
    public var columns: [String]
    /// One array of values per row, aligned with `columns`.
    public var rows: [[Value]]

    public init(columns: [String], rows: [[Value]]) {
        self.columns = columns
        self.rows = rows
    }
}

extension TCKEngine {
    /// Observes the graph through `MATCH (n) RETURN n` and `MATCH ()-[r]->() RETURN r`.
    public func observe(_ graph: inout Graph) throws(QueryError) -> GraphObservation {
        let nodes = try execute("MATCH (n) RETURN n", parameters: [:], on: &graph).rows.compactMap { row -> Node? in
            if case .node(let node)? = row.first { return node }
            return nil
        }
        let relationships = try execute("MATCH ()-[r]->() RETURN r", parameters: [:], on: &graph).rows
            .compactMap { row -> Relationship? in
                if case .relationship(let relationship)? = row.first { return relationship }
                return nil
            }
        return GraphObservation(nodes: nodes, relationships: relationships)
    }
}
