import QuiverCore

/// Reading and writing node and relationship properties.
extension GraphStore {
    // MARK: Nodes

    /// The value of property `key` (a key id) on `node`, or `.null`.
    @inlinable @inline(__always)
    public func nodeProperty(_ node: Int, _ key: Int) -> Value {
        key >= 0 && key < nodeColumns.count ? nodeColumns[key].value(node) : .null
    }

    /// The value of property `key` on `node`, or `.null`.
    public func nodeProperty(_ node: Int, _ key: String) -> Value {
        guard let id = keys.id(key) else { return .null }
        return nodeProperty(node, id)
    }

    /// Sets property `key` of `node`; `.null` removes it.
    ///
    /// ```swift
    /// try graph.setNodeProperty(ann, "age", .int(42))
    /// ```
    public func setNodeProperty(_ node: Int, _ key: String, _ value: Value) throws {
        if case .null = value, keys.id(key) == nil { return try requireNode(node) }
        try setNodeProperty(node, key: internPropertyKey(key), value)
    }

    /// Sets property `key` (a key id) of `node`; `.null` removes it.
    public func setNodeProperty(_ node: Int, key: Int, _ value: Value) throws {
        try requireNode(node)
        try validate(value, key: key)
        rawSetNodeProperty(node, key: key, value)
    }

    /// The properties of `node`.
    public func nodeProperties(_ node: Int) -> [String: Value] {
        var result: [String: Value] = [:]
        forEachProperty(in: nodeColumns, entity: node) { result[keys.name($0)] = $1 }
        return result
    }

    /// The properties of `node` as (key, value) pairs sorted by key name.
    public func sortedNodeProperties(_ node: Int) -> [(key: String, value: Value)] {
        var result: [(key: String, value: Value)] = []
        forEachProperty(in: nodeColumns, entity: node) { result.append((keys.name($0), $1)) }
        return result.sorted { $0.key < $1.key }
    }

    /// The property key ids set on `node`, ascending.
    public func nodePropertyKeys(_ node: Int) -> [Int] {
        var result: [Int] = []
        forEachProperty(in: nodeColumns, entity: node) { key, _ in result.append(key) }
        return result
    }

    /// The column of node property `key`, for fast typed scans (`column.int64(node)`).
    public func nodeColumn(key: Int) -> PropertyColumn? {
        key >= 0 && key < nodeColumns.count ? nodeColumns[key] : nil
    }

    // MARK: Relationships

    /// The value of property `key` (a key id) on `relationship`, or `.null`.
    @inlinable @inline(__always)
    public func relationshipProperty(_ relationship: Int, _ key: Int) -> Value {
        key >= 0 && key < relColumns.count ? relColumns[key].value(relationship) : .null
    }

    /// The value of property `key` on `relationship`, or `.null`.
    public func relationshipProperty(_ relationship: Int, _ key: String) -> Value {
        guard let id = keys.id(key) else { return .null }
        return relationshipProperty(relationship, id)
    }

    /// Sets property `key` of `relationship`; `.null` removes it.
    public func setRelationshipProperty(_ relationship: Int, _ key: String, _ value: Value) throws {
        if case .null = value, keys.id(key) == nil { return try requireRelationship(relationship) }
        try setRelationshipProperty(relationship, key: internPropertyKey(key), value)
    }

    /// Sets property `key` (a key id) of `relationship`; `.null` removes it.
    public func setRelationshipProperty(_ relationship: Int, key: Int, _ value: Value) throws {
        try requireRelationship(relationship)
        try validate(value, key: key)
        rawSetRelationshipProperty(relationship, key: key, value)
    }

    /// The properties of `relationship`.
    public func relationshipProperties(_ relationship: Int) -> [String: Value] {
        var result: [String: Value] = [:]
        forEachProperty(in: relColumns, entity: relationship) { result[keys.name($0)] = $1 }
        return result
    }

    /// The properties of `relationship` as (key, value) pairs sorted by key name.
    public func sortedRelationshipProperties(_ relationship: Int) -> [(key: String, value: Value)] {
        var result: [(key: String, value: Value)] = []
        forEachProperty(in: relColumns, entity: relationship) { result.append((keys.name($0), $1)) }
        return result.sorted { $0.key < $1.key }
    }

    /// The property key ids set on `relationship`, ascending.
    public func relationshipPropertyKeys(_ relationship: Int) -> [Int] {
        var result: [Int] = []
        forEachProperty(in: relColumns, entity: relationship) { key, _ in result.append(key) }
        return result
    }

    /// The column of relationship property `key`, for fast typed scans.
    public func relationshipColumn(key: Int) -> PropertyColumn? {
        key >= 0 && key < relColumns.count ? relColumns[key] : nil
    }

    // MARK: Internals

    func forEachProperty(in columns: [PropertyColumn], entity: Int, _ body: (Int, Value) -> Void) {
        guard entity >= 0 else { return }
        for key in columns.indices where columns[key].hasValue(entity) {
            body(key, columns[key].value(entity))
        }
    }

    func validate(_ value: Value, key: Int) throws {
        switch value {
        case .node, .relationship, .path:
            throw GraphStoreError.unsupportedPropertyValue(key: keys.name(key), typeName: value.typeName)
        case .list(let items):
            for item in items { try validate(item, key: key) }
        case .map(let entries):
            for item in entries.values { try validate(item, key: key) }
        default:
            break
        }
    }

    func requireNode(_ node: Int) throws {
        guard isAlive(node: node) else { throw GraphStoreError.nodeNotFound(node) }
    }

    func requireRelationship(_ relationship: Int) throws {
        guard isAlive(relationship: relationship) else { throw GraphStoreError.relationshipNotFound(relationship) }
    }

    /// Sets a node property, maintaining indexes and the undo log.
    func rawSetNodeProperty(_ node: Int, key: Int, _ value: Value) {
        willMutate()
        while nodeColumns.count <= key { nodeColumns.append(PropertyColumn()) }
        if case .null = value, !nodeColumns[key].hasValue(node) { return }
        let old = nodeColumns[key].set(value, at: node)
        record(.setNodeProperty(node: node, key: key, old: old))
        if !indexes.isEmpty { updateIndexes(node: node, key: key, old: old, new: value) }
    }

    /// Sets a relationship property, maintaining the undo log.
    func rawSetRelationshipProperty(_ relationship: Int, key: Int, _ value: Value) {
        willMutate()
        while relColumns.count <= key { relColumns.append(PropertyColumn()) }
        if case .null = value, !relColumns[key].hasValue(relationship) { return }
        let old = relColumns[key].set(value, at: relationship)
        record(.setRelationshipProperty(relationship: relationship, key: key, old: old))
    }
}
