import QuiverCore

/// Bulk loading: whole batches of nodes and relationships written straight into the base
/// tables and columns, then one CSR build, bypassing per-edge write buffering.
extension GraphStore {
    /// Adds `count` nodes, each with `labels`, and property columns given as arrays of
    /// `count` values (`.null` = absent); returns the new ids.
    ///
    /// ```swift
    /// let ids = try graph.bulkAddNodes(count: 3, labels: ["Person"], properties: ["age": [30, 41, .null]])
    /// ```
    @discardableResult
    public func bulkAddNodes(count: Int, labels: [String] = [], properties: [String: [Value]] = [:]) throws -> Range<Int> {
        try requireNoTransaction("bulkAddNodes")
        let labelIDs = labels.map { internLabel($0) }
        var builders: [(key: Int, builder: ColumnBuilder)] = []
        for (name, values) in properties.sorted(by: { $0.key < $1.key }) {
            guard values.count == count else {
                throw GraphStoreError.importFailed(
                    file: "<arrays>", line: 0, message: "property `\(name)` has \(values.count) values for \(count) nodes")
            }
            let key = internPropertyKey(name)
            var builder = ColumnBuilder(kind: PropertyColumn.kind(of: values.first { !$0.isNull } ?? .null), capacity: count)
            for value in values {
                try validate(value, key: key)
                builder.append(value)
            }
            builders.append((key, builder))
        }
        let range = appendNodes(count: count) { _ in labelIDs }
        for (key, builder) in builders { installNodeColumn(key: key, builder, base: range.lowerBound) }
        refreshIndexes()
        return range
    }

    /// Adds relationships `starts[i] → ends[i]` of `type`, with property columns as arrays;
    /// returns the new ids. The CSR is rebuilt once at the end.
    @discardableResult
    public func bulkAddRelationships(
        type: String, starts: [Int], ends: [Int], properties: [String: [Value]] = [:]
    ) throws -> Range<Int> {
        try requireNoTransaction("bulkAddRelationships")
        guard starts.count == ends.count else {
            throw GraphStoreError.importFailed(file: "<arrays>", line: 0, message: "\(starts.count) start ids but \(ends.count) end ids")
        }
        for node in starts where !isAlive(node: node) { throw GraphStoreError.nodeNotFound(node) }
        for node in ends where !isAlive(node: node) { throw GraphStoreError.nodeNotFound(node) }
        let builders = try relationshipColumns(properties, count: starts.count)
        let typeID = Int32(internType(type))
        let range = appendRelationships(
            types: [Int32](repeating: typeID, count: starts.count),
            starts: starts.map { Int32($0) }, ends: ends.map { Int32($0) })
        for (key, builder) in builders { installRelationshipColumn(key: key, builder, base: range.lowerBound) }
        compact()
        return range
    }

    /// Adds relationships of many types at once, `starts[i] → ends[i]` of type `typeNames[types[i]]`,
    /// with property columns as arrays and one CSR build at the end (a knowledge graph with thousands of
    /// relation types loads in one pass).
    ///
    /// ```swift
    /// try graph.bulkAddRelationships(typeNames: ["KNOWS", "LIKES"], types: [0, 1, 0], starts: [0, 1, 2], ends: [1, 2, 0])
    /// ```
    @discardableResult
    public func bulkAddRelationships(
        typeNames: [String], types: [Int32], starts: [Int32], ends: [Int32], properties: [String: [Value]] = [:]
    ) throws -> Range<Int> {
        try requireNoTransaction("bulkAddRelationships")
        guard starts.count == ends.count, types.count == starts.count else {
            throw GraphStoreError.importFailed(
                file: "<arrays>", line: 0, message: "\(types.count) types, \(starts.count) start ids and \(ends.count) end ids")
        }
        for node in starts where !isAlive(node: Int(node)) { throw GraphStoreError.nodeNotFound(Int(node)) }
        for node in ends where !isAlive(node: Int(node)) { throw GraphStoreError.nodeNotFound(Int(node)) }
        if let bad = types.firstIndex(where: { $0 < 0 || Int($0) >= typeNames.count }) {
            throw GraphStoreError.importFailed(
                file: "<arrays>", line: 0, message: "type index \(types[bad]) at \(bad) is not below \(typeNames.count)")
        }
        let builders = try relationshipColumns(properties, count: starts.count)
        let typeIDs = typeNames.map { Int32(internType($0)) }
        let storeTypes = types.map { typeIDs[Int($0)] }
        let range = appendRelationships(types: storeTypes, starts: starts, ends: ends)
        for (key, builder) in builders { installRelationshipColumn(key: key, builder, base: range.lowerBound) }
        compact()
        return range
    }

