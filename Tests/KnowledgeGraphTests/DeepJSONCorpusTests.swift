import Foundation
import Testing

@testable import KnowledgeGraph

/// A corpus line nested far past what the decoder reads is an error of that line.
@Suite struct DeepJSONCorpusTests {
    @Test(arguments: [
        String(repeating: "[", count: 60_000) + String(repeating: "]", count: 60_000),
        String(repeating: #"{"a":"#, count: 60_000) + "1" + String(repeating: "}", count: 60_000),
    ])
    func aDeepLineIsAnErrorOfThatLine(deep: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-deep-\(UUID().uuidString).jsonl")
        try (#"{"id": "a", "text": "one"}"# + "\n" + #"{"id": "b", "text": "two", "x": "# + deep + "}\n")
            .write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(throws: CorpusError.self) { try CorpusReader.readJSONL(url) }
        #expect(error.line == 2 && error.message.contains("nested more than"))
    }
}
