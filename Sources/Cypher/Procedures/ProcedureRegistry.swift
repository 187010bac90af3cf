/// The procedures CALL can invoke, by qualified name.
///
/// ``standard`` holds the built-in procedures (``Procedure/dbLabels``, ``Procedure/dbRelationshipTypes``,
/// ``Procedure/dbPropertyKeys``); register more to make them callable, then pass the registry to
/// ``CypherEngine/execute(_:parameters:on:readOnly:options:procedures:)``. Names are case-sensitive,
/// as in Neo4j.
///
/// ```swift
/// var procedures = ProcedureRegistry.standard
/// procedures.register(try Procedure.table(signature, rows: rows))
/// let result = try CypherEngine.execute("CALL test.city('Ann')", on: graph, procedures: procedures)
/// ```
public struct ProcedureRegistry: Sendable {
    private var procedures: [String: Procedure] = [:]

    /// An empty registry: no procedure is callable, not even the built-ins.
    public init() {}

    /// The built-in procedures.
    public static let standard: ProcedureRegistry = {
        var registry = ProcedureRegistry()
        for procedure in [Procedure.dbLabels, .dbRelationshipTypes, .dbPropertyKeys] { registry.register(procedure) }
        return registry
    }()

    /// Makes `procedure` callable under its signature's name, replacing any procedure of that name.
    public mutating func register(_ procedure: Procedure) {
        procedures[procedure.signature.name] = procedure
    }

    /// The procedure called `name` (dotted, e.g. `db.labels`), or `nil`.
    public subscript(name: String) -> Procedure? { procedures[name] }

    /// The signatures of every registered procedure, sorted by name.
    public var signatures: [ProcedureSignature] {
        procedures.values.map(\.signature).sorted { $0.name < $1.name }
    }
}
