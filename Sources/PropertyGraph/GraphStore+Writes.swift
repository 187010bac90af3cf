import QuiverCore

/// Creating and deleting nodes and relationships, and changing labels.
extension GraphStore {
    /// Creates a node with `labels` and `properties` and returns its id.
    ///
    /// ```swift
    /// let ann = graph.addNode(labels: ["Person"], properties: ["name": "Ann", "age": 42])
    /// ```
    @discardableResult
    public func addNode(labels: [String] = [], properties: [String: Value] = [:]) -> Int {
        let node = rawAddNode()
        for label in labels { rawAddLabel(node, internLabel(label)) }
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            if case .null = value { continue }
            // Values that cannot be stored are dropped rather than failing a half-made node.
            if (try? validate(value, key: internPropertyKey(key))) != nil {
                rawSetNodeProperty(node, key: internPropertyKey(key), value)
            }
        }
        return node
    }

    /// Creates a node from interned label and key ids (the executor's fast path).
    @discardableResult
    public func addNode(labelIDs: [Int], properties: [(key: Int, value: Value)]) throws -> Int {
        for (key, value) in properties { try validate(value, key: key) }
        let node = rawAddNode()
        for label in labelIDs { rawAddLabel(node, label) }
        for (key, value) in properties { rawSetNodeProperty(node, key: key, value) }
        return node
    }

    /// Creates a relationship of `type` from `start` to `end` and returns its id.
    @discardableResult
    public func addRelationship(
        type: String, from start: Int, to end: Int, properties: [String: Value] = [:]
    ) throws -> Int {
        try requireNode(start)
        try requireNode(end)
        var pairs: [(key: Int, value: Value)] = []
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            let id = internPropertyKey(key)
            try validate(value, key: id)
            pairs.append((id, value))
        }
        return try addRelationship(typeID: internType(type), from: start, to: end, properties: pairs)
    }

    /// Creates a relationship from interned ids (the executor's fast path).
    @discardableResult
    public func addRelationship(
        typeID: Int, from start: Int, to end: Int, properties: [(key: Int, value: Value)] = []
    ) throws -> Int {
        try requireNode(start)
        try requireNode(end)
        for (key, value) in properties { try validate(value, key: key) }
        willMutate()
        let rel = relType.count
        relType.append(Int32(typeID))
        relStart.append(Int32(start))
        relEnd.append(Int32(end))
        relAlive.insert(rel)
        relationshipCount += 1
        typeCounts[typeID] += 1
        outgoing.append(node: start, relationship: rel, neighbor: end, type: typeID)
        incoming.append(node: end, relationship: rel, neighbor: start, type: typeID)
        record(.createRelationship(rel))
        for (key, value) in properties { rawSetRelationshipProperty(rel, key: key, value) }
        compactIfNeeded()
        return rel
    }

    /// Deletes `node`; fails with `nodeHasRelationships` if any relationship still touches it.
    public func deleteNode(_ node: Int) throws {
        try requireNode(node)
        let count = degree(of: node, type: nil, direction: .both)
        guard count == 0 else { throw GraphStoreError.nodeHasRelationships(node: node, count: count) }
        willMutate()
        for key in nodePropertyKeys(node) { rawSetNodeProperty(node, key: key, .null) }
        for label in labels(of: node) { rawRemoveLabel(node, label) }
        nodeAlive.remove(node)
        nodeCount -= 1
        record(.deleteNode(node))
    }

    /// Deletes `node` together with all its relationships.
    public func detachDeleteNode(_ node: Int) throws {
        try requireNode(node)
        var rels: [Int] = []
        forEachNeighbor(of: node, type: nil, direction: .both) { rel, _ in rels.append(rel) }
        for rel in rels { try deleteRelationship(rel) }
        try deleteNode(node)
    }

    /// Deletes `relationship`.
    public func deleteRelationship(_ relationship: Int) throws {
        try requireRelationship(relationship)
        willMutate()
        for key in relationshipPropertyKeys(relationship) {
            rawSetRelationshipProperty(relationship, key: key, .null)
        }
        relAlive.remove(relationship)
        relationshipCount -= 1
        typeCounts[Int(relType[relationship])] -= 1
        deadInAdjacency += 1
        record(.deleteRelationship(relationship))
        compactIfNeeded()
    }

    /// Adds `label` to `node` (no-op if present).
    public func addLabel(_ label: String, to node: Int) throws {
        try requireNode(node)
        rawAddLabel(node, internLabel(label))
    }

    /// Adds label id `label` to `node` (no-op if present).
    public func addLabel(id label: Int, to node: Int) throws {
        try requireNode(node)
        rawAddLabel(node, label)
    }

    /// Removes `label` from `node` (no-op if absent).
    public func removeLabel(_ label: String, from node: Int) throws {
        try requireNode(node)
        guard let id = labels.id(label) else { return }
        rawRemoveLabel(node, id)
    }

    /// Removes label id `label` from `node` (no-op if absent).
    public func removeLabel(id label: Int, from node: Int) throws {
        try requireNode(node)
        rawRemoveLabel(node, label)
    }

    // MARK: Primitives (maintain counts, indexes and the undo log)

    func rawAddNode() -> Int {
        willMutate()
        let node = nodeIDLimit
        nodeIDLimit += 1
        nodeLabelWords.append(contentsOf: repeatElement(0, count: labelStride))
        nodeAlive.insert(node)
        nodeCount += 1
        outgoing.appendNode()
        incoming.appendNode()
        record(.createNode(node))
        return node
    }

    func rawAddLabel(_ node: Int, _ label: Int) {
        willMutate()
        guard !hasLabel(node: node, label: label) else { return }
        nodeLabelWords[node * labelStride + label >> 6] |= 1 << UInt64(label & 63)
        labelMembers[label].insert(node)
        labelCounts[label] += 1
        record(.addLabel(node: node, label: label))
        if !indexes.isEmpty { indexLabelAdded(node: node, label: label) }
    }

    func rawRemoveLabel(_ node: Int, _ label: Int) {
        willMutate()
        guard hasLabel(node: node, label: label) else { return }
        nodeLabelWords[node * labelStride + label >> 6] &= ~(1 << UInt64(label & 63))
        labelMembers[label].remove(node)
        labelCounts[label] -= 1
        record(.removeLabel(node: node, label: label))
        if !indexes.isEmpty { indexLabelRemoved(node: node, label: label) }
    }
}
