import Foundation
import KnowledgeGraph
import TextAnalysis

/// What a question expects as its answer, read from its words: the expected answer type, the class noun it names
/// ("which company"), whether it is a yes/no or a two-way comparison question, and its content terms.
///
/// ```swift
/// let expectation = AnswerExpectation("In which city was the founder of the school born?")
/// expectation.expected    // .place
/// expectation.classNoun   // "city"
/// ```
public struct AnswerExpectation: Sendable, Hashable {
    /// The kind of answer a question expects.
    public enum AnswerType: String, Sendable, Hashable, Codable {
        /// A person ("who", "which actor").
        case person
        /// A place ("where", "in which city").
        case place
        /// An organisation ("which company", "which band").
        case organization
        /// A creative work ("which film").
        case work
        /// An event ("which war").
        case event
        /// A date or a year ("when", "in what year").
        case date
        /// A number or an amount ("how many", "what population").
        case number
        /// "yes" or "no".
        case yesNo
        /// Anything else.
        case other

        /// The entity category answers of this type have, if any.
        public var category: EntityCategory? {
            switch self {
            case .person: return .person
            case .place: return .place
            case .organization: return .organization
            case .work: return .work
            case .event: return .event
            case .date: return .date
            case .number: return .number
            case .yesNo, .other: return nil
            }
        }
    }

    /// The expected answer type.
    public var expected: AnswerType
    /// The class noun after "which"/"what" ("city", "company"), if any.
    public var classNoun: String?
    /// The whole noun phrase the class noun heads, as the question writes it ("British first-generation
    /// jet-powered medium bomber"): what the question says the answer is. Empty without a class noun.
    public var classPhrase: String
    /// The two alternatives of "Who is older, A or B?", as written, if the question offers a choice.
    public var alternatives: [String]
    /// The question's normalised words (lower case, as the tokenizer gives them).
    public var words: [String]
    /// The words right before a wh-word that does not open the question ("formerly known as" in "… a
    /// conference that was formerly known as what?"): a passage tends to write them right before the answer.
    /// For a question that opens with its wh-word, the past form that ends it ("Where is … headquartered?");
    /// for a number question without either, what it measures ("what was the population of …": "population").
    public var cue: String
    /// The question's first clause: "Which body paid for X, and where does it sit?" asks first for the
    /// body, and its first answer is the one given.
    public var mainClause: String

    /// Reads a question.
    public init(_ question: String) {
        var main = question
        for wh in ["who", "what", "where", "when", "which", "how"] {
            if let range = question.range(of: ", and \(wh) ", options: .caseInsensitive) {
                main = String(question[..<range.lowerBound])
                break
            }
        }
        self.mainClause = main
        let tokens = EntityKey.tokenizer.tokenize(main)
        let words = tokens.map(\.text)
        self.words = words
        self.alternatives = Self.alternatives(in: question)
        let (expected, noun, phrase) = Self.answerType(tokens, in: main)
        self.expected = expected
        self.classNoun = noun
        // "What is the Edsa Shangri-La …": a capitalised head is a name the question asks about, not a class.
        if let phrase, let first = phrase.first, let last = phrase.last, !tokens[last].isCapitalized {
            let bytes = Array(main.utf8)
            self.classPhrase = String(decoding: bytes[tokens[first].start..<tokens[last].end], as: UTF8.self)
        } else {
            self.classPhrase = ""
        }
        let cue = Self.cue(tokens, in: main)
        self.cue = cue.isEmpty && expected == .number ? noun ?? "" : cue
    }

