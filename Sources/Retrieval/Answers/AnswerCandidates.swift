import KnowledgeGraph
import TextAnalysis

/// A span of a passage that could answer a question: an entity mention, a date, a number with its unit,
/// or the passage's subject.
public struct AnswerCandidate: Sendable, Hashable {
    /// The entity, when the span is a mention of one (-1 for numbers read from the text).
    public var entity: Int32
    /// The passage.
    public var passage: Int32
    /// UTF-8 offsets of the span in the passage text (0..<0 for the passage's title entity).
    public var start: Int
    /// UTF-8 offset one past the span.
    public var end: Int
    /// The text to answer with.
    public var text: String
    /// What the span is.
    public var category: EntityCategory
    /// Whether the span modifies the noun after it ("an American comedy film", "a Mumbai-based firm"):
    /// such a span says what kind of thing the noun is, and answers only questions about kinds
    /// ("what nationality").
    public var isModifier: Bool
    /// For a date in the parentheses after an article's opening name ("George Abbott (June 25, 1887 – January
    /// 31, 1995)", "Sela Ward (born July 11, 1956)"), whether it is the subject's birth or death.
    public var lifeEvent: LifeEvent?
    /// Whether the span is a period: two dates joined by "to", "until" or a dash ("from 1986 to 2013").
    public var isPeriod = false
    /// Whether the span lists several names ("Max Martin, Savan Kotecha and Ilya Salmanzadeh").
    public var isList = false

    /// The two dates an encyclopaedia article gives right after its subject's name.
    public enum LifeEvent: Sendable, Hashable {
        /// The subject was born then.
        case birth
        /// The subject died then.
        case death
    }

    /// A candidate.
    public init(entity: Int32, passage: Int32, start: Int, end: Int, text: String, category: EntityCategory,
                isModifier: Bool = false)
    {
        self.entity = entity
        self.passage = passage
        self.start = start
        self.end = end
        self.text = text
        self.category = category
        self.isModifier = isModifier
    }
}

/// Reads the answer candidates of a passage.
///
/// ```swift
/// let candidates = AnswerCandidates(index: index).candidates(in: 3)
/// ```
public struct AnswerCandidates: Sendable {
    /// The index.
    public let index: RetrievalIndex

    /// A reader.
    public init(index: RetrievalIndex) {
        self.index = index
    }

