import QuiverCore

/// One reversible change, recorded while a transaction is open.
enum UndoEntry: Sendable {
    case createNode(Int)
    case deleteNode(Int)
    case createRelationship(Int)
    case deleteRelationship(Int)
    case addLabel(node: Int, label: Int)
    case removeLabel(node: Int, label: Int)
    case setNodeProperty(node: Int, key: Int, old: Value)
    case setRelationshipProperty(relationship: Int, key: Int, old: Value)
    case createIndex(IndexKey)
    case dropIndex(IndexKey)
}

/// The name-table sizes at `begin`, so names interned by a rolled-back query vanish too.
struct TransactionMark: Sendable {
    var labelCount: Int
    var typeCount: Int
    var keyCount: Int
}

/// Transactions: every change made between `begin` and `rollback` is undone exactly, so the
/// graph (and a snapshot saved from it) is byte-identical to the one before `begin`.
extension GraphStore {
    /// Whether a transaction is open.
    public var isInTransaction: Bool { transactionMark != nil }

    /// Opens a transaction; fails if one is already open.
    public func begin() throws {
        guard transactionMark == nil else {
            throw GraphStoreError.transactionState("a transaction is already open; commit or roll it back first")
        }
        transactionMark = TransactionMark(labelCount: labels.count, typeCount: types.count, keyCount: keys.count)
        undoLog.removeAll(keepingCapacity: true)
        transactionsBegun += 1
    }

    /// Keeps the transaction's changes.
    public func commit() throws {
        guard transactionMark != nil else {
            throw GraphStoreError.transactionState("commit without an open transaction")
        }
        transactionMark = nil
        undoLog.removeAll()
        compactIfNeeded()
    }

    /// Undoes every change since `begin`, newest first.
    public func rollback() throws {
        guard let mark = transactionMark else {
            throw GraphStoreError.transactionState("rollback without an open transaction")
        }
        willMutate()
        isUndoing = true
        defer { isUndoing = false }
        while let entry = undoLog.popLast() { undo(entry) }
        labels.truncate(to: mark.labelCount)
        labelMembers.removeLast(labelMembers.count - mark.labelCount)
        labelCounts.removeLast(labelCounts.count - mark.labelCount)
        types.truncate(to: mark.typeCount)
        typeCounts.removeLast(typeCounts.count - mark.typeCount)
        keys.truncate(to: mark.keyCount)
        if nodeColumns.count > mark.keyCount { nodeColumns.removeLast(nodeColumns.count - mark.keyCount) }
        if relColumns.count > mark.keyCount { relColumns.removeLast(relColumns.count - mark.keyCount) }
        transactionMark = nil
    }

    /// Runs `body` in a transaction: commits if it returns, rolls back if it throws.
    ///
    /// ```swift
    /// try graph.transaction {
    ///     let a = graph.addNode(labels: ["A"])
    ///     try graph.setNodeProperty(a, "x", 1)
    /// }
    /// ```
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try begin()
        do {
            let result = try body()
            try commit()
            return result
        } catch {
            try rollback()
            throw error
        }
    }

    @inline(__always)
    func record(_ entry: UndoEntry) {
        if transactionMark != nil && !isUndoing { undoLog.append(entry) }
    }

    private func undo(_ entry: UndoEntry) {
        switch entry {
        case .createNode(let node):
            // Created nodes are always the newest ids, and their labels and properties were
            // undone already (they were recorded after the creation).
            nodeAlive.remove(node)
            nodeCount -= 1
            nodeIDLimit = node
            nodeLabelWords.removeLast(nodeLabelWords.count - node * labelStride)
            nodeAlive.truncate(to: node)
            if outgoing.buffer.count > node { outgoing.buffer.removeLast(outgoing.buffer.count - node) }
            if incoming.buffer.count > node { incoming.buffer.removeLast(incoming.buffer.count - node) }
            for key in nodeColumns.indices { nodeColumns[key].present.truncate(to: node) }
        case .deleteNode(let node):
            nodeAlive.insert(node)
            nodeCount += 1
        case .createRelationship(let rel):
            let start = Int(relStart[rel]), end = Int(relEnd[rel])
            outgoing.removeLastBuffered(node: start, relationship: rel)
            incoming.removeLastBuffered(node: end, relationship: rel)
            relAlive.remove(rel)
            relAlive.truncate(to: rel)
            relationshipCount -= 1
            typeCounts[Int(relType[rel])] -= 1
            relType.removeLast(relType.count - rel)
            relStart.removeLast(relStart.count - rel)
            relEnd.removeLast(relEnd.count - rel)
            for key in relColumns.indices { relColumns[key].present.truncate(to: rel) }
        case .deleteRelationship(let rel):
            relAlive.insert(rel)
            relationshipCount += 1
            typeCounts[Int(relType[rel])] += 1
            deadInAdjacency -= 1
        case .addLabel(let node, let label):
            rawRemoveLabel(node, label)
        case .removeLabel(let node, let label):
            rawAddLabel(node, label)
        case .setNodeProperty(let node, let key, let old):
            rawSetNodeProperty(node, key: key, old)
        case .setRelationshipProperty(let rel, let key, let old):
            rawSetRelationshipProperty(rel, key: key, old)
        case .createIndex(let key):
            declaredIndexes.remove(key)
            indexes[key] = nil
        case .dropIndex(let key):
            declaredIndexes.insert(key)
            rebuildIndex(key)
        }
    }
}
