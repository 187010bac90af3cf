import ArgumentParser
import Scoring
import Testing

@testable import QuiverCLI

/// Options parsed into typed values, and the usage errors for values outside them.
@Suite struct GEDLanguageTests {
    @Test(arguments: [(["a", "b"], QueryLanguage.cypher), (["--language", "sql", "a", "b"], .sql),
                      (["--language", "cypher", "a", "b"], .cypher)])
    func languageParsesToItsCase(arguments: [String], expected: QueryLanguage) throws {
        #expect(try GEDCommand.parse(arguments).language == expected)
    }

    @Test func anUnknownLanguageIsAUsageErrorListingTheChoices() {
        do {
            _ = try GEDCommand.parse(["--language", "python", "a", "b"])
            Issue.record("python was accepted")
        } catch {
            let message = GEDCommand.message(for: error)
            #expect(message.contains("--language") && message.contains("python"))
            #expect(message.contains("cypher") && message.contains("sql"))
        }
    }

    @Test func schemaOptionsStillNeedTheSQLLanguage() {
        #expect(throws: (any Error).self) { try GEDCommand.parse(["--tables", "t.json", "--db", "x", "a", "b"]) }
        #expect(throws: Never.self) { try GEDCommand.parse(["--language", "sql", "--tables", "t.json", "--db", "x", "a", "b"]) }
    }
}
