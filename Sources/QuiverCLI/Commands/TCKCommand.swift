import ArgumentParser
import CypherTCK
import Foundation
import QuiverCore

/// `quiver tck`: runs the openCypher TCK against Quiver's Cypher engine, strictly checked.
struct TCKCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tck",
        abstract: "Run the openCypher TCK against Quiver's Cypher engine.",
        discussion: """
            Prints a table per feature folder and a last line `tck: N passed, M failed, K skipped`.
            Results are strict: rows as a bag unless the step says in order, column names, int vs float,
            side effects, and the error's type and phase (a differing detail code fails and is counted apart).
            """
    )

    @Argument(help: "The TCK `features` directory (default: $QUIVER_DATA/opencypher-tck/tck/features).")
    var featuresDirectory: String?

    @Option(name: .customLong("include"), help: "Run only feature paths containing this text or matching this glob (repeatable).")
    var include: [String] = []

    @Option(name: .customLong("exclude"), help: "Skip feature paths containing this text or matching this glob (repeatable).")
    var exclude: [String] = []

    @Option(name: .customLong("name"), help: "Run only scenarios whose title contains this text (repeatable).")
    var names: [String] = []

    @Option(help: "`all`, or `issue` for everything outside expressions/temporal and clauses/call.")
    var scope: TCKFilter.Scope = .all

    @Option(name: .customLong("json"), help: "Write one record per scenario to this file (schemas/tck-result.schema.json).")
    var jsonFile: String?

    @Option(help: "Seconds a scenario may run before it counts as failed.")
    var timeout: Double = 20

    @Flag(help: "Print every failed scenario with its reason before the table.")
    var failures = false

    @Option(help: "Exit non-zero when fewer scenarios pass than this.")
    var minPassed: Int?

    func run() async throws {
        let directory = try resolveFeaturesDirectory()
        let filter = TCKFilter(include: include, exclude: exclude, names: names, scope: scope)
        let suite: TCKSuite
        do {
            suite = try TCKSuite.load(from: directory, filter: filter)
        } catch {
            throw ValidationError("cannot read the TCK features under \(directory.path): \(error)")
        }
        let runner = TCKRunner(engine: CypherTCKEngine(), suite: suite, timeout: timeout)
        let report = runner.run { done, total, result in
            if done % 250 == 0 || done == total {
                FileHandle.standardError.write(Data("tck: \(done)/\(total) \(result.scenario.folder)\n".utf8))
            }
        }
        if failures {
            for result in report.results where result.status == .failed {
                print("FAIL \(result.scenario.id) \(result.scenario.name): \(result.reason ?? "")")
            }
        }
        if let jsonFile {
            try report.jsonData(featuresDirectory: directory.path).write(to: URL(fileURLWithPath: jsonFile))
        }
        print(report.table())
        if report.failedOnErrorDetailOnly > 0 {
            print("\(report.failedOnErrorDetailOnly) failed only on the error detail code (type and phase matched)")
        }
        print(report.summaryLine)
        if let minPassed, report.passed < minPassed {
            throw ValidationError("\(report.passed) scenarios passed, fewer than --min-passed \(minPassed)")
        }
    }

    private func resolveFeaturesDirectory() throws -> URL {
        if let featuresDirectory {
            let url = URL(fileURLWithPath: featuresDirectory, isDirectory: true)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ValidationError("no features directory at \(featuresDirectory); pass the TCK's tck/features folder")
            }
            return url
        }
        guard let url = DataLocation.item("opencypher-tck/tck/features") else {
            throw ValidationError(
                "no TCK found: $QUIVER_DATA/opencypher-tck/tck/features does not exist; set QUIVER_DATA or pass FEATURES_DIR")
        }
        return url
    }
}

extension TCKFilter.Scope: ExpressibleByArgument {}
