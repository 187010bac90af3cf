import QuiverCore

/// The (label, property key) pair an equality index covers.
struct IndexKey: Hashable, Sendable, Comparable {
    var label: Int
    var key: Int

    static func < (lhs: IndexKey, rhs: IndexKey) -> Bool { (lhs.label, lhs.key) < (rhs.label, rhs.key) }
}

/// Node ids by property value, for nodes with one label; each id list is kept sorted.
///
/// Values hash by Cypher equivalence, so `1` and `1.0` share an entry, as `=` would match them.
struct EqualityIndex: Sendable {
    var entries: [Value: [Int]] = [:]

    mutating func insert(_ value: Value, node: Int) {
        if case .null = value { return }
        var ids = entries[value, default: []]
        let position = ids.partitioningIndex { $0 >= node }
        if position < ids.count && ids[position] == node { return }
        ids.insert(node, at: position)
        entries[value] = ids
    }

    mutating func remove(_ value: Value, node: Int) {
        if case .null = value { return }
        guard var ids = entries[value] else { return }
        let position = ids.partitioningIndex { $0 >= node }
        guard position < ids.count && ids[position] == node else { return }
        ids.remove(at: position)
        entries[value] = ids.isEmpty ? nil : ids
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, which must be false then true along the array.
    func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if predicate(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

/// Creating, dropping and querying equality indexes on (label, key).
extension GraphStore {
    /// Creates an equality index on nodes with `label` by property `key` (no-op if it exists).
    ///
    /// ```swift
    /// graph.createIndex(label: "Person", key: "id")
    /// let hits = graph.indexLookup(label: graph.labelID("Person")!, key: graph.propertyKeyID("id")!, value: 42)
    /// ```
    public func createIndex(label: String, key: String) {
        let indexKey = IndexKey(label: internLabel(label), key: internPropertyKey(key))
        guard !declaredIndexes.contains(indexKey) else { return }
        willMutate()
        if indexes[indexKey] == nil { indexes[indexKey] = buildIndex(indexKey) }
        declaredIndexes.insert(indexKey)
        record(.createIndex(indexKey))
    }

    /// Builds an index on (`label`, `key`) for a write query's lookups on a large label: derived
    /// data, maintained by later writes like a declared index, but never listed or saved.
    package func createAutomaticIndex(label: Int, key: Int) {
        let indexKey = IndexKey(label: label, key: key)
        guard indexes[indexKey] == nil else { return }
        willMutate()
        indexes[indexKey] = buildIndex(indexKey)
    }

    /// Drops the index on (`label`, `key`) if it was declared.
    public func dropIndex(label: String, key: String) {
        guard let l = labels.id(label), let k = keys.id(key) else { return }
        let indexKey = IndexKey(label: l, key: k)
        guard declaredIndexes.contains(indexKey) else { return }
        willMutate()
        declaredIndexes.remove(indexKey)
        indexes[indexKey] = nil
        record(.dropIndex(indexKey))
    }

    /// Whether an index (declared or automatic) serves lookups on (`label`, `key`) ids.
    public func hasIndex(label: Int, key: Int) -> Bool { indexes[IndexKey(label: label, key: key)] != nil }

    /// How many distinct values an index (declared or automatic) on (`label`, `key`) ids holds,
    /// nil without one: the planner's equality selectivity.
    package func indexedDistinctValues(label: Int, key: Int) -> Int? {
        indexes[IndexKey(label: label, key: key)]?.entries.count
    }

    /// Whether an index on (`label`, `key`) ids was declared with ``createIndex(label:key:)``.
    public func hasDeclaredIndex(label: Int, key: Int) -> Bool { declaredIndexes.contains(IndexKey(label: label, key: key)) }

    /// The declared indexes, as (label, key) names sorted by ids.
    public var indexDefinitions: [(label: String, key: String)] {
        declaredIndexes.sorted().map { (labels.name($0.label), keys.name($0.key)) }
    }

    /// The nodes with `label` whose `key` equals `value` (ascending ids), or nil without an index.
    ///
    /// A value that holds a null or NaN matches nothing, as with Cypher's `=`.
    public func indexLookup(label: Int, key: Int, value: Value) -> [Int]? {
        guard let index = indexes[IndexKey(label: label, key: key)] else { return nil }
        guard Self.canEqualItself(value) else { return [] }
        return index.entries[value] ?? []
    }

    /// Whether `value = value` can be true: not when a null or NaN sits anywhere inside it.
    static func canEqualItself(_ value: Value) -> Bool {
        switch value {
        case .null: false
        case .float(let f): !f.isNaN
        case .list(let items): items.allSatisfy(canEqualItself)
        case .map(let entries): entries.values.allSatisfy(canEqualItself)
        default: true
        }
    }

    func rebuildIndex(_ indexKey: IndexKey) {
        willMutate()
        indexes[indexKey] = buildIndex(indexKey)
    }

    /// A new index on (label, key) over the current nodes; reads only.
    func buildIndex(_ indexKey: IndexKey) -> EqualityIndex {
        var index = EqualityIndex()
        if indexKey.label < labelMembers.count {
            labelMembers[indexKey.label].forEach { node in
                index.insert(nodeProperty(node, indexKey.key), node: node)
            }
        }
        return index
    }

    func updateIndexes(node: Int, key: Int, old: Value, new: Value) {
        for indexKey in indexes.keys where indexKey.key == key && hasLabel(node: node, label: indexKey.label) {
            indexes[indexKey]?.remove(old, node: node)
            indexes[indexKey]?.insert(new, node: node)
        }
    }

    func indexLabelAdded(node: Int, label: Int) {
        for indexKey in indexes.keys where indexKey.label == label {
            indexes[indexKey]?.insert(nodeProperty(node, indexKey.key), node: node)
        }
    }

    func indexLabelRemoved(node: Int, label: Int) {
        for indexKey in indexes.keys where indexKey.label == label {
            indexes[indexKey]?.remove(nodeProperty(node, indexKey.key), node: node)
        }
    }
}
