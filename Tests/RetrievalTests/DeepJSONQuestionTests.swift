import Foundation
import KnowledgeGraph
import Testing

@testable import Retrieval

/// A question line nested far past what the decoder reads is an error of that line.
@Suite struct DeepJSONQuestionTests {
    @Test(arguments: [
        String(repeating: "[", count: 60_000) + String(repeating: "]", count: 60_000),
        String(repeating: #"{"a":"#, count: 60_000) + "1" + String(repeating: "}", count: 60_000),
    ])
    func aDeepLineIsAnErrorOfThatLine(deep: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-deep-\(UUID().uuidString).jsonl")
        try (#"{"id": "q", "question": "why", "answers": ["a"], "x": "# + deep + "}\n")
            .write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(throws: CorpusError.self) { try Question.readJSONL(url) }
        #expect(error.line == 1 && error.message.contains("nested more than"))
    }
}