    /// The up to three words before the asking wh-word, inside its clause: "formed by who", "formerly known as
    /// what"; for a question that opens with its wh-word, the verb that ends it ("Where is the company …
    /// headquartered?" — a passage writes "headquartered in Mumbai").
    static func cue(_ tokens: [Token], in text: String) -> String {
        let positions = tokens.indices.filter { whWords.contains(tokens[$0].text) }
        guard let asking = positions.first(where: { !opensRelativeClause(at: $0, tokens, in: text) }) ?? positions.first
        else { return "" }
        let opening = asking == 0 || (asking == 1 && WordClass.of(tokens[0].text) == .preposition)
        if opening {
            guard let last = tokens.last, tokens.count > asking + 3, VerbForms.isPastForm(last.text) else { return "" }
            return last.text
        }
        let bytes = Array(text.utf8)
        var first = asking
        while first > max(0, asking - 3) {
            let gap = bytes[tokens[first - 1].end..<tokens[first].start]
            if gap.contains(UInt8(ascii: ",")) || gap.contains(UInt8(ascii: ";")) || gap.contains(UInt8(ascii: "\"")) { break }
            first -= 1
        }
        guard first < asking else { return "" }
        return String(decoding: bytes[tokens[first].start..<tokens[asking - 1].end], as: UTF8.self)
    }

    static let auxiliaryStarts: Set<String> = [
        "is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "can", "could", "will", "would",
    ]

    static let whWords: Set<String> = ["who", "whom", "whose", "what", "which", "where", "when", "how"]

    /// The answer type and class noun of a question's words, with the tokens of the noun phrase the noun heads.
    static func answerType(_ tokens: [Token], in text: String) -> (AnswerType, String?, Range<Int>?) {
        let words = tokens.map(\.text)
        guard let first = words.first else { return (.other, nil, nil) }
        if auxiliaryStarts.contains(first), !words.contains(where: whWords.contains) { return (.yesNo, nil, nil) }
        // The wh-word may stand anywhere ("The arena … can seat how many people?"); the one that asks is the
        // first that does not open a relative clause ("the manager who recruited …").
        let positions = words.indices.filter { whWords.contains(words[$0]) }
        let asking = positions.filter { !opensRelativeClause(at: $0, tokens, in: text) }
        for index in asking.isEmpty ? positions : asking {
            let word = words[index]
            let next = index + 1 < words.count ? words[index + 1] : ""
            switch word {
            case "who", "whom", "whose": return (.person, nil, nil)
            case "when": return (.date, nil, nil)
            case "where": return (.place, nil, nil)
            case "how" where ["many", "much", "long", "old", "far", "tall", "big", "large", "high"].contains(next):
                // "how many people": what is counted.
                guard next == "many", let counted = counted(tokens, from: index + 2, in: text) else { return (.number, nil, nil) }
                return (.number, counted.word, counted.start..<counted.end)
            case "which", "what":
                if let typed = classAfter(tokens, from: index + 1, in: text) { return typed }
            default:
                continue
            }
        }
        return (.other, nil, nil)
    }

    /// What "how many" counts: the plural noun of the phrase after it ("how many tournaments worldwide" counts
    /// tournaments), or the phrase's head when no word of it looks plural.
    static func counted(_ tokens: [Token], from start: Int, in text: String) -> (word: String, start: Int, end: Int)? {
        guard let phrase = head(tokens, from: start, in: text) else { return nil }
        let plurals: Set<String> = ["people", "men", "women", "children", "persons"]
        let plural = (phrase.start..<phrase.end).first {
            let word = tokens[$0].text
            return plurals.contains(word) || (word.hasSuffix("s") && !word.hasSuffix("ss") && word.count > 3 && !tokens[$0].isCapitalized)
        }
        guard let plural else { return phrase }
        return (tokens[plural].text, phrase.start, plural + 1)
    }

    /// Whether the wh-word at `index` starts a relative clause: a verb follows, and it follows a noun ("the
    /// manager who recruited"), or a preposition after a noun and is followed by a name, a determiner or a
    /// pronoun ("the battle in which Giuseppe Arimondi died"). A comma before it makes it a question
    /// ("According to the census, what was …").
    static func opensRelativeClause(at index: Int, _ tokens: [Token], in text: String) -> Bool {
        guard index > 0, tokens[(index + 1)...].contains(where: { [.verb, .auxiliary].contains(WordClass.of($0.text)) })
        else { return false }
        let bytes = text.utf8
        func commaBefore(_ position: Int) -> Bool {
            let gap = bytes[bytes.index(bytes.startIndex, offsetBy: tokens[position - 1].end)..<bytes.index(bytes.startIndex, offsetBy: tokens[position].start)]
            return gap.contains(UInt8(ascii: ",")) || gap.contains(UInt8(ascii: ";"))
        }
        if commaBefore(index) { return false }
        if isNounLike(tokens[index - 1].text) { return true }
        guard WordClass.of(tokens[index - 1].text) == .preposition, index > 1, !commaBefore(index - 1),
            isNounLike(tokens[index - 2].text), index + 1 < tokens.count
        else { return false }
        let next = tokens[index + 1]
        return next.isCapitalized || [.determiner, .pronoun].contains(WordClass.of(next.text))
    }

