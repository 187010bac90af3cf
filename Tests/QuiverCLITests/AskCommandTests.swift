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

/// Answers do not depend on the process: two runs write the same bytes (sets and dictionaries are ordered
/// differently in every process, so every sum over one must be taken in a fixed order).
@Suite(.enabled(if: QuiverBinary.url != nil, "skipped: the quiver binary is not built beside the tests"))
struct AnswerDeterminismTests {
    @Test func twoProcessesWriteTheSameAnswersAndScores() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let halvard = root.appendingPathComponent("corpora/halvard")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-determinism-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [Data] = []
        for run in 0..<3 {
            let out = folder.appendingPathComponent("run\(run).jsonl")
            let (status, output) = try QuiverBinary.run([
                "eval", "retrieval", "--corpus", halvard.appendingPathComponent("articles").path,
                "--questions", halvard.appendingPathComponent("questions.jsonl").path, "--answer", "--out", out.path,
            ])
            #expect(status == 0, "\(output)")
            outputs.append(try Data(contentsOf: out))
        }
        #expect(!outputs[0].isEmpty)
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
    }
}
