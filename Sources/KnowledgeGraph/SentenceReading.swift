import TextAnalysis

/// The state of reading one sentence for relations: its view, the passage's mentions, the relations
/// and class phrases found so far. The patterns (`SentenceReading+Verbal`, `SentenceReading+Nominal`)
/// extend it.
struct SentenceReading {
    /// An argument of a relation found in the sentence: a mention, or a class phrase read here.
    enum Argument: Hashable {
        case mention(Int)
        case concept(Int)
    }

    /// A relation read from the sentence, before concept indices are final.
    struct Found: Hashable {
        var subject: Argument
        var object: Argument
        var type: String
        var phrase: String
        var confidence: Float
    }

    let view: SentenceView
    let mentions: [ExtractedMention]
    let bytes: [UInt8]
    let sentence: Int
    /// Position (in `view.items`) of the sentence's subject: its first name before any verb.
    let subject: Int?
    /// Relations found.
    var found: [Found] = []
    /// Class phrases found ("cartographer", "glass factory"), as concept mentions.
    var concepts: [ExtractedMention] = []

    init(view: SentenceView, mentions: [ExtractedMention], bytes: [UInt8], sentence: Int) {
        self.view = view
        self.mentions = mentions
        self.bytes = bytes
        self.sentence = sentence
        var subject: Int?
        for position in view.items.indices {
            if let wordClass = view.wordClass(position), wordClass == .verb || wordClass == .auxiliary { break }
            if view.mention(position) != nil, Self.isName(mentions, view, position, bytes: bytes) {
                subject = position
                break
            }
        }
        self.subject = subject
    }

    // MARK: Items

