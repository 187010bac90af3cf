/// Node and relationship scans, in id order.
extension GraphStore {
    /// Calls `body` with every live node id, ascending.
    public func forEachNode(_ body: (Int) throws -> Void) rethrows {
        try nodeAlive.forEach(body)
    }

    /// Calls `body` with every live node carrying `label`, ascending.
    public func forEachNode(label: Int, _ body: (Int) throws -> Void) rethrows {
        guard label >= 0, label < labelMembers.count else { return }
        try labelMembers[label].forEach(body)
    }

    /// The live node ids, ascending; only those with `label` when given.
    ///
    /// ```swift
    /// let people = graph.nodeIDs(label: graph.labelID("Person"))
    /// ```
    public func nodeIDs(label: Int? = nil) -> [Int] {
        var result: [Int] = []
        if let label {
            result.reserveCapacity(nodeCount(label: label))
            forEachNode(label: label) { result.append($0) }
        } else {
            result.reserveCapacity(nodeCount)
            forEachNode { result.append($0) }
        }
        return result
    }

    /// Calls `body` with every live relationship id, ascending; only those of `type` when given.
    public func forEachRelationship(type: Int? = nil, _ body: (Int) throws -> Void) rethrows {
        if let type {
            let t = Int32(truncatingIfNeeded: type)
            try relAlive.forEach { id in if relType[id] == t { try body(id) } }
        } else {
            try relAlive.forEach(body)
        }
    }

    /// The live relationship ids, ascending; only those of `type` when given.
    public func relationshipIDs(type: Int? = nil) -> [Int] {
        var result: [Int] = []
        forEachRelationship(type: type) { result.append($0) }
        return result
    }
}
