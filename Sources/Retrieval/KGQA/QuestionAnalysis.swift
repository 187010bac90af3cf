import TextAnalysis

/// A question read for relation-path search from one topic: its words with their distance from the
/// topic, the words that name relations (mentions), the round-trip cues bound to them, and the type
/// of answer it asks for.
///
/// Distance orders hops: in English the relation nearest the topic is usually followed first ("the
/// genres of the films directed by [E]"). Words after the topic that follow an auxiliary ("[E] were
/// released") belong to the main predicate and are pushed back by ``KGQAParameters/predicateShift``.
///
/// ```swift
/// let analysis = QuestionAnalysis(question: "who directed the films written by Ann Lee",
///                                 topicSpan: 5..<7, matcher: matcher, parameters: KGQAParameters())
/// analysis.mentions.map(\.key)   // ["direct", "film", "writ"] (those that name some relation)
/// ```
public struct QuestionAnalysis: Sendable {
    /// A content word that names at least one relation.
    public struct Mention: Sendable, Hashable {
        /// The word's ``WordKey`` key.
        public var key: String
        /// Its position among the question's tokens.
        public var position: Int
        /// Its distance from the topic (larger = followed later).
        public var distance: Double
        /// Relation type → how well the word names it.
        public var strengths: [Int: Double]
        /// The best strength over all relations.
        public var best: Double
        /// Whether a round-trip cue ("same", "share", "co-") is bound to this word.
        public var hasRoundTripCue: Bool
        /// Relations whose objects this word names as a noun ("actors" for `starred_actors`): it
        /// supports a hop arriving at such objects, or the first hop leaving the topic it describes.
        public var classRelations: Set<Int> = []
    }

    /// The type of answer a question asks for.
    public struct AnswerType: Sendable, Hashable {
        /// "who", "which person", "which actors".
        public var person = false
        /// "when", "what year".
        public var time = false
        /// "where", "which city".
        public var place = false
        /// Keys of the head noun after "what"/"which" (up to two words: "release dates").
        public var head: [String] = []
    }

    /// The mentions, in question order.
    public let mentions: [Mention]
    /// Keys of all content words (for learned statistics).
    public let contentKeys: [String]
    /// The answer type asked for.
    public let answerType: AnswerType
    /// Whether the question has other topics: its relation words are then shared among the topics'
    /// paths, and one path need not explain them all.
    public let sharesMentions: Bool
    /// Features for learned statistics: content keys, neighbouring-word pairs (the topic as `<T>`),
    /// and the question word.
    public let features: [String]
    /// Learned path-signature posterior (``RelationStatistics``), filled when statistics are given.
    public var signaturePosterior: [String: Double] = [:]

    /// Reads `question`; `topicSpan` is the topic's token span (nil when the topic is not in the text),
    /// `otherSpans` those of other topics, left out like the topic.
    public init(question: String, topicSpan: Range<Int>?, otherSpans: [Range<Int>] = [], matcher: RelationMatcher,
                parameters: KGQAParameters, learned: RelationStatistics? = nil) {
        let tokens = EntityGraph.tokenizer.tokenize(question.replacingOccurrences(of: "_", with: " ")).map(\.text)
        let lexicon = matcher.lexicon
        let stop = StopWords.extended
        let excluded = ([topicSpan].compactMap { $0 } + otherSpans)
        func isTopic(_ i: Int) -> Bool { excluded.contains { $0.contains(i) } }
        let keys = tokens.map(WordKey.key)
        func isContent(_ i: Int) -> Bool {
            !isTopic(i) && !stop.contains(tokens[i]) && !lexicon.roundTripKeys.contains(keys[i]) && tokens[i].count >= 2
        }
        // Distance from the topic. After it, an auxiliary or a question word opens the main predicate
        // ("[E] were released", "[E] starred who"): those words are followed last.
        var distance = [Double](repeating: 0, count: tokens.count)
        let questionWords: Set<String> = ["who", "whom", "what", "which", "when", "where"]
        let after = topicSpan.map { $0.upperBound..<tokens.count } ?? 0..<0
        let predicateStart = after.first { lexicon.auxiliaries.contains(tokens[$0]) }
        let predicateAll = after.contains { questionWords.contains(tokens[$0]) }
        for i in tokens.indices {
            guard let span = topicSpan else {
                distance[i] = Double(tokens.count - i)
                continue
            }
            if i < span.lowerBound {
                distance[i] = Double(span.lowerBound - i)
            } else if i >= span.upperBound {
                let inPredicate = predicateAll || predicateStart.map { i >= $0 } ?? false
                distance[i] = Double(i - span.upperBound + 1) + (inPredicate ? parameters.predicateShift : 0)
            }
        }
        let content = tokens.indices.filter(isContent)
        var mentions: [Mention] = []
        for i in content {
            var strengths = matcher.strengths(of: keys[i])
            if let learned {
                for (relation, strength) in learned.strengths(of: keys[i]) {
                    strengths[relation] = max(strengths[relation] ?? 0, parameters.learnedWeight * strength)
                }
            }
            guard let best = strengths.values.max(), best > 0 else { continue }
            // Neighbouring words naming the same relation are one compound ("release date", "film script").
            if let last = mentions.last, last.position == i - 1, Self.bestRelations(last.strengths) == Self.bestRelations(strengths) {
                mentions[mentions.count - 1].strengths.merge(strengths, uniquingKeysWith: max)
                mentions[mentions.count - 1].best = max(last.best, best)
                mentions[mentions.count - 1].classRelations.formUnion(matcher.classRelations(of: keys[i], surface: tokens[i]))
                continue
            }
            mentions.append(Mention(key: keys[i], position: i, distance: distance[i], strengths: strengths, best: best,
                                    hasRoundTripCue: false, classRelations: matcher.classRelations(of: keys[i], surface: tokens[i])))
        }
        // Each round-trip cue binds to the nearest mention (the following one on a tie).
        for i in tokens.indices where !isTopic(i) && lexicon.roundTripKeys.contains(keys[i]) {
            let nearest = mentions.indices.min { a, b in
                let da = abs(mentions[a].position - i), db = abs(mentions[b].position - i)
                return da != db ? da < db : mentions[a].position > mentions[b].position
            }
            if let nearest { mentions[nearest].hasRoundTripCue = true }
        }
        self.mentions = mentions
        self.contentKeys = content.map { keys[$0] }
        self.sharesMentions = !otherSpans.isEmpty
        self.answerType = Self.answerType(tokens: tokens, keys: keys, isTopic: isTopic, lexicon: lexicon)
        self.features = Self.features(tokens: tokens, keys: keys, topicSpan: topicSpan, isContent: isContent)
        if let learned { signaturePosterior = learned.signaturePosterior(features) }
    }

