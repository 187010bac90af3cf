import ArgumentParser
import Foundation
import QuiverCore
import Scoring

/// A scoring command that can run again from a header's arguments and hand back its records.
protocol ReplayableScoring {
    /// Reads and checks the inputs, scores every example, and returns the new header and records.
    func replay() async throws -> (header: ScoringRun, records: [any Encodable & Sendable])
}

/// `quiver score replay FILE`: repeats a scoring run from the header of its `--out` file.
struct ScoreReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Repeat a scoring run from the header of its --out file and compare the records.",
        discussion: """
            The first line of a `score sql` or `score cypher` --out file is the run's header: the \
            command line that repeats the run, and the SHA-256 of every input. replay checks that \
            each input still has its hash, runs the command again, and compares every record with \
            the file's, apart from timings (seconds, pred_seconds, gold_seconds, ves, r_ves). Exit \
            status 0 when all agree, 1 when an input changed or a record differs.
            """)

    @Argument(help: "The --out file of `quiver score sql` or `quiver score cypher`.")
    var file: String

    @Option(help: "The PostgreSQL URL to use instead of the header's (whose password is not recorded).")
    var postgres: String?

    @Option(help: "Also write the replayed run (header and records) to this file.")
    var out: String?

    mutating func validate() throws {
        try OutputPath.validate(out, option: "--out")
    }

    func run() async throws {
        let (header, recorded) = try readRun()
        let changed = header.changedInputs()
        guard changed.isEmpty else { throw InputError("cannot replay \(file): " + changed.joined(separator: "; ")) }
        var arguments = header.arguments
        if let postgres, let at = arguments.firstIndex(of: "--postgres"), at + 1 < arguments.count { arguments[at + 1] = postgres }
        let parsed: any ParsableCommand
        do {
            parsed = try Quiver.parseAsRoot(arguments)
        } catch {
            throw InputError("\(file): the header's arguments no longer parse: \(Quiver.message(for: error))")
        }
        guard let command = parsed as? ReplayableScoring else {
            throw InputError("\(file): the header's command `\(arguments.prefix(2).joined(separator: " "))` cannot be replayed")
        }
        let (replayed, records) = try await command.replay()
        let encoder = ScoreOutput.encoder()
        let lines = try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        if let out { try ScoreOutput.writeJSONL(records.map(AnyRecord.init), header: replayed, to: out) }
        let differences = Self.differences(recorded, lines)
        let source = "Quiver \(header.quiverVersion) (\(header.quiverCommit.prefix(12)))"
        let now = "Quiver \(replayed.quiverVersion) (\(replayed.quiverCommit.prefix(12)))"
        guard differences.isEmpty else {
            print("\(differences.count) of \(max(recorded.count, lines.count)) records differ between \(source) and \(now):")
            for difference in differences.prefix(10) { print("  " + difference) }
            throw ExitCode.failure
        }
        print("replayed \(header.command) on \(lines.count) examples with the same inputs: every record equal apart from timings (\(source), now \(now))")
    }

    /// The header and the record lines of the file.
    private func readRun() throws -> (ScoringRun, [String]) {
        let text: String
        do {
            text = try RegularFile.text(file)
        } catch {
            throw InputError("\(error)")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard let first = lines.first, let line = try? JSONDecoder().decode(ScoringRun.Line.self, from: Data(first.utf8)) else {
            throw InputError("\(file) does not start with a run header ({\"quiver_run\": …}); give the --out file of `quiver score sql` or `quiver score cypher`")
        }
        lines.removeFirst()
        return (line.run, lines)
    }

    /// One line per differing record: its position and the first fields that differ.
    static func differences(_ recorded: [String], _ replayed: [String]) -> [String] {
        var found: [String] = []
        for index in 0..<max(recorded.count, replayed.count) {
            guard index < recorded.count, index < replayed.count else {
                found.append("record \(index): present in only one of the runs")
                continue
            }
            let old = fields(recorded[index]), new = fields(replayed[index])
            let keys = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
            if !keys.isEmpty {
                let detail = keys.prefix(3).map { "\($0): \(old[$0] ?? "absent") → \(new[$0] ?? "absent")" }
                found.append("record \(index): " + detail.joined(separator: "; "))
            }
        }
        return found
    }

    /// A record's fields but the timings, each as canonical JSON text.
    static func fields(_ line: String) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return ["": line] }
        var fields: [String: String] = [:]
        for (key, value) in object where !ScoringRun.timingKeys.contains(key) {
            let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys, .fragmentsAllowed])
            // Serialised inside an array (any value may stand there), then the brackets dropped.
            fields[key] = data.map { String(decoding: $0.dropFirst().dropLast(), as: UTF8.self) } ?? "\(value)"
        }
        return fields
    }
}

/// A record of either scoring command, for writing.
private struct AnyRecord: Encodable {
    let base: any Encodable
    init(_ base: any Encodable & Sendable) { self.base = base }
    func encode(to encoder: any Encoder) throws { try base.encode(to: encoder) }
}
