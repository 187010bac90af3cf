import ArgumentParser
import Foundation
import SQL
import Scoring
import SQLExecution

/// `quiver score sql`: scores text-to-SQL predictions (Spider, BIRD) by execution and structure.
struct ScoreSQLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Score text-to-SQL predictions (Spider or BIRD files as they are) by execution.",
        discussion: """
            Gold: Spider or BIRD dev.json, BIRD mini-dev JSON, or a `SQL<TAB>db_id` file.
            Predictions: one SQL per line (cut at the first TAB), or BIRD's JSON
            {"0": "sql\\t----- bird -----\\tdb_id", …}. Prints a summary table by hardness (or
            BIRD difficulty) on stdout; --json prints it as one JSON object instead. Every input is
            checked (files readable UTF-8, databases open, server reachable, --out writable) before
            any query runs. --out starts with the run's header (version, commit, options, SHA-256
            of every input): `quiver score replay FILE` repeats the run from it and compares.
            """)

    @Option(help: "Gold file: dev.json (Spider/BIRD), mini-dev JSON, or `SQL<TAB>db_id` lines.")
    var gold: String

    @Option(help: "Predictions: one SQL per line in gold order, or BIRD's predictions JSON.")
    var pred: String

    @Option(help: "Folder holding <db_id>/<db_id>.sqlite (Spider's and BIRD's layout).")
    var dbRoot: String?

    @Option(help: "Spider/BIRD tables.json (schemas and foreign keys for exact match).")
    var tables: String?

    @Option(help: "Result comparison: strict (default), spider-test-suite, bird.")
    var semantics: ComparisonSemantics = .strict

    @Option(parsing: .unconditional, help: "Per-query timeout in seconds (positive, at most a year).")
    var timeout: Double = 30

    @Option(parsing: .unconditional, help: "Worker threads, 1 to 1,024 (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(parsing: .unconditional, help: "Row cap per result (at least 1); a larger result is an error of that query.")
    var maxRows: Int = 1_000_000

    @Option(help: "Execute on PostgreSQL at this URL instead (each db_id is a schema; see --load-postgres).")
    var postgres: String?

    @Flag(help: "With --postgres: first copy every database under --db-root into PostgreSQL (schema per db_id).")
    var loadPostgres = false

    @Option(help: "With --postgres: run predictions as this role (one without write rights).")
    var postgresRole: String?

    @Flag(help: "With --postgres: translate gold and predictions from SQLite's dialect to PostgreSQL's before running (queries that do not parse run as written).")
    var translateToPostgres = false

    @Flag(help: "With --postgres and --db-root: list gold queries whose result differs between SQLite and PostgreSQL (JSONL on stdout), instead of scoring.")
    var compareDialects = false

    @Flag(help: "spider-test-suite: keep DISTINCT (the official --keep_distinct); stripped by default.")
    var keepDistinct = false

    @Flag(help: "strict: skip re-running gold queries to detect non-deterministic results.")
    var noDeterminismCheck = false

    @Option(parsing: .unconditional, help: "Measure BIRD VES and R-VES with this many timed runs per query (e.g. 10; 0 = off).")
    var ves: Int = 0

    @Option(help: "Write the run's header, then one JSON line per example, to this file.")
    var out: String?

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    mutating func validate() throws {
        try TimeoutSeconds.validate(timeout)
        try CountOption.validate(ves, "--ves", in: 0...1_000, meaning: "timed runs per query; 0 = off")
        try CountOption.validate(jobs, "--jobs", in: 1...CountOption.maximumJobs)
        try CountOption.validate(maxRows, "--max-rows", in: 1...Int.max)
        if dbRoot == nil && postgres == nil {
            throw ValidationError("give --db-root (the folder of <db_id>/<db_id>.sqlite files) or --postgres URL")
        }
        if (loadPostgres || compareDialects) && (postgres == nil || dbRoot == nil) {
            throw ValidationError("--load-postgres and --compare-dialects need both --postgres URL and --db-root")
        }
        try OutputPath.validate(out, option: "--out")
    }

    func run() async throws {
        let inputs = try loadInputs()
        if compareDialects, let sqlite = inputs.sqlite {
            let differences = DialectComparison(reference: sqlite, other: inputs.executors, options: options, translateOther: inputs.translate)
                .run(examples: inputs.examples)
            for difference in differences { print(try ScoreOutput.json(difference)) }
            FileHandle.standardError.write(Data("\(differences.count) of \(inputs.examples.count) gold queries differ between SQLite and PostgreSQL\n".utf8))
            return
        }
        let header = try header(for: inputs)
        let start = ContinuousClock.now
        let results = score(inputs, progress: true)
        let elapsed = ContinuousClock.now - start
        if let out { try ScoreOutput.writeJSONL(results, header: header, to: out) }
        let summary = SQLEvaluationSummary(results: results, semantics: semantics, run: header)
        print(json ? try ScoreOutput.json(summary) : summary.table())
        FileHandle.standardError.write(Data("scored \(results.count) examples in \(elapsed)\n".utf8))
    }

    var options: SQLEvaluationOptions {
        SQLEvaluationOptions(
            semantics: semantics, timeout: TimeoutSeconds.duration(timeout), maxRows: maxRows, jobs: jobs,
            keepDistinct: keepDistinct, checkDeterminism: !noDeterminismCheck, efficiencyIterations: ves)
    }

    /// Scores the examples of `inputs`, reporting progress on stderr when asked.
    func score(_ inputs: SQLRunInputs, progress: Bool) -> [SQLExampleResult] {
        let evaluation = SQLEvaluation(executors: inputs.executors, options: options, structural: inputs.structural, translate: inputs.translate)
        return evaluation.run(examples: inputs.examples, predictions: inputs.predictions) { done, total in
            if progress, done % 200 == 0 || done == total {
                FileHandle.standardError.write(Data("scored \(done)/\(total)\n".utf8))
            }
        }
    }
}

extension ScoreSQLCommand: ReplayableScoring {
    func replay() async throws -> (header: ScoringRun, records: [any Encodable & Sendable]) {
        let inputs = try loadInputs()
        return (try header(for: inputs), score(inputs, progress: false))
    }
}

extension ComparisonSemantics: ExpressibleByArgument {}