    /// Whether a word looks like a past tense or participle ("directed", "written"): it ends a noun phrase.
    static func isVerbForm(_ word: String) -> Bool {
        (word.hasSuffix("ed") && word.count > 4) || IrregularForms.base[word] != nil
    }

    /// The relations a word names best.
    static func bestRelations(_ strengths: [Int: Double]) -> Set<Int> {
        guard let best = strengths.values.max() else { return [] }
        return Set(strengths.filter { $0.value >= best }.keys)
    }

    static func features(tokens: [String], keys: [String], topicSpan: Range<Int>?, isContent: (Int) -> Bool) -> [String] {
        var sequence: [String] = []
        for i in tokens.indices {
            if let span = topicSpan, span.contains(i) {
                if i == span.lowerBound { sequence.append("<T>") }
                continue
            }
            sequence.append(keys[i])
        }
        var features = tokens.indices.filter(isContent).map { "w:" + keys[$0] }
        for (a, b) in zip(sequence, sequence.dropFirst()) { features.append("b:" + a + "_" + b) }
        if let wh = tokens.first(where: { ["who", "whom", "what", "which", "when", "where", "how"].contains($0) }) {
            features.append("q:" + wh)
        }
        return features
    }

    static func answerType(tokens: [String], keys: [String], isTopic: (Int) -> Bool, lexicon: Lexicon) -> AnswerType {
        var type = AnswerType()
        let skip: Set<String> = ["is", "are", "was", "were", "the", "a", "an", "do", "does", "did", "s", "some", "of"]
        let stop = StopWords.extended
        for (i, token) in tokens.enumerated() where !isTopic(i) {
            switch token {
            case "who", "whom": type.person = true
            case "when": type.time = true
            case "where": type.place = true
            case "what", "which":
                guard type.head.isEmpty else { continue }
                var j = i + 1
                while j < tokens.count, !isTopic(j), skip.contains(tokens[j]) { j += 1 }
                // The head noun phrase: up to two words, ending before a verb form ("film directed").
                while j < tokens.count, !isTopic(j), !stop.contains(tokens[j]), !lexicon.roundTripKeys.contains(keys[j]),
                      type.head.count < 2, type.head.isEmpty || !isVerbForm(tokens[j]) {
                    type.head.append(keys[j])
                    j += 1
                }
            default: continue
            }
        }
        // Without a question word, the last noun is what is asked for ("describe [E] in a few words").
        let asks = tokens.enumerated().contains { !isTopic($0.offset) && ["who", "whom", "what", "which", "when", "where"].contains($0.element) }
        if !asks, let last = tokens.indices.last(where: { !isTopic($0) && !stop.contains(tokens[$0]) && !isVerbForm(tokens[$0])
            && !lexicon.roundTripKeys.contains(keys[$0]) }) {
            type.head = [keys[last]]
        }
        for key in type.head {
            if lexicon.personKeys.contains(key) { type.person = true }
            if lexicon.timeKeys.contains(key) { type.time = true }
            if lexicon.placeKeys.contains(key) { type.place = true }
        }
        return type
    }
}
