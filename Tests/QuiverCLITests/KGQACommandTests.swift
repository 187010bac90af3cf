import ArgumentParser
import Testing

@testable import QuiverCLI

/// `quiver kgqa` options: splits, and usage errors found before any work.
@Suite struct KGQACommandTests {
    @Test(arguments: [("1/2", 1, 2), ("0/3", 0, 3)])
    func splitsParse(text: String, part: Int, parts: Int) throws {
        let split = try #require(QuestionSplit(argument: text))
        #expect(split.part == part && split.parts == parts)
    }

    @Test(arguments: ["2/2", "-1/2", "1/0", "half", "1/2/3"])
    func badSplitsAreRefused(text: String) {
        #expect(QuestionSplit(argument: text) == nil)
    }

    @Test func badOptionsAreUsageErrors() {
        let file = #filePath
        for arguments in [[String]](arrayLiteral: ["--kg", file, "--simulations", "0", "q"], ["--kg", file, "--graph", file, "q"],
                                                  ["--kg", file], ["--kg", "/nonexistent/kb.txt", "q"],
                                                  ["--kg", file, "--max-hops", "9", "q"]) {
            #expect(throws: (any Error).self, "\(arguments)") { try KGQAAnswerCommand.parse(arguments) }
        }
        #expect(throws: Never.self) { try KGQAAnswerCommand.parse(["--kg", file, "--method", "beam", "q"]) }
    }
}
