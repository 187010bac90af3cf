import QuiverCore

/// Materializing store entities as `QuiverCore` values.
extension GraphStore {
    /// `node` as a value: its id, label names in label-id order, and properties.
    public func node(_ node: Int) -> Node {
        Node(id: node, labels: labelNames(of: node), properties: nodeProperties(node))
    }

    /// `relationship` as a value: id, type name, endpoints and properties.
    public func relationship(_ relationship: Int) -> Relationship {
        Relationship(
            id: relationship, type: types.name(Int(relType[relationship])),
            startID: Int(relStart[relationship]), endID: Int(relEnd[relationship]),
            properties: relationshipProperties(relationship))
    }
}