    /// Number words with their values.
    static let numberWordValues: [String: Double] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    ]

    /// Number words that count a plural noun after them ("three centuries"), valued or not ("several").
    static let numberWords = Set(numberWordValues.keys).union(["hundreds", "thousands", "dozens", "several"])

    /// Scale words that belong to a number ("250 million"), with what they multiply it by.
    static let scaleValues: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1e6, "billion": 1e9, "trillion": 1e12, "percent": 1,
    ]
    static let scales = Set(scaleValues.keys)

    /// The number written from token `first` on: digit groups joined by one comma or dot ("3,677", "6.8"),
    /// and a scale word after them ("250 million"). `last` is its last token; `value` is nil where the digits
    /// read as no one number ("1.5.6", "1,23").
    static func writtenNumber(from first: Int, in tokens: [Token], bytes: [UInt8]) -> (last: Int, value: Double?) {
        var last = first
        var digits = tokens[first].text
        while last + 1 < tokens.count, tokens[last + 1].isNumber, tokens[last + 1].start == tokens[last].end + 1,
            bytes[tokens[last].end] == UInt8(ascii: ",") || bytes[tokens[last].end] == UInt8(ascii: ".")
        {
            digits += String(UnicodeScalar(bytes[tokens[last].end])) + tokens[last + 1].text
            last += 1
        }
        var value = Self.value(ofDigits: digits)
        if last + 1 < tokens.count, let scale = scaleValues[tokens[last + 1].text] {
            last += 1
            value = value.map { $0 * scale }
        }
        return (last, value)
    }

    /// "12,345" → 12345 and "2.5" → 2.5: comma groups of three digits and at most one decimal point.
    private static func value(ofDigits digits: String) -> Double? {
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard groups.dropFirst().allSatisfy({ $0.count == 3 }), parts.count == 1 || !parts[1].contains(",") else { return nil }
        return Double(groups.joined() + (parts.count == 2 ? "." + parts[1] : ""))
    }

    /// Every candidate of a passage: its entity mentions (dates included), its numbers, and its title.
    public func candidates(in passage: Int) -> [AnswerCandidate] {
        let text = index.graph.passages[passage].text
        let bytes = Array(text.utf8)
        let graph = index.graph
        var result: [AnswerCandidate] = []
        var covered: [Range<Int>] = []
        let title = graph.titleEntity[passage]
        result.append(AnswerCandidate(entity: title, passage: Int32(passage), start: 0, end: 0,
                                      text: Self.displayName(graph.entities[Int(title)].name), category: graph.entities[Int(title)].category))
        for mention in index.mentions(in: passage) {
            let start = Int(mention.start), end = Int(mention.end)
            guard end > start, end <= bytes.count else { continue }
            let entity = graph.entities[Int(mention.entity)]
            let surface = String(decoding: bytes[start..<end], as: UTF8.self)
            // "The council", "She": a reference answers with the name it stands for; "Leo Eric Varadkar
            // (born …) is …" opening the passage "Leo Varadkar" answers with the name its title gives.
            let opensAsTitle = start == 0 && mention.entity != title
                && Set(graph.entities[Int(title)].key.split(separator: " ")).isSubset(of: entity.key.split(separator: " "))
            let text = opensAsTitle ? Self.displayName(graph.entities[Int(title)].name)
                : Self.isReference(surface) ? Self.displayName(entity.name) : surface
            result.append(AnswerCandidate(entity: mention.entity, passage: Int32(passage), start: start, end: end,
                                          text: text, category: entity.category, isModifier: Self.modifies(bytes, end: end)))
            covered.append(start..<end)
        }
        result += numbers(in: text, bytes: bytes, passage: passage, skipping: covered)
        Self.markLifeEvents(&result, bytes: bytes)
        result += Self.periods(of: result, bytes: bytes)
        return result
    }

    /// The lists that a passage's names (its candidates, less those left out) make: two or more mentions of one
    /// category joined by ", ", " and " or ", and " ("written by Goulding, Max Martin, Savan Kotecha and Ilya
    /// Salmanzadeh" without the question's Goulding).
    public func lists(in passage: Int, of candidates: [AnswerCandidate]) -> [AnswerCandidate] {
        let bytes = Array(index.graph.passages[passage].text.utf8)
        let names = candidates.filter { $0.entity >= 0 && $0.end > $0.start && $0.category != .date && $0.category != .number }
            .sorted { $0.start < $1.start }
        var result: [AnswerCandidate] = []
        var first = 0
        while first < names.count {
            var last = first
            while last + 1 < names.count, names[last + 1].start > names[last].end {
                let joint = String(decoding: bytes[names[last].end..<names[last + 1].start], as: UTF8.self)
                let sameKind = names[last + 1].category == names[first].category
                guard [", ", " and ", ", and "].contains(joint), sameKind else { break }
                last += 1
            }
            if last > first {
                var list = AnswerCandidate(entity: -1, passage: names[first].passage, start: names[first].start,
                                           end: names[last].end, text: String(decoding: bytes[names[first].start..<names[last].end], as: UTF8.self),
                                           category: names[first].category)
                list.isList = true
                result.append(list)
            }
            first = last + 1
        }
        return result
    }

    /// What joins the two dates of a period.
    static let periodJoints: Set<String> = [" to ", " until ", " till ", "–", " – ", "-", " - ", "—"]

    /// The periods the dates of a passage make: "from 1986 to 2013", "1969 until 1974", "1917–1922" (with "from"
    /// when the text has it).
    static func periods(of candidates: [AnswerCandidate], bytes: [UInt8]) -> [AnswerCandidate] {
        let dates = candidates.filter { $0.category == .date && $0.end > $0.start }.sorted { $0.start < $1.start }
        var result: [AnswerCandidate] = []
        // A life's two dates ("(4 January 1866 – 13 January 1932)") are no period anything happened in.
        for (first, second) in zip(dates, dates.dropFirst()) where second.start > first.end && first.lifeEvent == nil {
            let joint = String(decoding: bytes[first.end..<second.start], as: UTF8.self)
            guard periodJoints.contains(joint) else { continue }
            var start = first.start
            if start >= 5, String(decoding: bytes[(start - 5)..<start], as: UTF8.self).lowercased() == "from " { start -= 5 }
            var period = AnswerCandidate(entity: -1, passage: first.passage, start: start, end: second.end,
                                         text: String(decoding: bytes[start..<second.end], as: UTF8.self), category: .date)
            period.isPeriod = true
            result.append(period)
        }
        return result
    }

    /// Marks the dates of the parentheses that follow the opening name of an article: "(born 9 May 1955)" is a
    /// birth, "(died 1920)" a death, and of two dates joined by a dash ("(June 25, 1887 – January 31, 1995)")
    /// the first is the birth and the second the death.
    static func markLifeEvents(_ candidates: inout [AnswerCandidate], bytes: [UInt8]) {
        // The parentheses must open within the first words and close before the first sentence ends.
        guard let open = bytes.prefix(120).firstIndex(of: UInt8(ascii: "(")), open > 0 else { return }
        var depth = 0, close: Int?
        for position in open..<min(bytes.count, open + 200) {
            if bytes[position] == UInt8(ascii: "(") { depth += 1 }
            if bytes[position] == UInt8(ascii: ")") { depth -= 1 }
            if depth == 0 { close = position; break }
        }
        guard let close else { return }
        let dates = candidates.indices.filter {
            candidates[$0].category == .date && candidates[$0].start > open && candidates[$0].end <= close
        }.sorted { candidates[$0].start < candidates[$1].start }
        func precededBy(_ words: [String], _ start: Int) -> Bool {
            let before = String(decoding: bytes[max(open, start - 12)..<start], as: UTF8.self).lowercased()
            return words.contains { before.contains($0) }
        }
        for (order, slot) in dates.enumerated() {
            let start = candidates[slot].start
            if precededBy(["born", "b."], start) {
                candidates[slot].lifeEvent = .birth
            } else if precededBy(["died", "d."], start) {
                candidates[slot].lifeEvent = .death
            } else if dates.count == 2 {
                let between = String(decoding: bytes[candidates[dates[0]].end..<candidates[dates[1]].start], as: UTF8.self)
                guard between.contains("–") || between.contains("-") || between.contains("—") else { continue }
                candidates[slot].lifeEvent = order == 0 ? .birth : .death
            }
        }
    }

    /// Numbers written in the text with what follows them ("3,677 seated", "6.8 inches", "250 million"),
    /// outside the spans already taken by mentions (dates).
    func numbers(in text: String, bytes: [UInt8], passage: Int, skipping covered: [Range<Int>]) -> [AnswerCandidate] {
        let tokens = EntityKey.tokenizer.tokenize(text)
        var result: [AnswerCandidate] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard !covered.contains(where: { $0.contains(token.start) }) else {
                index += 1
                continue
            }
            // "three centuries", "twelve albums": a number word counts only with the noun it counts.
            if !token.isNumber {
                if Self.numberWords.contains(token.text), index + 1 < tokens.count, tokens[index + 1].start == token.end + 1,
                    !tokens[index + 1].isCapitalized, tokens[index + 1].text.hasSuffix("s"), WordClass.of(tokens[index + 1].text) == .other
                {
                    let end = tokens[index + 1].end
                    result.append(AnswerCandidate(entity: -1, passage: Int32(passage), start: token.start, end: end,
                                                  text: String(decoding: bytes[token.start..<end], as: UTF8.self), category: .number))
                    index += 2
                } else {
                    index += 1
                }
                continue
            }
            var start = token.start
            var last = Self.writtenNumber(from: index, in: tokens, bytes: bytes).last
            if start > 0, bytes[start - 1] == 36 { start -= 1 }  // "$1.18"
            var end = tokens[last].end
            // A unit or a counted noun right after: "6.8 inches", "3,677 seated".
            if last + 1 < tokens.count, tokens[last + 1].start == end + 1, !tokens[last + 1].isCapitalized,
                WordClass.of(tokens[last + 1].text) == .other || VerbForms.isPastForm(tokens[last + 1].text)
            {
                last += 1
                end = tokens[last].end
            }
            let surface = String(decoding: bytes[start..<end], as: UTF8.self)
            result.append(AnswerCandidate(entity: -1, passage: Int32(passage), start: start, end: end, text: surface,
                                          category: .number))
            index = last + 1
        }
        return result
    }

    /// Whether the span ending at `end` is followed, after one space or a hyphen, by a lower-case word that
    /// can be a noun or an adjective ("American comedy", "Mumbai-based").
    static func modifies(_ bytes: [UInt8], end: Int) -> Bool {
        guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "-") else { return false }
        var stop = end + 1
        while stop < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[stop]) { stop += 1 }
        guard stop > end + 1 else { return false }
        if bytes[end] == UInt8(ascii: "-") { return true }
        let word = String(decoding: bytes[(end + 1)..<stop], as: UTF8.self)
        return WordClass.of(word) == .other
    }

    /// Whether a mention's surface refers to an entity without naming it: a pronoun, or "the" and a
    /// lower-case noun.
    static func isReference(_ surface: String) -> Bool {
        let words = surface.split(separator: " ")
        guard let first = words.first else { return false }
        if words.count == 1 { return WordClass.of(first.lowercased()) == .pronoun || WordClass.possessives.contains(first.lowercased()) }
        return first.lowercased() == "the" && words.dropFirst().allSatisfy { $0.first?.isLowercase == true }
    }

    /// A title without its disambiguation ("Kiss and Tell (1945 film)" → "Kiss and Tell").
    public static func displayName(_ name: String) -> String {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex else { return name }
        return String(name[..<open]).trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
