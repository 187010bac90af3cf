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
    /// The two alternatives of "Who is older, A or B?", as written, if the question offers a choice.
    public var alternatives: [String]
    /// The question's normalised words (lower case, as the tokenizer gives them).
    public var words: [String]
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
        let (expected, noun) = Self.answerType(words)
        self.expected = expected
        self.classNoun = noun
    }

    static let auxiliaryStarts: Set<String> = [
        "is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "can", "could", "will", "would",
    ]

    /// The answer type and class noun of a question's words.
    static func answerType(_ words: [String]) -> (AnswerType, String?) {
        guard let first = words.first else { return (.other, nil) }
        if auxiliaryStarts.contains(first), !words.contains(where: { ["who", "what", "which", "where", "when", "how"].contains($0) }) {
            return (.yesNo, nil)
        }
        // The wh-word may stand anywhere ("The arena … can seat how many people?").
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            switch word {
            case "who", "whom", "whose": return (.person, nil)
            case "when": return (.date, nil)
            case "where": return (.place, nil)
            case "how" where ["many", "much", "long", "old", "far", "tall", "big", "large", "high"].contains(next):
                return (.number, nil)
            case "which", "what":
                if let typed = classAfter(words, from: index + 1) { return typed }
            default:
                continue
            }
        }
        return (.other, nil)
    }

    /// The head of the noun phrase that starts at `start` (determiners skipped): "American film
    /// director" → "director".
    static func head(_ words: [String], from start: Int) -> (word: String, end: Int)? {
        var index = start
        while index < words.count, WordClass.of(words[index]) == .determiner { index += 1 }
        var head: String?
        while index < words.count, index < start + 6, WordClass.of(words[index]) == .other || (head == nil && VerbForms.lemma(of: words[index]) == words[index]) {
            head = words[index]
            index += 1
        }
        return head.map { ($0, index) }
    }

    /// "which city", "what government position", "what is the name of the director": the class the
    /// question names after its wh-word.
    static func classAfter(_ words: [String], from start: Int) -> (AnswerType, String)? {
        var index = start
        if index < words.count, WordClass.copulas.contains(words[index]) { index += 1 }
        guard var (noun, end) = head(words, from: index) else { return nil }
        if ["name", "title"].contains(noun), end < words.count, words[end] == "of", let inner = head(words, from: end + 1) {
            (noun, end) = inner
        }
        if ["kind", "type", "sort", "form"].contains(noun), end < words.count, words[end] == "of" {
            return (.other, head(words, from: end + 1)?.word ?? noun)
        }
        if ["year", "date", "decade", "century", "month", "day"].contains(noun) { return (.date, noun) }
        if ["number", "population", "amount", "percentage", "capacity", "many", "size", "length", "height"].contains(noun) {
            return (.number, noun)
        }
        guard let category = EntityCategory.of(classNoun: noun, usingSuffixes: false) else { return (.other, noun) }
        switch category {
        case .person: return (.person, noun)
        case .place: return (.place, noun)
        case .organization: return (.organization, noun)
        case .work: return (.work, noun)
        case .event: return (.event, noun)
        case .date: return (.date, noun)
        case .number: return (.number, noun)
        case .other: return (.other, noun)
        }
    }

    /// "Who is older, Annie Morton or Terry Richardson?": the two names around the last " or ".
    static func alternatives(in question: String) -> [String] {
        var text = question.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = text.last, "?.!".contains(last) { text.removeLast() }
        guard let or = text.range(of: " or ", options: .backwards) else { return [] }
        let right = String(text[or.upperBound...]).trimmingCharacters(in: .whitespaces)
        var left = String(text[..<or.lowerBound])
        if let comma = left.lastIndex(of: ",") { left = String(left[left.index(after: comma)...]) }
        let leftWords = left.split(separator: " ")
        // Keep the capitalised run that ends the left part ("Annie Morton").
        let kept = leftWords.reversed().prefix { $0.first?.isUppercase == true || $0.first?.isNumber == true }
        let first = kept.reversed().joined(separator: " ")
        guard !first.isEmpty, !right.isEmpty, right.split(separator: " ").count <= 8 else { return [] }
        return [first, right]
    }
}