    static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "several", "many",
    ]

    static func isName(_ mentions: [ExtractedMention], _ view: SentenceView, _ position: Int, bytes: [UInt8]) -> Bool {
        guard let index = view.mention(position) else { return false }
        switch mentions[index].kind {
        case .quoted, .title: return true
        case .name:
            // "an American actor", "a Japanese publishing company": a name before a noun modifies it.
            return !isModifier(view, position, bytes: bytes, surface: mentions[index].surface)
        case .date, .number, .concept: return false
        }
    }

    /// Whether the word after a mention makes it a modifier: a lower-case noun, or an "-ing"/"-ed" form
    /// before one ("a Japanese publishing company").
    static func isModifier(_ view: SentenceView, _ position: Int, bytes: [UInt8], surface: String = "") -> Bool {
        // "Its chief engineer": a possessive pronoun standing for a name is no modifier.
        if WordClass.possessives.contains(surface.lowercased()) { return false }
        // "Alabama-based", "the New York–Paris journey", "three Indy Lights starts".
        if view.isJoinedToNext(position, bytes: bytes) { return true }
        if let before = view.word(position - 1), before.first?.isNumber == true || numberWords.contains(before) { return true }
        guard let next = view.word(position + 1), !view.isCapitalized(position + 1) else { return false }
        // "American award-winning author": a compound after the name.
        if view.isJoinedToNext(position + 1, bytes: bytes) { return true }
        switch WordClass.of(next) {
        case .other: return true
        case .verb:
            guard next.hasSuffix("ing") || next.hasSuffix("ed"), let after = view.word(position + 2) else { return false }
            return WordClass.of(after) == .other && !view.isCapitalized(position + 2)
        default: return false
        }
    }

    /// Whether the item at a position is a name used as a modifier ("American" in "American actor").
    func isModifierName(_ position: Int) -> Bool {
        guard let index = view.mention(position), mentions[index].kind == .name else { return false }
        return Self.isModifier(view, position, bytes: bytes, surface: mentions[index].surface)
    }

    /// Whether the item at a position is a mention of a name (not a date, a number or a class).
    func isName(_ position: Int) -> Bool { Self.isName(mentions, view, position, bytes: bytes) }

    /// Whether the item at a position is a date mention.
    func isDate(_ position: Int) -> Bool {
        view.mention(position).map { mentions[$0].kind == .date } ?? false
    }

    /// Whether the word at a position is a lower-case word of the given class.
    func isLowerWord(_ position: Int, _ wordClass: WordClass) -> Bool {
        view.wordClass(position) == wordClass && !view.isCapitalized(position)
    }

    /// Whether the word at a position reads as a noun or an adjective: a lower-case word that is no verb
    /// form, or a bare verb form ("film", "award", "record") between other words.
    func isNounLike(_ position: Int) -> Bool {
        guard let word = view.word(position), !view.isCapitalized(position) else { return false }
        switch WordClass.of(word) {
        case .other: return true
        case .verb: return VerbForms.lemma(of: word) == word
        default: return false
        }
    }

    /// The position of the "(" that a ")" at `close` closes, if within the sentence.
    func openingParenthesis(before close: Int) -> Int? {
        var depth = 0
        var position = close
        while position >= 0 {
            if view.isMark(position, .closeParenthesis) { depth += 1 }
            if view.isMark(position, .openParenthesis) {
                depth -= 1
                if depth == 0 { return position }
            }
            position -= 1
        }
        return nil
    }

    /// The word before a mention, skipping a determiner and lower-case role words ("in the village
    /// of" → "of"), or nil at the sentence start.
    func governingWord(of position: Int) -> String? {
        var probe = position - 1
        var skipped = 0
        while probe >= 0, skipped < 8 {
            if let word = view.word(probe) {
                let wordClass = WordClass.of(word)
                // Role words and their coordination: "by English singer and songwriter Ellie Goulding".
                guard wordClass == .determiner || wordClass == .other || (word == "and" && isLowerWord(probe - 1, .other))
                else { break }
            } else if view.mention(probe) != nil {
                // A modifier ("English singer"), or a name chained before this one: "Glendale, California",
                // "Peter Halley and Bob Nickas". A date is neither ("From 1888 the glassworks").
                let chained = view.isMark(probe + 1, .comma) || view.word(probe + 1) == "and"
                guard isModifierName(probe) || (isName(probe) && chained) else { break }
            } else if !view.isMark(probe, .comma) || view.mention(probe - 1) == nil {
                break
            }
            probe -= 1
            skipped += 1
        }
        return view.word(probe)
    }

    /// Whether a mention is the object of a preposition.
    func isPrepositionObject(_ position: Int) -> Bool {
        governingWord(of: position).map { WordClass.of($0) == .preposition } ?? false
    }

    // MARK: Results

    /// Records a relation between two item positions (both mentions).
    mutating func relate(_ subject: Int, _ object: Int, _ normalized: RelationType.Normalized, phrase: String,
                         confidence: Float)
    {
        guard let first = view.mention(subject), let second = view.mention(object) else { return }
        let (from, to) = normalized.inverse ? (second, first) : (first, second)
        guard mentions[from].key != mentions[to].key || mentions[from].kind != mentions[to].kind else { return }
        guard mentions[from].kind != .date else { return }
        found.append(Found(subject: .mention(from), object: .mention(to), type: normalized.type, phrase: phrase,
                           confidence: confidence))
    }

    /// Records "mention IS_A class" for a class phrase spanning item positions `range` (words, and names
    /// used as modifiers such as "English").
    mutating func classify(_ subject: Int, words range: ClosedRange<Int>, phrase: String, confidence: Float) {
        guard let mention = view.mention(subject), mentions[mention].kind != .date else { return }
        // The class is named by its last four words, years left out ("Italian comedy film").
        var kept: [Int] = []
        for position in range.reversed() where kept.count < 4 {
            if let word = view.word(position) {
                if word.first?.isNumber == true { continue }
                kept.insert(position, at: 0)
            } else if isModifierName(position) {
                kept.insert(position, at: 0)
            }
        }
        guard let first = kept.first, case .word(let last) = view.items[range.upperBound] else { return }
        let words = kept.map { view.word($0) ?? view.mention($0).map { mentions[$0].key } ?? "" }
        let key = EntityKey.key(of: words.flatMap { $0.split(separator: " ").map(String.init) })
        guard !key.isEmpty else { return }
        let lower = view.starts[first]
        let upper = view.tokens[last].end
        let surface = String(decoding: bytes[lower..<upper], as: UTF8.self)
        let index: Int
        if let existing = concepts.firstIndex(where: { $0.key == key }) {
            index = existing
        } else {
            concepts.append(ExtractedMention(surface: surface, key: key, kind: .concept, start: lower, end: upper,
                                             sentence: sentence))
            index = concepts.count - 1
        }
        found.append(Found(subject: .mention(mention), object: .concept(index), type: RelationType.isA, phrase: phrase,
                           confidence: confidence))
    }

    /// The text of item positions `from...to` as written.
    func text(_ from: Int, _ to: Int) -> String {
        guard from <= to, view.items.indices.contains(from), view.items.indices.contains(to) else { return "" }
        let upper: Int
        switch view.items[to] {
        case .word(let token): upper = view.tokens[token].end
        case .mention(let index): upper = mentions[index].end
        case .mark: upper = view.starts[to] + 1
        }
        return String(decoding: bytes[view.starts[from]..<max(view.starts[from], upper)], as: UTF8.self)
    }
}