    /// The head of the noun phrase that starts at `start` (determiners and "other" skipped): "American film
    /// director" → "director", with where the phrase starts and ends. Words joined by a hyphen
    /// ("jet-powered") and capitalised words stay in the phrase; an inflected verb ends it ("which film
    /// starred").
    static func head(_ tokens: [Token], from start: Int, in text: String) -> (word: String, start: Int, end: Int)? {
        var index = start
        while index < tokens.count, WordClass.of(tokens[index].text) == .determiner || ["other", "s"].contains(tokens[index].text) {
            index += 1
        }
        let phraseStart = index
        var head: String?
        let bytes = Array(text.utf8)
        while index < tokens.count, index < phraseStart + 8 {
            let word = tokens[index].text
            func joined(_ left: Int) -> Bool {
                left >= phraseStart && left + 1 < tokens.count && tokens[left + 1].start == tokens[left].end + 1
                    && bytes[tokens[left].end] == UInt8(ascii: "-")
            }
            let nounLike = isNounLike(word)
            // "Formula One race car driver", "first-generation jet-powered bomber".
            guard nounLike || tokens[index].isCapitalized || joined(index - 1) || joined(index) else { break }
            head = word
            index += 1
        }
        return head.map { ($0, phraseStart, index) }
    }

    /// Whether a word can be a noun: not a closed-class word, not an inflected verb ("battle", "film").
    static func isNounLike(_ word: String) -> Bool {
        let wordClass = WordClass.of(word)
        return wordClass == .other || (wordClass == .verb && VerbForms.lemma(of: word) == word)
    }

    /// Class nouns that ask for a period rather than a date ("during what timeframe", "in what years").
    static let periodNouns: Set<String> = ["timeframe", "period", "years", "era", "span", "tenure"]

    /// Whether the question asks for several names: its class noun is a plural of a kind of person, place,
    /// organisation or work ("what other writers", "which countries").
    public var asksForSeveral: Bool {
        guard let noun = classNoun, expected != .number, expected != .date else { return false }
        // "writers" → "writer", "countries" → "country"; "series" is one ("sery" is no class).
        let singular = Self.singular(noun)
        return singular != noun && EntityCategory.of(classNoun: singular, usingSuffixes: false) != nil
    }

    /// A noun's singular, by its ending: "countries" → "country", "writers" → "writer"; "class" and short
    /// words stay.
    static func singular(_ noun: String) -> String {
        if noun.hasSuffix("ies"), noun.count > 4 { return String(noun.dropLast(3)) + "y" }
        if noun.hasSuffix("s"), !noun.hasSuffix("ss"), noun.count > 3 { return String(noun.dropLast()) }
        return noun
    }

    /// Whether the question asks for a period: two dates ("from 1986 to 2013").
    public var asksForPeriod: Bool { expected == .date && classNoun.map(Self.periodNouns.contains) == true }

    static let dateNouns: Set<String> = ["year", "date", "decade", "century", "month", "day", "timeframe", "period", "era"]
    static let numberNouns: Set<String> = [
        "number", "population", "amount", "percentage", "capacity", "many", "size", "length", "height", "distance",
    ]

