import ArgumentParser
import Foundation
import Testing

@testable import QuiverCLI

/// `quiver ask` input checks: they happen before any graph is read.
@Suite struct AskCommandTests {
    @Test(arguments: [[""], ["   "], ["\n"], [], ["what?", "--questions", "q.jsonl"]])
    func emptyOrConflictingQuestionsAreUsageErrors(arguments: [String]) {
        #expect(throws: (any Error).self) { _ = try AskCommand.parseAsRoot(arguments + ["--graph", "kg.quiver"]) }
    }

    @Test func questionFilesReadJSONLinesAndPlainLines() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-ask-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("{\"id\": \"q1\", \"question\": \"Who founded it?\"}\n\nWhere is it?\n{\"id\": 7, \"question\": \"When?\"}\n".utf8).write(to: file)
        let questions = try AskCommand.readQuestions(file.path)
        #expect(questions.map(\.0) == ["q1", nil, "7"])
        #expect(questions.map(\.1) == ["Who founded it?", "Where is it?", "When?"])
        try Data("{\"id\": \"q1\", \"question\": \"  \"}\n".utf8).write(to: file)
        #expect(throws: ValidationError.self) { _ = try AskCommand.readQuestions(file.path) }
        try Data("{\"id\": \"q1\"}\n".utf8).write(to: file)
        #expect(throws: ValidationError.self) { _ = try AskCommand.readQuestions(file.path) }
    }
}
