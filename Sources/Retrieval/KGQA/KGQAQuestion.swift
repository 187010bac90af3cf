import Foundation

/// A question to answer over a knowledge graph, with what is known about it: its topic entities,
/// its gold answers and its gold relation paths.
///
/// Read from JSONL, one object per line:
/// `{"id", "question", "topic": [names], "answers": [names], "path": [relations]}` (all but
/// `question` optional; `"paths": [[…], […]]` gives one path per topic; `"hops"` the hop count),
/// or from MetaQA's text format, `question<TAB>answer1|answer2`, with the topic in `[…]`.
///
/// ```swift
/// let questions = try KGQAQuestion.read(contentsOf: URL(fileURLWithPath: "qa_dev.txt"))
/// questions[0].topics   // ["Temuera Morrison"]
/// ```
public struct KGQAQuestion: Sendable, Hashable, Codable {
    /// The identifier (the line number when the file gives none).
    public var id: String
    /// The question text (brackets around a topic removed).
    public var question: String
    /// Names of the topic entities; empty when they must be linked from the text.
    public var topics: [String]
    /// Gold answer names.
    public var answers: [String]
    /// Gold relation paths in traversal order, one per topic (empty when unknown).
    public var paths: [[String]]
    /// The number of hops, when known (from `hops` or the gold path).
    public var hops: Int?

    /// A question.
    public init(id: String, question: String, topics: [String] = [], answers: [String] = [], paths: [[String]] = [],
                hops: Int? = nil) {
        self.id = id
        self.question = question
        self.topics = topics
        self.answers = answers
        self.paths = paths
        self.hops = hops ?? paths.map(\.count).max()
    }

    /// Reads a question file (JSONL or MetaQA text; the first non-blank line decides).
    ///
    /// - Throws: ``KGQAInputError`` naming the file and line of the first malformed question.
    public static func read(contentsOf url: URL) throws -> [KGQAQuestion] {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw KGQAInputError(path: url.path, line: 0, message: "cannot read the questions: \(error.localizedDescription)")
        }
        return try parse(text, path: url.path)
    }

    /// Parses the text of a question file (`path` names it in errors).
    public static func parse(_ text: String, path: String = "<questions>") throws -> [KGQAQuestion] {
        var questions: [KGQAQuestion] = []
        var isJSON: Bool?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            guard !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            let json = isJSON ?? line.drop(while: { $0 == " " }).hasPrefix("{")
            isJSON = json
            let number = index + 1
            questions.append(json ? try decodeJSON(String(line), path: path, line: number)
                                  : try decodeText(String(line), path: path, line: number))
        }
        return questions
    }

    private struct JSONQuestion: Decodable {
        var id: FlexibleID?
        var question: String
        var topic: OneOrMany?
        var answers: [String]?
        var path: [String]?
        var paths: [[String]]?
        var hops: Int?
    }

    /// A JSON id written as a string or a number.
    private struct FlexibleID: Decodable {
        var text: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) { text = String(number) } else { text = try container.decode(String.self) }
        }
    }

    /// A JSON string or array of strings.
    private struct OneOrMany: Decodable {
        var values: [String]
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) { values = [one] } else { values = try container.decode([String].self) }
        }
    }

    static func decodeJSON(_ line: String, path: String, line number: Int) throws -> KGQAQuestion {
        let decoded: JSONQuestion
        do { decoded = try JSONDecoder().decode(JSONQuestion.self, from: Data(line.utf8)) } catch {
            throw KGQAInputError(path: path, line: number,
                                 message: "expected {\"question\": …, \"topic\"?, \"answers\"?, \"path\"?}: \(Self.describe(error))")
        }
        guard !decoded.question.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw KGQAInputError(path: path, line: number, message: "the question is empty")
        }
        var paths = decoded.paths ?? []
        if let single = decoded.path { paths.insert(single, at: 0) }
        var question = decoded.question
        var topics = decoded.topic?.values ?? []
        if topics.isEmpty { (question, topics) = bracketedTopics(in: question) }
        return KGQAQuestion(id: decoded.id?.text ?? String(number), question: question, topics: topics,
                            answers: decoded.answers ?? [], paths: paths, hops: decoded.hops)
    }

    static func decodeText(_ line: String, path: String, line number: Int) throws -> KGQAQuestion {
        let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard parts.count <= 2 else {
            throw KGQAInputError(path: path, line: number,
                                 message: "expected question<TAB>answer1|answer2, found \(parts.count) tab-separated fields")
        }
        let text = parts[0].trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw KGQAInputError(path: path, line: number, message: "the question is empty") }
        let answers = parts.count == 2 ? parts[1].split(separator: "|").map { String($0) }.filter { !$0.isEmpty } : []
        let (question, topics) = bracketedTopics(in: text)
        return KGQAQuestion(id: String(number), question: question, topics: topics, answers: answers)
    }

    /// The text without `[` `]`, and the names they enclosed.
    ///
    /// ```swift
    /// KGQAQuestion.bracketedTopics(in: "who directed [Kiss and Tell]")   // ("who directed Kiss and Tell", ["Kiss and Tell"])
    /// ```
    public static func bracketedTopics(in text: String) -> (String, [String]) {
        guard text.contains("["), text.contains("]") else { return (text, []) }
        var topics: [String] = []
        var current: String?
        var plain = ""
        for character in text {
            switch character {
            case "[" where current == nil: current = ""
            case "]" where current != nil:
                if let name = current?.trimmingCharacters(in: .whitespaces), !name.isEmpty { topics.append(name) }
                plain += current ?? ""
                current = nil
            default:
                if current != nil { current?.append(character) } else { plain.append(character) }
            }
        }
        if let open = current { plain += "[" + open }
        return (plain, topics)
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context): "not JSON: \(context.debugDescription)"
        default: "\(error)"
        }
    }
}

/// A question or model file that cannot be read: where, and what is wrong.
///
/// ```swift
/// throw KGQAInputError(path: "q.jsonl", line: 3, message: "the question is empty")
/// ```
public struct KGQAInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The 1-based line, or 0 for the whole file.
    public var line: Int
    /// What is wrong.
    public var message: String

    /// An error.
    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)" }
}
