import TextAnalysis

/// Finds written occurrences of known entities in text by matching normalised token sequences.
///
/// Multi-word names match in any case; a one-word name must be capitalised in the text (so that
/// "temple" the noun does not link to "Temple"). At each position the longest name wins.
///
/// ```swift
/// let matcher = EntityMatcher(entities: graph.entities, candidates: Set(graph.titleEntity))
/// matcher.matches(in: "Who starred in Kiss and Tell?")   // [Match(entity: …, start: 15, end: 28)]
/// ```
public struct EntityMatcher: Sendable {
    /// An occurrence of an entity in a text (UTF-8 offsets).
    public struct Match: Sendable, Hashable {
        /// The entity index.
        public var entity: Int32
        /// UTF-8 offset of the first byte.
        public var start: Int
        /// UTF-8 offset one past the end.
        public var end: Int
        /// The number of tokens matched.
        public var tokenCount: Int
        /// The index of the first matched token in the tokenized text.
        public var token: Int
        /// The name's key as matched (the entity's key or one of its aliases).
        public var key: String
    }

    /// First token → candidates (token sequence, entity), longest first.
    private var candidates: [String: [(tokens: [String], entity: Int32)]] = [:]

    /// A matcher for the given entities (indices into `entities`).
    public init(entities: [Entity], candidates selected: Set<Int32>, includingAliases: Bool = true) {
        for entity in selected.sorted() {
            var keys = [entities[Int(entity)].key]
            if includingAliases { keys += entities[Int(entity)].aliases }
            for key in keys {
                let tokens = key.split(separator: " ").map(String.init)
                guard let first = tokens.first else { continue }
                // Stop words alone ("it", "the") and very short words are not linkable names.
                if tokens.count == 1, StopWords.extended.contains(first) || first.count < 3 { continue }
                candidates[first, default: []].append((tokens, entity))
            }
        }
        for key in candidates.keys { candidates[key]?.sort { $0.tokens.count > $1.tokens.count } }
    }

    /// Whether the matcher has no names.
    public var isEmpty: Bool { candidates.isEmpty }

    /// The occurrences in `text`, without overlaps, scanning left to right.
    public func matches(in text: String) -> [Match] {
        matches(in: EntityKey.tokenizer.tokenize(text), overlapping: false)
    }

    /// Every occurrence of every name in tokenized text, nested and overlapping ones included (the
    /// result does not depend on which other names the matcher knows).
    public func allMatches(in tokens: [Token]) -> [Match] {
        var result: [Match] = []
        for index in tokens.indices {
            guard let list = candidates[tokens[index].text] else { continue }
            for candidate in list where matches(candidate.tokens, in: tokens, at: index) {
                result.append(Match(entity: candidate.entity, start: tokens[index].start,
                                    end: tokens[index + candidate.tokens.count - 1].end, tokenCount: candidate.tokens.count,
                                    token: index, key: candidate.tokens.joined(separator: " ")))
            }
        }
        return result
    }

    /// The first tokens of every name, for pre-filtering texts.
    public var firstTokens: Dictionary<String, [(tokens: [String], entity: Int32)]>.Keys { candidates.keys }

    private func matches(_ name: [String], in tokens: [Token], at index: Int) -> Bool {
        let count = name.count
        guard index + count <= tokens.count else { return false }
        if count == 1, !tokens[index].isCapitalized { return false }
        for offset in 0..<count where tokens[index + offset].text != name[offset] { return false }
        return true
    }

    /// The occurrences in tokenized text; with `overlapping`, every position is tried (nested and
    /// overlapping names are all reported, the longest per starting position).
    public func matches(in tokens: [Token], overlapping: Bool) -> [Match] {
        var result: [Match] = []
        var index = 0
        while index < tokens.count {
            var advanced = false
            if let list = candidates[tokens[index].text] {
                for candidate in list where index + candidate.tokens.count <= tokens.count {
                    let count = candidate.tokens.count
                    if count == 1, !tokens[index].isCapitalized { continue }
                    var equal = true
                    for offset in 1..<max(count, 1) where tokens[index + offset].text != candidate.tokens[offset] {
                        equal = false
                        break
                    }
                    if equal {
                        result.append(Match(entity: candidate.entity, start: tokens[index].start,
                                            end: tokens[index + count - 1].end, tokenCount: count, token: index,
                                            key: candidate.tokens.joined(separator: " ")))
                        index += overlapping ? 1 : count
                        advanced = true
                        break
                    }
                }
            }
            if !advanced { index += 1 }
        }
        return result
    }
}
