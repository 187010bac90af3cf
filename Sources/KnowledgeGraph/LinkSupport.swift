import TextAnalysis

/// Whether the context of a name supports linking it to an entity: the rules that keep common words,
/// months, units and borrowed acronyms from linking where they mean something else.
///
/// - A name written inside a date ("7 December 1941", "December 1941") or right after a number ("60 MPH")
///   is part of the date or the amount, never an entity.
/// - A one-word name that a title marks as ambiguous ("Stay (song)", "History (band)") links, when it
///   opens a sentence (where a capital says nothing), only if the passage also uses a word of the
///   title's disambiguation ("song", "band") or writes the full title; a month, weekday or unit word
///   needs that support wherever it stands. Inside a sentence, a capital marks a name ("the boy group
///   Winner").
/// - An acronym ("MPH") links only to an entity whose acronym it was seen to abbreviate — "American
///   Public Health Association (APHA)" — and only in a passage that shares a word with the full name.
///
/// ```swift
/// let support = LinkSupport(text: text, tokens: EntityKey.tokenizer.tokenize(text))
/// support.allows(entity, at: 3..<4)   // token range of the name in `tokens`
/// ```
struct LinkSupport {
    /// The passage's tokens.
    let tokens: [Token]
    /// Every normalised word of the passage.
    let words: Set<String>
    /// The passage's bytes.
    let bytes: [UInt8]

    init(text: String, tokens: [Token]) {
        self.tokens = tokens
        self.words = Set(tokens.map(\.text))
        self.bytes = Array(text.utf8)
    }

    /// Words that stand alone far more often as something else: months, weekdays, units.
    static let commonNames: Set<String> = OfflineExtractor.months.union([
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mph", "kmh", "km", "kg",
        "mm", "cm", "ft", "lb", "lbs", "oz", "mw", "kw", "gb", "mb", "hz", "khz", "mhz", "ghz", "bc", "ad", "am",
        "pm", "no", "vol", "ep", "lp", "tv", "uk", "us", "usa", "spring", "summer", "autumn", "winter", "today",
        "north", "south", "east", "west", "christmas", "easter", "god", "man", "woman", "love", "life", "home",
        "time", "world", "music", "people", "history", "war", "peace", "school", "church", "city", "state",
    ])

    /// Whether the name at `range` (token indices) may link to `entity`, whose normalised key is `key`.
    func allows(_ entity: Entity, key: String, at range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        if isInsideDateOrAmount(range) { return false }
        let isAcronym = range.count == 1 && key != entity.key && EntityKey.acronym(entity.name) == key
        if isAcronym {
            let nameWords = entity.key.split(separator: " ").map(String.init).filter { !StopWords.extended.contains($0) }
            return nameWords.contains { words.contains($0) }
        }
        guard range.count == 1 else { return true }
        let disambiguation = Self.disambiguation(of: entity.name)
        let common = Self.commonNames.contains(key)
        guard common || (!disambiguation.isEmpty && opensSentence(range.lowerBound)) else { return true }
        if disambiguation.contains(where: { words.contains($0) }) { return true }
        // The full title written out ("History (band)" in text is rare, but "Kiss and Tell" is not one word).
        let full = entity.aliases.first { $0.split(separator: " ").count > 1 }
        if let full, containsSequence(full.split(separator: " ").map(String.init)) { return true }
        return false
    }

    /// The words of a title's disambiguation, without stop words ("(1945 film)" → ["1945", "film"];
    /// "Kirton, Nottinghamshire" → ["nottinghamshire"]).
    static func disambiguation(of name: String) -> [String] {
        guard let start = EntityKey.qualifierStart(name) else { return [] }
        let inner = String(name[name.index(after: start)...])
        return EntityKey.tokenizer.tokenize(inner).map(\.text).filter { !StopWords.extended.contains($0) }
    }

    /// "December 1941", "7 December", "60 MPH": a month or unit next to a number.
    private func isInsideDateOrAmount(_ range: Range<Int>) -> Bool {
        guard range.count == 1 else { return false }
        let word = tokens[range.lowerBound].text
        guard Self.commonNames.contains(word) else { return false }
        let before = range.lowerBound > 0 && tokens[range.lowerBound - 1].isNumber
        let after = range.upperBound < tokens.count && tokens[range.upperBound].isNumber
        return before || after
    }

    /// Whether the token at `index` is the first of its sentence.
    private func opensSentence(_ index: Int) -> Bool {
        guard index > 0 else { return true }
        for byte in bytes[tokens[index - 1].end..<tokens[index].start] where [46, 33, 63, 10, 58].contains(byte) { return true }
        return false
    }

    private func containsSequence(_ sequence: [String]) -> Bool {
        guard let first = sequence.first, sequence.count <= tokens.count else { return false }
        for start in tokens.indices where tokens[start].text == first && start + sequence.count <= tokens.count {
            if (0..<sequence.count).allSatisfy({ tokens[start + $0].text == sequence[$0] }) { return true }
        }
        return false
    }
}
