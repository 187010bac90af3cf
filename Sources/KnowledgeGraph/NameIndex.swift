import TextAnalysis

/// Entity names (keys and aliases) in sorted order, for finding the names written in a question by
/// binary search: nothing to build when an index is loaded, where a hash table of every name would be.
///
/// The rules are `EntityMatcher`'s: a one-word name matches only where the text capitalises it, stop
/// words and words shorter than three letters are no names, and at each position the longest name wins.
///
/// ```swift
/// let names = NameIndex(entities: graph.entities) { graph.entities[$0].kind != .date }
/// names.matches(in: EntityKey.tokenizer.tokenize("Who starred in Kiss and Tell?"))
/// ```
public struct NameIndex: Sendable {
    /// The names, sorted.
    public let keys: [String]
    /// The entity of each name.
    public let entities: [Int32]
    /// The most words a name has.
    public let maximumWords: Int

    /// The names of the entities that `includes` accepts.
    public init(entities: [Entity], includes: (Int) -> Bool) {
        var pairs: [(String, Int32)] = []
        for (index, entity) in entities.enumerated() where includes(index) {
            for key in [entity.key] + entity.aliases {
                let words = key.split(separator: " ")
                guard let first = words.first else { continue }
                if words.count == 1, StopWords.extended.contains(String(first)) || first.count < 3 { continue }
                pairs.append((key, Int32(index)))
            }
        }
        pairs.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        self.keys = pairs.map(\.0)
        self.entities = pairs.map(\.1)
        self.maximumWords = pairs.map { $0.0.split(separator: " ").count }.max() ?? 0
    }

    /// Names read back from an index file (already sorted).
    public init?(keys: [String], entities: [Int32], maximumWords: Int) {
        guard keys.count == entities.count, zip(keys, keys.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        self.keys = keys
        self.entities = entities
        self.maximumWords = maximumWords
    }

    /// The entity named by a key, if any (the lowest entity number when several share it).
    public func entity(named key: String) -> Int32? {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? entities[low] : nil
    }

    /// The longest name starting at every position of tokenized text (overlapping names included).
    public func matches(in tokens: [Token]) -> [EntityMatcher.Match] {
        var result: [EntityMatcher.Match] = []
        for start in tokens.indices {
            let longest = min(maximumWords, tokens.count - start)
            guard longest > 0 else { continue }
            for length in stride(from: longest, through: 1, by: -1) {
                if length == 1, !tokens[start].isCapitalized { continue }
                let key = tokens[start..<(start + length)].map(\.text).joined(separator: " ")
                guard let entity = entity(named: key) else { continue }
                result.append(EntityMatcher.Match(entity: entity, start: tokens[start].start, end: tokens[start + length - 1].end,
                                                  tokenCount: length, token: start, key: key))
                break
            }
        }
        return result
    }
}
