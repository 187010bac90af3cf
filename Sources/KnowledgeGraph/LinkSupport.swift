import TextAnalysis

/// Whether the context of a name supports linking it to an entity: the rules that keep common words,
/// months, units and borrowed acronyms from linking where they mean something else.
///
/// - A name written inside a date ("7 December 1941", "December 1941") or right after a number ("60 MPH")
///   is part of the date or the amount, never an entity; a month, weekday or season between a determiner
///   and a lower-case noun ("the December issue", "a Sunday service") says when, and names nothing either.
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

    /// Months, weekdays and seasons: they say when, and modify a noun to do so ("the December issue").
    static let timeWords: Set<String> = OfflineExtractor.months.union([
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "spring", "summer", "autumn", "winter",
    ])

    /// Words that stand alone far more often as something else: time words, units, abbreviations.
    static let commonNames: Set<String> = timeWords.union([
        "mph", "kmh", "km", "kg",
        "mm", "cm", "ft", "lb", "lbs", "oz", "mw", "kw", "gb", "mb", "hz", "khz", "mhz", "ghz", "bc", "ad", "am",
        "pm", "no", "vol", "ep", "lp", "tv", "uk", "us", "usa", "today",
        "north", "south", "east", "west", "christmas", "easter", "god", "man", "woman", "love", "life", "home",
        "time", "world", "music", "people", "history", "war", "peace", "school", "church", "city", "state",
    ])

    /// Whether the name at `range` (token indices) may link to `entity`, whose normalised key is `key`.
    func allows(_ entity: Entity, key: String, at range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let disambiguation = Self.disambiguation(of: entity.name)
        // A disambiguation page names no entity.
        if disambiguation == ["disambiguation"] { return false }
        if isInsideDateOrAmount(range) || isTimeModifier(range) { return false }
        let isAcronym = range.count == 1 && key != entity.key && EntityKey.acronym(entity.name) == key
        if isAcronym {
            let nameWords = entity.key.split(separator: " ").map(String.init).filter { !StopWords.extended.contains($0) }
            return nameWords.contains { words.contains($0) }
        }
        guard writtenAlike(entity.name, at: range) else { return false }
        if range.count == 1 {
            // "Walter Knott", "Houston Rockets": a word inside a longer capitalised name is part of it.
            if isInsideLongerName(range.lowerBound) { return false }
            // "James Harden (Houston)": a word alone in parentheses is a label, not running text.
            if isAloneInParentheses(range.lowerBound) { return false }
            // "The Guest", "The Texas (locomotive)": a one-word title that drops "The" needs it in the text.
            if entity.name.lowercased().hasPrefix("the "), !(range.lowerBound > 0 && tokens[range.lowerBound - 1].text == "the") {
                return false
            }
        }
        let ambiguous = !disambiguation.isEmpty || (range.count == 1 && Self.commonNames.contains(key))
        guard ambiguous else { return true }
        // The disambiguation's telling words: "(1927 film)" needs the year, "(Ellie Goulding song)" the
        // singer; "(band)" the class itself.
        // They must stand near the name (its sentence, or ten words around it): a passage about a Disney
        // song may name Belle the character.
        // A class alone ("(EP)", "(album)") must stand right by the name: "the album Royal Blood".
        let telling = disambiguation.filter { EntityCategory.of(classNoun: $0, usingSuffixes: false) == nil }
        let near = telling.isEmpty ? nearbyWords(range, around: 6, wholeSentence: false) : nearbyWords(range, around: 10, wholeSentence: true)
        if (telling.isEmpty ? disambiguation : telling).allSatisfy({ near.contains($0) }) {
            // "the Eminem album Encore" is no song: a class noun before the name must agree with the title's.
            if let before = classNounBefore(range), disambiguation.contains(where: { EntityCategory.of(classNoun: $0, usingSuffixes: false) != nil }),
                !disambiguation.contains(before)
            {
                return false
            }
            return true
        }
        // The full title written out ("History (band)" in text is rare, but "Kiss and Tell" is not one word).
        let full = entity.aliases.first { $0.split(separator: " ").count > range.count }
        if let full, containsSequence(full.split(separator: " ").map(String.init)) { return true }
        return false
    }

    private func isAloneInParentheses(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.start > 0 && token.end < bytes.count && bytes[token.start - 1] == 40 && bytes[token.end] == 41
    }

    /// The words `around` words on each side of the name, and with `wholeSentence` its whole sentence.
    private func nearbyWords(_ range: Range<Int>, around: Int, wholeSentence: Bool) -> Set<String> {
        var first = max(0, range.lowerBound - around)
        var last = min(tokens.count, range.upperBound + around)
        if wholeSentence {
            var start = range.lowerBound
            while start > 0, !opensSentence(start) { start -= 1 }
            var end = range.upperBound
            while end < tokens.count, !opensSentence(end) { end += 1 }
            first = min(first, start)
            last = max(last, end)
        }
        return Set(tokens[first..<last].map(\.text))
    }

    /// A class noun written right before the name ("album" in "the Eminem album Encore"), if any.
    private func classNounBefore(_ range: Range<Int>) -> String? {
        for index in stride(from: range.lowerBound - 1, through: max(0, range.lowerBound - 3), by: -1) {
            let word = tokens[index].text
            if EntityCategory.of(classNoun: word, usingSuffixes: false) != nil, !tokens[index].isCapitalized { return word }
        }
        return nil
    }

    /// Whether the text writes a title's capitals alike: "Polar Bear (cocktail)" is not "polar bear",
    /// "CUPS" is not "Cups". The first word is free (titles capitalise it whatever it is).
    private func writtenAlike(_ title: String, at range: Range<Int>) -> Bool {
        let cut = EntityKey.qualifierStart(title).map { String(title[..<$0]) } ?? title
        let titleWords = cut.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let kept = titleWords.drop { $0.lowercased() == "the" && titleWords.count > 1 }
        guard kept.count == range.count else { return true }
        // A title with a capital inside ("State of the Union") is a proper name: its first word is
        // capitalised too where the text names it.
        let properName = kept.dropFirst().contains { $0.first?.isUppercase == true && !StopWords.extended.contains($0.lowercased()) }
        for (offset, word) in kept.enumerated() {
            let token = tokens[range.lowerBound + offset]
            let surface = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
            if word.count > 1, word.allSatisfy({ $0.isUppercase || $0.isNumber }), surface != word { return false }
            // "EURO.KO" is not the euro: capitals the title does not have write something else.
            if surface.count > 1, surface.allSatisfy({ $0.isUppercase || $0.isNumber }), surface != word { return false }
            let capitalised = offset == 0 ? properName : word.first?.isUppercase == true && !StopWords.extended.contains(word.lowercased())
            if capitalised, !token.isCapitalized { return false }
        }
        return true
    }

    /// Whether the word at `index` touches another capitalised word (only a space between them) that is a
    /// name word, not a sentence's first word such as "In" or "The".
    private func isInsideLongerName(_ index: Int) -> Bool {
        func joined(_ left: Int, _ right: Int) -> Bool {
            tokens[right].start - tokens[left].end == 1 && bytes[tokens[left].end] == 32
        }
        if index > 0, joined(index - 1, index), tokens[index - 1].isCapitalized,
            !OfflineExtractor.nonNames.contains(tokens[index - 1].text)
        {
            return true
        }
        if index + 1 < tokens.count, joined(index, index + 1), tokens[index + 1].isCapitalized { return true }
        return false
    }

    /// The words of a title's disambiguation, without stop words ("(1945 film)" → ["1945", "film"];
    /// "Kirton, Nottinghamshire" → ["nottinghamshire"]).
    static func disambiguation(of name: String) -> [String] {
        guard name.utf8.contains(where: { $0 == 40 || $0 == 44 }), let start = EntityKey.qualifierStart(name) else { return [] }
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

    /// "the December issue", "its Sunday edition": a time word after a determiner and before a lower-case
    /// noun modifies that noun.
    private func isTimeModifier(_ range: Range<Int>) -> Bool {
        guard range.count == 1, range.lowerBound > 0, range.upperBound < tokens.count,
            Self.timeWords.contains(tokens[range.lowerBound].text),
            WordClass.of(tokens[range.lowerBound - 1].text) == .determiner
        else { return false }
        let next = tokens[range.upperBound]
        let gap = bytes[tokens[range.lowerBound].end..<next.start]
        let wordClass = WordClass.of(next.text)
        // "issue", "service": a noun may also be a verb's plain form; an inflected verb ("the June elected") is none.
        let nounLike = wordClass == .other || (wordClass == .verb && VerbForms.lemma(of: next.text) == next.text)
        return !next.isCapitalized && gap.elementsEqual([UInt8(ascii: " ")]) && nounLike
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
