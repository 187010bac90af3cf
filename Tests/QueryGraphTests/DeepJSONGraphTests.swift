import Foundation
import Testing

@testable import QueryGraph

/// Graph-pair files with a line nested far past what the decoder reads: an error naming the line.
@Suite struct DeepJSONGraphTests {
    @Test(arguments: [
        String(repeating: "[", count: 60_000) + String(repeating: "]", count: 60_000),
        String(repeating: #"{"a":"#, count: 60_000) + "1" + String(repeating: "}", count: 60_000),
    ])
    func aDeepLineIsAnErrorOfThatLine(deep: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-deep-\(UUID().uuidString).jsonl")
        let good = #"{"g1": {"nodes": ["a"], "edges": []}, "g2": {"nodes": ["b"], "edges": []}}"#
        try (good + "\n" + #"{"g1": "# + deep + "}\n").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(throws: GraphFileError.self) { try GraphPair.readLines(of: url) }
        #expect(error.line == 2 && error.message.contains("nested more than"))
    }
}
