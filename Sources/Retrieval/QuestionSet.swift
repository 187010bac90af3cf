import Foundation
import KnowledgeGraph
import QuiverCore

/// A question with its gold supporting documents (the `$QUIVER_DATA/multihop/*/questions.jsonl` format).
public struct Question: Sendable, Hashable, Codable {
    /// The identifier.
    public var id: String
    /// The question text.
    public var question: String
    /// Accepted answers.
    public var answers: [String]
    /// Ids of the supporting documents.
    public var supporting: [String]

    /// A question.
    public init(id: String, question: String, answers: [String] = [], supporting: [String]) {
        self.id = id
        self.question = question
        self.answers = answers
        self.supporting = supporting
    }

    private enum CodingKeys: String, CodingKey { case id, question, answers, supporting }

    /// Decodes a question; `answers` may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        question = try container.decode(String.self, forKey: .question)
        answers = try container.decodeIfPresent([String].self, forKey: .answers) ?? []
        supporting = try container.decode([String].self, forKey: .supporting)
    }

    /// Reads a JSONL file of `{"id", "question", "answers", "supporting"}` objects.
    public static func readJSONL(_ url: URL) throws(CorpusError) -> [Question] {
        let data = try RegularFile.data(url.path)
        var questions: [Question] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            do {
                try JSONNesting.check(line)
                questions.append(try JSONDecoder().decode(Question.self, from: Data(line)))
            } catch {
                throw CorpusError(path: url.path, line: lineNumber,
                                  message: "expected {\"id\", \"question\", \"answers\", \"supporting\"}: \(error)")
            }
        }
        return questions
    }
}
