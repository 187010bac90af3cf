import ArgumentParser
import CypherTCK
import Foundation
import QuiverCore

/// `quiver tck`: runs the openCypher TCK against Quiver's Cypher engine, strictly checked.
struct TCKCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tck",
        abstract: "Run the openCypher TCK against Quiver's Cypher engine.",
        discussion: "Prints a table per feature folder and a last line `tck: N passed, M failed, K skipped`. "
            + "Checks are strict: rows as a bag unless the step says in order, column names and order, "
            + "integers apart from floats, side effects, and the error's type and phase; a differing error "
            + "detail code fails too and is counted apart."
    )

    @Argument(help: ArgumentHelp(
        "The TCK `features` directory (default: $QUIVER_DATA/opencypher-tck/tck/features).",
        valueName: "features-dir"))
    var featuresDirectory: String?

    @Option(name: .customLong("include"), help: ArgumentHelp(
        "Run only feature paths containing this text or matching this glob (repeatable).",
        valueName: "pattern"))
    var include: [String] = []

    @Option(name: .customLong("exclude"), help: ArgumentHelp(
        "Skip feature paths containing this text or matching this glob (repeatable).",
        valueName: "pattern"))
    var exclude: [String] = []

    @Option(name: .customLong("name"), help: ArgumentHelp(
        "Run only scenarios whose title contains this text (repeatable).",
        valueName: "text"))
    var names: [String] = []

    @Option(help: "`all`, or `issue` for everything outside expressions/temporal and clauses/call.")
    var scope: TCKFilter.Scope = .all

    @Option(name: .customLong("json"), help: ArgumentHelp(
        "Write one record per scenario to this file (schemas/tck-result.schema.json).",
        valueName: "file"))
    var jsonFile: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Seconds a scenario may run before it counts as failed (positive, at most a year).", valueName: "seconds"))
    var timeout: Double = 20

    @Flag(help: "Print every failed scenario with its reason before the table.")
    var failures = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Exit non-zero when fewer scenarios pass than this.", valueName: "n"))
    var minPassed: Int?

    @Option(help: ArgumentHelp(
        "An earlier `--json` file: list the scenarios that regressed or got fixed since.", valueName: "file"))
    var baseline: String?

    @Flag(help: "Run scenarios in this process instead of in worker processes (a crash then ends the run).")
    var inProcess = false

    @Option(help: ArgumentHelp(
        "`memory` (the in-memory engine), `sqlite` (a fresh temporary SQLite file per scenario) or "
            + "`postgres` (a fresh schema per scenario on the server of --db)."))
    var backend: TCKBackend = .memory

    @Option(help: ArgumentHelp("The PostgreSQL server for `--backend postgres` (postgres://…).", valueName: "url"))
    var db: String?

    @Option(parsing: .unconditional, help: .hidden)
    var workerFrom: Int?

    func validate() throws {
        try TimeoutSeconds.validate(timeout)
        try CountOption.validate(minPassed, "--min-passed", in: 0...Int.max)
        try CountOption.validate(workerFrom, "--worker-from", in: 0...Int.max)
        try backend.validate(db: db)
    }

    func run() async throws {
        let directory = try resolveFeaturesDirectory()
        let filter = TCKFilter(include: include, exclude: exclude, names: names, scope: scope)
        let suite: TCKSuite
        do {
            suite = try TCKSuite.load(from: directory, filter: filter)
        } catch {
            throw ValidationError("cannot read the TCK features under \(directory.path): \(error)")
        }
        if let workerFrom {
            runWorker(suite: suite, from: workerFrom)
        }
        let progress: (Int, Int, TCKScenarioResult) -> Void = { done, total, result in
            if done % 250 == 0 || done == total {
                FileHandle.standardError.write(Data("tck: \(done)/\(total) \(result.scenario.folder)\n".utf8))
            }
        }
        let report: TCKReport
        if inProcess {
            report = backend.run(suite: suite, timeout: timeout, db: db, progress: progress)
        } else {
            let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
            let arguments = workerArguments(directory: directory)
            let runner = IsolatedTCKRunner(suite: suite, executable: executable, timeout: timeout) { start in
                arguments + ["--worker-from", "\(start)"]
            }
            report = try runner.run(progress: progress)
        }
        if failures {
            for result in report.results where result.status == .failed {
                print("FAIL \(result.scenario.id) \(result.scenario.name): \(result.reason ?? "")")
            }
        }
        if let baseline {
            let data: Data
            do {
                data = try RegularFile.data(baseline)
            } catch {
                throw ValidationError("cannot read the baseline: \(error)")
            }
            let changes = try report.changes(since: data)
            for result in changes.regressed {
                print("REGRESSED \(result.scenario.id) \(result.scenario.name): \(result.reason ?? "")")
            }
            for result in changes.fixed { print("FIXED \(result.scenario.id) \(result.scenario.name)") }
            print("since the baseline: \(changes.regressed.count) regressed, \(changes.fixed.count) fixed")
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
            FileHandle.standardError.write(Data("tck: \(report.passed) scenarios passed, fewer than --min-passed \(minPassed)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Worker mode: runs the scenarios from `start` on, one JSON record per line, and exits.
    ///
    /// After a timeout the worker exits with ``IsolatedTCKRunner/restartExitStatus`` so the parent
    /// restarts it and the runaway thread dies with this process.
    private func runWorker(suite: TCKSuite, from start: Int) -> Never {
        let scenarios = suite.scenarios
        var index = start
        while index < scenarios.count {
            let result = backend.run(scenarios[index], suite: suite, timeout: timeout, db: db)
            FileHandle.standardOutput.write(Data((TCKWorkerRecord(index: index, result: result).line() + "\n").utf8))
            if result.status == .failed, result.reason?.hasPrefix("timed out") == true {
                Foundation.exit(IsolatedTCKRunner.restartExitStatus)
            }
            index += 1
        }
        FileHandle.standardOutput.write(Data((TCKWorkerRecord.finished(count: scenarios.count).line() + "\n").utf8))
        Foundation.exit(0)
    }

    /// The arguments that make a worker select exactly the scenarios this run selected.
    private func workerArguments(directory: URL) -> [String] {
        var arguments = ["tck", directory.path, "--scope", scope.rawValue, "--timeout", "\(timeout)",
                         "--backend", backend.rawValue]
        if let db { arguments += ["--db", db] }
        for pattern in include { arguments += ["--include", pattern] }
        for pattern in exclude { arguments += ["--exclude", pattern] }
        for name in names { arguments += ["--name", name] }
        return arguments
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
