import Cypher
import PropertyGraph

/// The graph a ``CypherTCKEngine`` scenario runs on: the store, and the procedures CALL can invoke
/// there (the built-ins plus the scenario's fixtures).
///
/// ```swift
/// var graph = CypherTCKEngine().makeEmptyGraph()
/// graph.procedures.register(try Procedure.table(signature, rows: rows))
/// ```
public struct CypherTCKGraph {
    /// The in-memory property graph.
    public var store: GraphStore
    /// The procedures CALL can invoke on ``store``.
    public var procedures: ProcedureRegistry

    /// Creates the value from its parts.
    public init(store: GraphStore = GraphStore(), procedures: ProcedureRegistry = .standard) {
        self.store = store
        self.procedures = procedures
    }
}
