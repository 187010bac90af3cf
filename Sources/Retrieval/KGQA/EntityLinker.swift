import TextAnalysis

/// Finds a question's topic entities: given names are looked up (exactly, then normalised), and
/// without names the question text is matched against every entity name, longest match first.
///
/// Matching is on normalised tokens (``EntityGraph/tokens(_:)``: case folded, diacritics removed,
/// `_` as a space). The longest match is the topic; other non-overlapping matches of two or more
/// tokens that start with a capital letter are topics too. A one-token match must not be a stop word.
///
/// ```swift
/// let linker = EntityLinker(graph: kg)
/// let topics = linker.link(question: "what films did Temuera Morrison act in", names: [])
/// topics.first?.name   // "Temuera Morrison"
/// ```
public struct EntityLinker: Sendable {
    /// The graph whose names are matched.
    public let graph: EntityGraph

    /// A linker over `graph`.
    public init(graph: EntityGraph) {
        self.graph = graph
    }

    /// A linked topic: the name, its nodes, and the token span it covers in the question (if found there).
    public struct Topic: Sendable, Hashable {
        /// The entity name as given or matched.
        public var name: String
        /// The nodes with that name.
        public var nodes: [Int32]
        /// The tokens of the question it covers, if it appears there.
        public var span: Range<Int>?
    }

    /// The topics of a question; given `names` that are not in the graph come back with no nodes.
    public func link(question: String, names: [String]) -> [Topic] {
        let tokens = EntityGraph.tokenizer.tokenize(question.replacingOccurrences(of: "_", with: " "))
        let texts = tokens.map(\.text)
        if !names.isEmpty {
            return names.map { name in
                Topic(name: name, nodes: graph.nodes(named: name), span: Self.find(EntityGraph.tokens(name), in: texts))
            }
        }
        var matches: [(span: Range<Int>, nodes: [Int32])] = []
        let stop = StopWords.extended
        for start in texts.indices {
            let limit = min(graph.longestName, texts.count - start)
            guard limit > 0 else { continue }
            for length in stride(from: limit, through: 1, by: -1) {
                let slice = texts[start..<(start + length)]
                if length == 1, let only = slice.first, stop.contains(only) || only.count < 2 { continue }
                if slice.allSatisfy({ stop.contains($0) }) { continue }
                if let nodes = graph.nodes(normalizedTokens: slice) {
                    matches.append((start..<(start + length), nodes))
                    break
                }
            }
        }
        matches.sort { $0.span.count != $1.span.count ? $0.span.count > $1.span.count : $0.span.lowerBound < $1.span.lowerBound }
        var chosen: [(span: Range<Int>, nodes: [Int32])] = []
        for match in matches where !chosen.contains(where: { $0.span.overlaps(match.span) }) {
            if chosen.isEmpty || (match.span.count >= 2 && tokens[match.span.lowerBound].isCapitalized) {
                chosen.append(match)
            }
        }
        return chosen.map { match in
            let name = graph.name(of: Int(match.nodes[0]))
            return Topic(name: name, nodes: match.nodes, span: match.span)
        }
    }

    /// The first position where `needle` occurs in `haystack`.
    static func find(_ needle: [String], in haystack: [String]) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start..<(start + needle.count) }
        }
        return nil
    }
}
