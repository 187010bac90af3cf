import ArgumentParser
import Testing

@testable import QuiverCLI

/// `--timeout` seconds: what `validate()` accepts, and the duration `run()` gets.
@Suite struct TimeoutSecondsTests {
    @Test(arguments: [0.001, 0.5, 10, 30, TimeoutSeconds.maximum])
    func positiveTimeoutsUpToAYearAreAccepted(seconds: Double) throws {
        try TimeoutSeconds.validate(seconds)
        #expect(TimeoutSeconds.duration(seconds) == .milliseconds(Int64(seconds * 1000)))
    }

    @Test(arguments: [0, -1, 1e17, .infinity, .nan, TimeoutSeconds.maximum + 1])
    func otherTimeoutsAreUsageErrorsNotTraps(seconds: Double) {
        #expect(throws: ValidationError.self) { try TimeoutSeconds.validate(seconds) }
    }

    @Test func everyTimeoutOptionIsValidated() throws {
        func timeoutError<C: ParsableCommand>(_ command: C.Type, _ arguments: [String]) -> String? {
            do {
                _ = try command.parse(arguments)
                return nil
            } catch {
                return command.message(for: error)
            }
        }
        #expect(timeoutError(CypherCommand.self, ["--timeout", "1e17", "-e", "RETURN 1"])?.contains("--timeout must be") == true)
        #expect(timeoutError(CypherCommand.self, ["--timeout", "2.5", "-e", "RETURN 1"]) == nil)
        #expect(timeoutError(ScoreCypherCommand.self, ["--gold", "g.csv", "--timeout", "inf"])?.contains("--timeout must be") == true)
        #expect(timeoutError(ScoreCypherCommand.self, ["--gold", "g.csv", "--timeout", "2.5"]) == nil)
        let sql = ["--gold", "g.json", "--pred", "p.sql", "--db-root", "db", "--timeout"]
        #expect(timeoutError(ScoreSQLCommand.self, sql + ["1e300"])?.contains("--timeout must be") == true)
        #expect(timeoutError(ScoreSQLCommand.self, sql + ["2.5"]) == nil)
    }
}
