import PropertyGraph
import QuiverCore

/// Checks a graph against enforced constraints: after a write query, and when a constraint is created.
struct ConstraintVerifier {
    /// A node that breaks a constraint: the error code and a sentence for the user.
    struct Violation {
        var code: String
        var message: String
    }

    let graph: GraphStore

    /// The first violation of `constraint`, described for a user, or `nil`; `among` limits the
    /// check to those node ids (the ones a query created), `nil` checks every node with the label.
    func firstViolation(of constraint: SchemaConstraint, among candidates: Range<Int>?) -> Violation? {
        guard constraint.isEnforced, let label = graph.labelID(constraint.labelOrType) else { return nil }
        let keyName = constraint.properties[0]
        let key = graph.propertyKeyID(keyName)
        let nodes = candidates.map { range in
            range.filter { graph.isAlive(node: $0) && graph.hasLabel(node: $0, label: label) }
        } ?? graph.nodeIDs(label: label)
        let requiresValue = constraint.kind == .notNull || constraint.kind == .key
        let requiresUnique = constraint.kind == .unique || constraint.kind == .key
        var holders: [Value: Int]?
        for node in nodes {
            let value = key.map { graph.nodeProperty(node, $0) } ?? .null
            if case .null = value {
                if requiresValue {
                    return Violation(code: "NotNullConstraintViolation",
                                     message: "Node(\(node)) with label `\(constraint.labelOrType)` must have the property `\(keyName)`")
                }
                continue
            }
            guard requiresUnique, let key, let other = holder(of: value, besides: node, label: label, key: key, cache: &holders)
            else { continue }
            return Violation(code: "UniquenessConstraintViolation",
                             message: "Node(\(other)) already exists with label `\(constraint.labelOrType)` and property `\(keyName)` = \(value)")
        }
        return nil
    }

    /// Another node with the label holding `value`, from the graph's index when it has one.
    private func holder(of value: Value, besides node: Int, label: Int, key: Int, cache: inout [Value: Int]?) -> Int? {
        if let ids = graph.indexLookup(label: label, key: key, value: value) {
            return ids.first { $0 != node }
        }
        // No index (the caller dropped it in an outer transaction): one pass builds the map.
        if cache == nil {
            var map: [Value: Int] = [:]
            for other in graph.nodeIDs(label: label) {
                let held = graph.nodeProperty(other, key)
                if case .null = held { continue }
                if let first = map[held], first != other { map[held] = min(first, other) } else { map[held] = other }
            }
            cache = map
        }
        guard let first = cache?[value] else { return nil }
        if first != node { return first }
        return graph.nodeIDs(label: label).first { $0 != node && graph.nodeProperty($0, key) == value }
    }
}

extension SchemaCatalog {
    /// Checks every enforced constraint after a write; `createdFrom` is the first node id the query
    /// could have created, when it changed no existing node (then only new nodes need checking).
    func verify(_ graph: GraphStore, createdFrom: Int?) -> (SchemaConstraint, ConstraintVerifier.Violation)? {
        let candidates = createdFrom.map { $0..<graph.nodeIDLimit }
        if let candidates, candidates.isEmpty { return nil }
        let verifier = ConstraintVerifier(graph: graph)
        for constraint in constraints where constraint.isEnforced {
            if let violation = verifier.firstViolation(of: constraint, among: candidates) { return (constraint, violation) }
        }
        return nil
    }
}