    /// "which city", "what government position", "what is the name of the director": the class the
    /// question names after its wh-word, with the tokens of its noun phrase.
    static func classAfter(_ tokens: [Token], from start: Int, in text: String) -> (AnswerType, String, Range<Int>)? {
        var index = start
        if index < tokens.count, WordClass.copulas.contains(tokens[index].text) || tokens[index].text == "s" { index += 1 }
        guard var (noun, phraseStart, end) = head(tokens, from: index, in: text) else { return nil }
        // "the name of the director" asks for a director; "the middle name of the actress" does not.
        if ["name", "title"].contains(noun), end == phraseStart + 1, end < tokens.count, tokens[end].text == "of",
            let inner = head(tokens, from: end + 1, in: text)
        {
            (noun, phraseStart, end) = inner
        }
        if ["kind", "type", "sort", "form"].contains(noun), end < tokens.count, tokens[end].text == "of" {
            guard let inner = head(tokens, from: end + 1, in: text) else { return (.other, noun, phraseStart..<end) }
            return (.other, inner.word, inner.start..<inner.end)
        }
        let phrase = phraseStart..<end
        let singular = noun.hasSuffix("s") && noun.count > 3 ? String(noun.dropLast()) : noun
        if dateNouns.contains(noun) || dateNouns.contains(singular) { return (.date, noun, phrase) }
        if numberNouns.contains(noun) { return (.number, noun, phrase) }
        guard let category = EntityCategory.of(classNoun: noun, usingSuffixes: false) else { return (.other, noun, phrase) }
        switch category {
        case .person: return (.person, noun, phrase)
        case .place: return (.place, noun, phrase)
        case .organization: return (.organization, noun, phrase)
        case .work: return (.work, noun, phrase)
        case .event: return (.event, noun, phrase)
        case .date: return (.date, noun, phrase)
        case .number: return (.number, noun, phrase)
        case .other: return (.other, noun, phrase)
        }
    }

    /// "Who is older, Annie Morton or Terry Richardson?": the two names around the last " or ". The left one is
    /// what follows the last comma (or colon) before it, as many comma-separated parts as the right one has
    /// ("Hampden County, Massachusetts or Carroll County, New Hampshire"), else the capitalised run that ends
    /// the left part ("who is younger Keith Bostic or …", "John Roach & Sons"). Both must name something:
    /// "… during Oranjegekte or to celebrate Koningsdag" offers no choice.
    static func alternatives(in question: String) -> [String] {
        var text = question.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = text.last, "?.!".contains(last) { text.removeLast() }
        guard let or = text.range(of: " or ", options: .backwards) else { return [] }
        let right = String(text[or.upperBound...]).trimmingCharacters(in: .whitespaces)
        let before = String(text[..<or.lowerBound])
        let parts = before.split(omittingEmptySubsequences: false) { $0 == "," || $0 == ":" }
        let rightParts = right.split(separator: ",").count
        var left: String
        if parts.count > rightParts {
            left = parts.suffix(rightParts).joined(separator: ",").trimmingCharacters(in: .whitespaces)
            if let article = left.split(separator: " ").first, Self.articles.contains(article.lowercased()) {
                left = left.dropFirst(article.count).trimmingCharacters(in: .whitespaces)
            }
        } else {
            // The capitalised run that ends the left part, with the small words names hold ("Bank of America").
            let words = before.split(separator: " ")
            var kept = words.reversed().prefix { $0.first?.isUppercase == true || $0.first?.isNumber == true || nameJoiners.contains(String($0)) }
            while let last = kept.last, nameJoiners.contains(String(last)) { kept.removeLast() }
            left = kept.reversed().joined(separator: " ")
        }
        guard left.split(separator: " ").count <= 8, right.split(separator: " ").count <= 8,
            names(left), names(right)
        else { return [] }
        return [left, right]
    }

    /// "the", "a", "an": not part of a name that follows them.
    static let articles: Set<String> = ["the", "a", "an"]

    /// Words that join the capitalised words of one name.
    static let nameJoiners: Set<String> = ["&", "of", "and", "de", "the", "for"]

    /// Whether a phrase starts (after an article or an opening quote) with a capital letter or a digit.
    private static func names(_ phrase: String) -> Bool {
        let word = phrase.split(separator: " ").first { !articles.contains($0.lowercased()) }
        guard let initial = word?.first(where: { !"\"'“‘(".contains($0) }) else { return false }
        return initial.isUppercase || initial.isNumber
    }
}

