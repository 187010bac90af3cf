import Foundation
import QuiverCore
import Testing

@testable import Scoring

/// Data-set files with JSON nested far past what the decoders read are errors naming the file,
/// the line and the limit, never a crash.
@Suite struct DeepJSONDatasetTests {
    static let arrays = String(repeating: "[", count: 60_000) + String(repeating: "]", count: 60_000)
    static let objects = String(repeating: #"{"a":"#, count: 60_000) + "1" + String(repeating: "}", count: 60_000)

    func file(_ text: String, _ suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-deep-\(UUID().uuidString)\(suffix)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func expectNestingError(_ error: DatasetError, line: Int? = nil) {
        #expect(error.message.contains("nested more than \(JSONNesting.foundationDepth) levels"), "\(error)")
        if let line { #expect(error.line == line) }
    }

    @Test(arguments: [arrays, objects])
    func sqlGoldAndBIRDPredictions(deep: String) throws {
        let gold = try file("[" + deep + "]", ".json")
        expectNestingError(try #require(throws: DatasetError.self) { try SQLDatasetReader.readGold(at: gold) })
        let predictions = try file(#"{"0": "# + deep + "}", ".json")
        expectNestingError(try #require(throws: DatasetError.self) { try SQLDatasetReader.readPredictions(at: predictions, count: 1) })
    }

    @Test(arguments: [arrays, objects])
    func cypherGoldAndPredictions(deep: String) throws {
        let jsonl = try file(#"{"gold": "RETURN 1"}"# + "\n" + #"{"gold": "RETURN 2", "x": "# + deep + "}\n", ".jsonl")
        expectNestingError(try #require(throws: DatasetError.self) { try CypherDatasetReader.readGold(at: jsonl) }, line: 2)
        let cySpider = try file("[" + deep + "]", ".json")
        expectNestingError(try #require(throws: DatasetError.self) { try CypherDatasetReader.readGold(at: cySpider) })
        expectNestingError(try #require(throws: DatasetError.self) { try CypherDatasetReader.readPredictions(at: cySpider, count: 1) })
    }
}
