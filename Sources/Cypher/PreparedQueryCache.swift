import QuiverCore

/// Parsed and analysed statements by their text, so a statement sent again skips the lexer, the parser
/// and the analyser (Neo4j keeps such a cache too). A statement's parse depends only on its text, and
/// its analysis only on the procedures' signatures and the parameter names given, so those three are
/// the key; the procedures themselves are taken from each call. Plans are not cached: they depend on
/// the graph (its counts, its indexes).
///
/// Bounded: at most `capacity` entries, the oldest dropped first, and texts longer than
/// `longestText` characters are never kept. Safe from any number of threads.
///
/// ```swift
/// let cache = PreparedQueryCache(capacity: 2)
/// let prepared = try cache.prepare("RETURN 1") { try CypherEngine.prepare($0) }
/// ```
final class PreparedQueryCache: Sendable {
    struct Key: Hashable, Sendable {
        var text: String
        var signatures: [ProcedureSignature]
        var parameterNames: Set<String>?
    }

    struct Entry: Sendable {
        var statement: CypherStatement
        var analysis: AnalyzedQuery?
        var mode: PlanMode
    }

    private struct Storage {
        var entries: [Key: Entry] = [:]
        var order: [Key] = []
        var oldest = 0
    }

    /// The cache `CypherEngine.prepare` uses.
    static let shared = PreparedQueryCache(capacity: 1_000)

    let capacity: Int
    let longestText: Int
    private let storage = Locked(Storage())

    init(capacity: Int, longestText: Int = 16_384) {
        self.capacity = max(1, capacity)
        self.longestText = longestText
    }

    /// The statement prepared from `text` with `procedures`: from the cache, or by `prepare` (and kept).
    func prepare(
        _ text: String, procedures: ProcedureRegistry, parameterNames: Set<String>?,
        _ prepare: (String) throws(QueryError) -> PreparedQuery
    ) throws(QueryError) -> PreparedQuery {
        guard text.utf8.count <= longestText else { return try prepare(text) }
        let key = Key(text: text, signatures: procedures.signatures, parameterNames: parameterNames)
        if let entry = storage.withLock({ $0.entries[key] }) {
            return PreparedQuery(text: text, statement: entry.statement, analysis: entry.analysis, procedures: procedures,
                                 parameterNames: parameterNames, mode: entry.mode)
        }
        let prepared = try prepare(text)
        let entry = Entry(statement: prepared.statement, analysis: prepared.analysis, mode: prepared.mode)
        storage.withLock { storage in
            guard storage.entries.updateValue(entry, forKey: key) == nil else { return }
            if storage.order.count < capacity {
                storage.order.append(key)
            } else {
                storage.entries[storage.order[storage.oldest]] = nil
                storage.order[storage.oldest] = key
                storage.oldest = (storage.oldest + 1) % capacity
            }
        }
        return prepared
    }

    /// How many statements are kept.
    var count: Int { storage.withLock { $0.entries.count } }
}