    /// Property columns for `count` new relationships, checked (one value per relationship, storable).
    private func relationshipColumns(_ properties: [String: [Value]], count: Int) throws -> [(key: Int, builder: ColumnBuilder)] {
        var builders: [(key: Int, builder: ColumnBuilder)] = []
        for (name, values) in properties.sorted(by: { $0.key < $1.key }) {
            guard values.count == count else {
                throw GraphStoreError.importFailed(
                    file: "<arrays>", line: 0, message: "property `\(name)` has \(values.count) values for \(count) relationships")
            }
            let key = internPropertyKey(name)
            var builder = ColumnBuilder(kind: PropertyColumn.kind(of: values.first { !$0.isNull } ?? .null), capacity: values.count)
            for value in values {
                try validate(value, key: key)
                builder.append(value)
            }
            builders.append((key, builder))
        }
        return builders
    }

    func requireNoTransaction(_ operation: String) throws {
        guard transactionMark == nil else {
            throw GraphStoreError.transactionState("\(operation) cannot run inside a transaction; commit or roll back first")
        }
    }

    /// Appends `count` live nodes; `labelsOf(row)` gives each new node's label ids.
    func appendNodes(count: Int, labelsOf: (Int) -> [Int]) -> Range<Int> {
        willMutate()
        let base = nodeIDLimit
        nodeIDLimit += count
        nodeLabelWords.append(contentsOf: repeatElement(0, count: count * labelStride))
        for row in 0..<count {
            let node = base + row
            nodeAlive.insert(node)
            for label in labelsOf(row) where !hasLabel(node: node, label: label) {
                nodeLabelWords[node * labelStride + label >> 6] |= 1 << UInt64(label & 63)
                labelMembers[label].insert(node)
                labelCounts[label] += 1
            }
        }
        nodeCount += count
        outgoing.buffer.append(contentsOf: repeatElement([], count: count))
        incoming.buffer.append(contentsOf: repeatElement([], count: count))
        return base..<nodeIDLimit
    }

    /// Appends live relationships to the base tables; the caller compacts afterwards.
    func appendRelationships(types newTypes: [Int32], starts: [Int32], ends: [Int32]) -> Range<Int> {
        willMutate()
        let base = relType.count
        relType.append(contentsOf: newTypes)
        relStart.append(contentsOf: starts)
        relEnd.append(contentsOf: ends)
        let limit = relType.count
        if base & 63 == 0 {
            // Whole words at once: the common case of loading into an empty or word-aligned table.
            var words = relAlive.words(covering: base)
            let full = (limit - base) / 64
            words.append(contentsOf: repeatElement(UInt64.max, count: full))
            let rest = (limit - base) & 63
            if rest > 0 { words.append((1 << UInt64(rest)) - 1) }
            relAlive = BitSet(words: words)
        } else {
            for rel in base..<limit { relAlive.insert(rel) }
        }
        for t in newTypes { typeCounts[Int(t)] += 1 }
        relationshipCount += limit - base
        return base..<limit
    }

    func installNodeColumn(key: Int, _ builder: ColumnBuilder, base: Int) {
        willMutate()
        while nodeColumns.count <= key { nodeColumns.append(PropertyColumn()) }
        nodeColumns[key].install(builder, base: base)
    }

    func installRelationshipColumn(key: Int, _ builder: ColumnBuilder, base: Int) {
        willMutate()
        while relColumns.count <= key { relColumns.append(PropertyColumn()) }
        relColumns[key].install(builder, base: base)
    }

    /// Rebuilds every index (after a bulk load added nodes behind their backs).
    func refreshIndexes() {
        willMutate()
        for key in Array(indexes.keys) { rebuildIndex(key) }
    }
}
