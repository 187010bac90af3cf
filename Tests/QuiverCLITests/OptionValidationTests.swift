import ArgumentParser
import Foundation
import Testing

@testable import QuiverCLI

/// Every numeric option of every command (but `quiver cypher`, checked with the same helpers by
/// its own tests) is checked before any work: a value outside its range is a one-line message
/// naming the option and the value, never a trap, a hang or "Missing value".
@Suite struct OptionValidationTests {
    /// The message for `arguments`, or nil when they parse and validate.
    static func problem<C: ParsableCommand>(_ command: C.Type, _ arguments: [String]) -> String? {
        do {
            _ = try command.parse(arguments)
            return nil
        } catch {
            return command.message(for: error)
        }
    }

    static let scoreSQL = ["--gold", "g.json", "--pred", "p.sql", "--db-root", "db"]

    /// (command, arguments, text the message must contain); nil text means "accepted".
    static let cases: [(String, [String], String?)] = [
        ("score sql", scoreSQL + ["--timeout", "-1"], "--timeout must be a positive number of seconds"),
        ("score sql", scoreSQL + ["--timeout", "0"], "--timeout must be a positive number of seconds"),
        ("score sql", scoreSQL + ["--timeout", "nan"], "--timeout must be"),
        ("score sql", scoreSQL + ["--timeout", "-inf"], "--timeout must be"),
        ("score sql", scoreSQL + ["--timeout", "0.5"], nil),
        ("score sql", scoreSQL + ["--jobs", "0"], "--jobs must be a whole number of at least 1"),
        ("score sql", scoreSQL + ["--jobs", "-2"], "--jobs must be"),
        ("score sql", scoreSQL + ["--jobs", "100000"], "at most 1024"),
        ("score sql", scoreSQL + ["--max-rows", "0"], "--max-rows must be"),
        ("score sql", scoreSQL + ["--ves", "-1"], "--ves must be"),
        ("score sql", scoreSQL + ["--ves", "0"], nil),
        ("score cypher", ["--gold", "g.csv", "--timeout", "-3"], "--timeout must be a positive number"),
        ("score cypher", ["--gold", "g.csv", "--jobs", "-1"], "--jobs must be"),
        ("score triples", ["f.jsonl", "--node-weight", "nan"], "--node-weight must be a finite number"),
        ("score triples", ["f.jsonl", "--edge-weight", "-1"], "--edge-weight must be"),
        ("score triples", ["f.jsonl", "--edge-weight", "inf"], "--edge-weight must be"),
        ("ged", ["a", "b", "--time-limit", "inf"], "--time-limit must be a positive number of seconds"),
        ("ged", ["a", "b", "--time-limit", "nan"], "--time-limit must be"),
        ("ged", ["a", "b", "--time-limit", "-1"], "--time-limit must be"),
        ("ged", ["a", "b", "--time-limit", "0"], "give none for no limit"),
        ("ged", ["a", "b", "--time-limit", "none"], nil),
        ("ged", ["a", "b", "--max-expansions", "0"], "give none for no limit"),
        ("ged", ["a", "b", "--max-expansions", "-5"], "--max-expansions must be"),
        ("ged", ["a", "b", "--max-expansions", "none"], nil),
        ("tck", ["--timeout", "0"], "--timeout must be a positive number"),
        ("tck", ["--timeout", "-1"], "--timeout must be"),
        ("tck", ["--min-passed", "-1"], "--min-passed must be"),
        ("synth-db", ["--tables", "t", "--db", "d", "--out", "o", "--rows", "0"], "--rows must be"),
        ("synth-db", ["--tables", "t", "--db", "d", "--out", "o", "--rows", "-1"], "--rows must be"),
        ("synth-db", ["--tables", "t", "--db", "d", "--out", "o", "--seed", "-1"], "-1"),
        ("build", ["corpus", "--maximum-words", "0"], "--maximum-words must be"),
        ("build", ["corpus", "--maximum-words", "-7"], "--maximum-words must be"),
        ("ask", ["q", "--graph", "g", "--limit", "-1"], "--limit must be"),
        ("ask", ["q", "--graph", "g", "--parameter", "damping=nan"], "--parameter damping must be a finite number"),
        ("ask", ["q", "--graph", "g", "--parameter", "pageRankIterations=-1"], "--parameter pageRankIterations must be"),
        ("ask", ["q", "--graph", "g", "--parameter", "pageRankIterations=1e12"], "--parameter pageRankIterations must be"),
        ("ask", ["q", "--graph", "g", "--parameter", "damping=0.6"], nil),
        ("eval retrieval", ["--corpus", "c", "--questions", "q", "--parameter", "decay=inf"], "--parameter decay must be"),
    ]

    static func problem(_ name: String, _ arguments: [String]) -> String? {
        switch name {
        case "score sql": problem(ScoreSQLCommand.self, arguments)
        case "score cypher": problem(ScoreCypherCommand.self, arguments)
        case "score triples": problem(ScoreTriplesCommand.self, arguments)
        case "ged": problem(GEDCommand.self, arguments)
        case "tck": problem(TCKCommand.self, arguments)
        case "synth-db": problem(SynthDBCommand.self, arguments)
        case "build": problem(BuildCommand.self, arguments)
        case "ask": problem(AskCommand.self, arguments)
        case "eval retrieval": problem(EvalRetrievalCommand.self, arguments)
        default: "unknown command \(name)"
        }
    }

    @Test(arguments: cases.indices)
    func valuesOutsideTheirRangeAreNamedUsageErrors(index: Int) {
        let (name, arguments, expected) = Self.cases[index]
        let message = Self.problem(name, arguments)
        if let expected {
            #expect(message?.contains(expected) == true, "quiver \(name) \(arguments.joined(separator: " ")): \(message ?? "accepted")")
            #expect(message?.contains("Missing value") != true)
        } else {
            #expect(message == nil, "quiver \(name) \(arguments.joined(separator: " ")): \(message ?? "")")
        }
    }

    @Test func noLimitIsWrittenOutNeverZero() throws {
        let ged = try GEDCommand.parse(["a", "b", "--time-limit", "none", "--max-expansions", "none"])
        #expect(ged.timeLimit.limit == nil && ged.maxExpansions.limit == nil)
        let defaults = try GEDCommand.parse(["a", "b"])
        #expect(defaults.timeLimit.limit == 10 && defaults.maxExpansions.limit == 10_000_000)
    }
}
