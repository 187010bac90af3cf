import PropertyGraph
import QuiverCore

// The built-in procedures every ``ProcedureRegistry/standard`` holds: the schema look-ups
// Text-to-Cypher systems issue before writing a query.

extension Procedure {
    /// `db.labels() :: (label :: STRING)`: the labels some node of the graph carries, in the order
    /// they were first used.
    public static let dbLabels = builtIn("db.labels", output: "label") { graph in
        graph.labelNames.filter { name in graph.labelID(name).map { graph.nodeCount(label: $0) > 0 } ?? false }
    }

    /// `db.relationshipTypes() :: (relationshipType :: STRING)`: the types some relationship of the
    /// graph has, in the order they were first used.
    public static let dbRelationshipTypes = builtIn("db.relationshipTypes", output: "relationshipType") { graph in
        graph.typeNames.filter { name in graph.typeID(name).map { graph.relationshipCount(type: $0) > 0 } ?? false }
    }

    /// `db.propertyKeys() :: (propertyKey :: STRING)`: every property key the graph has used, in the
    /// order they were first used (as in Neo4j, a key stays listed after its last value is removed).
    public static let dbPropertyKeys = builtIn("db.propertyKeys", output: "propertyKey") { graph in
        graph.propertyKeyNames
    }

    /// A read-only procedure `name() :: (output :: STRING)` yielding one row per name `names` lists.
    private static func builtIn(
        _ name: String, output: String, names: @escaping @Sendable (GraphStore) -> [String]
    ) -> Procedure {
        let signature = ProcedureSignature(
            name: name, inputs: [], outputs: [ProcedureSignature.Field(name: output, type: CypherType(.string))])
        return Procedure(signature) { call in names(call.graph).map { [.string($0)] } }
    }
}
