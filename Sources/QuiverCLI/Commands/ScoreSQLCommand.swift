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
            BIRD difficulty) on stdout; --json prints it as one JSON object instead.
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

    @Option(help: "Write one JSON line per example to this file.")
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
        if let tables, !FileManager.default.fileExists(atPath: tables) {
            throw ValidationError("--tables: no file at '\(tables)'")
        }
    }

    func run() async throws {
        let examples: [SQLExample]
        let predictions: [String]
        do {
            examples = try SQLDatasetReader.readGold(at: URL(fileURLWithPath: gold))
            predictions = compareDialects ? examples.map(\.gold) : try SQLDatasetReader.readPredictions(at: URL(fileURLWithPath: pred), count: examples.count)
        } catch {
            throw InputError(error.description)
        }
        let databaseIDs = Set(examples.map(\.databaseID)).sorted()
        let sqlite = dbRoot.map { SQLiteDatabaseFactory(root: URL(fileURLWithPath: $0)) }
        if let sqlite {
            let missing = databaseIDs.filter { !FileManager.default.fileExists(atPath: sqlite.path(for: $0)) }
            if !missing.isEmpty, postgres == nil || loadPostgres {
                throw InputError(
                    "no database file for \(missing.count) db_id(s) (\(missing.prefix(5).joined(separator: ", "))), e.g. "
                        + "'\(sqlite.path(for: missing[0]))'; --db-root must hold <db_id>/<db_id>.sqlite")
            }
        }
        if let postgres, loadPostgres, let sqlite { try load(databaseIDs, from: sqlite, into: postgres) }

        let options = SQLEvaluationOptions(
            semantics: semantics, timeout: TimeoutSeconds.duration(timeout), maxRows: maxRows, jobs: jobs,
            keepDistinct: keepDistinct, checkDeterminism: !noDeterminismCheck, efficiencyIterations: ves)
        var translate: QueryTranslator?
        if let postgres, translateToPostgres {
            translate = PostgresTranslation.translator(knownColumns: try PostgresTranslation.knownColumns(url: postgres, databaseIDs: databaseIDs))
        }
        let executors: any QueryExecutorFactory =
            postgres.map { PostgresDatabaseFactory(url: $0, role: postgresRole) } ?? (sqlite ?? SQLiteDatabaseFactory(root: URL(fileURLWithPath: ".")))

        if compareDialects, let sqlite {
            let differences = DialectComparison(reference: sqlite, other: executors, options: options, translateOther: translate)
                .run(examples: examples)
            for difference in differences { print(try ScoreOutput.json(difference)) }
            FileHandle.standardError.write(Data("\(differences.count) of \(examples.count) gold queries differ between SQLite and PostgreSQL\n".utf8))
            return
        }

        let start = ContinuousClock.now
        let results = SQLEvaluation(executors: executors, options: options, structural: try structuralScorer(for: Set(databaseIDs)), translate: translate).run(examples: examples, predictions: predictions) { done, total in
            if done % 200 == 0 || done == total {
                FileHandle.standardError.write(Data("scored \(done)/\(total)\n".utf8))
            }
        }
        let elapsed = ContinuousClock.now - start
        if let out { try ScoreOutput.writeJSONL(results, to: out) }
        let summary = SQLEvaluationSummary(results: results, semantics: semantics)
        print(json ? try ScoreOutput.json(summary) : summary.table())
        FileHandle.standardError.write(Data("scored \(results.count) examples in \(elapsed)\n".utf8))
    }

    /// Exact match, partial components and schema linking need the schemas of `--tables`; without it,
    /// only the gold's hardness is computed.
    private func structuralScorer(for databaseIDs: Set<String>) throws -> StructuralScorer {
        guard let tables else { return ExactSetMatch.structuralScorer(schemas: [:]) }
        let schemas: [String: Schema]
        do {
            // Only the schemas the examples use are indexed (Spider's tables.json has 166, dev uses 20).
            schemas = try SpiderTables.load(from: URL(fileURLWithPath: tables), databaseIDs: databaseIDs)
        } catch {
            throw InputError("--tables: cannot read '\(tables)' as Spider/BIRD tables.json: \(error)")
        }
        return SchemaLinking(schemas: schemas).adding(to: ExactSetMatch.structuralScorer(schemas: schemas))
    }

    private func load(_ databaseIDs: [String], from sqlite: SQLiteDatabaseFactory, into url: String) throws {
        let loader = try PostgresLoader(url: url, readerRole: postgresRole)
        for (number, databaseID) in databaseIDs.enumerated() {
            try loader.load(sqlitePath: sqlite.path(for: databaseID), schema: databaseID.lowercased())
            FileHandle.standardError.write(Data("loaded \(databaseID) into PostgreSQL (\(number + 1)/\(databaseIDs.count))\n".utf8))
        }
    }
}

extension ComparisonSemantics: ExpressibleByArgument {}
