import ArgumentParser
import Foundation
import QuiverCore
import Scoring

/// `quiver score cypher`: scores text-to-Cypher predictions by execution on an embedded graph.
struct ScoreCypherCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cypher",
        abstract: "Score text-to-Cypher predictions (neo4j-labs CSV, Cy-Spider JSON, JSONL) by execution.",
        discussion: """
            Gold: the neo4j-labs CSV (question,cypher,type,database,…), Cy-Spider's train.json \
            ({db_id, query, question, answers}), or JSONL {question?, gold, pred?, database?}. \
            Predictions: --pred (JSONL {pred}, a CSV with a pred/cypher column, or a JSON array of \
            strings, in gold order); without --pred, a pred/prediction field of the gold file, else \
            the gold itself (a self-check of the engine). --against FILE (same formats as --pred) \
            scores the predictions against another file of queries instead of a gold: with --gold, \
            its questions and databases are kept. Gold and prediction run read-only with \
            --timeout on the graph of --graph: a Cypher script, a graph folder (scripts/*.cypher + \
            import/ CSVs for LOAD CSV), a folder of graph folders named by database, or a snapshot. \
            Every graph the examples need is loaded before any example is scored.

            Example: quiver score cypher --gold text2cypher_claudeopus.csv --database movies \
            --graph text2cypher/graphs --out movies.jsonl
            """)

    @Option(help: "Gold file: neo4j-labs CSV, Cy-Spider JSON, or JSONL {question?, gold, pred?, database?}.")
    var gold: String?

    @Option(help: "Predictions in gold order (JSONL {pred}, CSV with a pred column, or a JSON array); default: the gold file's pred field, else the gold.")
    var pred: String?

    @Option(help: "Score the predictions against the queries of this file (same formats as --pred) instead of a gold.")
    var against: String?

    @Option(help: "The graph: a Cypher script, a graph folder, a folder of graph folders named by database, or a snapshot.")
    var graph: String?

    @Option(help: "Score only the examples of this database (neo4j-labs `database`, Cy-Spider `db_id`).")
    var database: String?

    @Option(help: "Result comparison: strict (default), neo4j-labs (pass@1 = row Jaccard 1), struct-llm (GED reward as STRuCT-LLM).")
    var semantics: CypherComparisonSemantics = .strict

    @Option(parsing: .unconditional, help: "Per-query timeout in seconds (positive, at most a year).")
    var timeout: Double = 10

    @Option(parsing: .unconditional, help: "Worker threads, 1 to 1,024 (they share one read-only copy of each graph).")
    var jobs: Int = 1

    @Option(help: "Write the run's header, then one JSON line per example, to this file (schemas/cypher-score-example.schema.json).")
    var out: String?

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    mutating func validate() throws {
        try TimeoutSeconds.validate(timeout)
        try CountOption.validate(jobs, "--jobs", in: 1...CountOption.maximumJobs)
        if gold == nil && against == nil { throw ValidationError("give --gold FILE, or --pred FILE --against FILE") }
        if gold == nil && pred == nil { throw ValidationError("--against compares --pred with it: give --pred FILE too") }
        try OutputPath.validate(out, option: "--out")
    }

    func run() async throws {
        let inputs = try loadInputs()
        if inputs.evaluation.catalog == nil {
            FileHandle.standardError.write(Data("quiver score cypher: note: no --graph, so only text metrics are computed\n".utf8))
        }
        let header = try header()
        let start = ContinuousClock.now
        let results = score(inputs, progress: true)
        let elapsed = ContinuousClock.now - start
        if let out { try ScoreOutput.writeJSONL(results, header: header, to: out) }
        var summary = CypherEvaluationSummary(results: results, semantics: semantics)
        summary.run = header
        print(json ? try ScoreOutput.json(summary) : summary.table())
        FileHandle.standardError.write(Data("scored \(results.count) examples in \(elapsed)\n".utf8))
    }

    func score(_ inputs: CypherRunInputs, progress: Bool) -> [CypherExampleResult] {
        inputs.evaluation.run(examples: inputs.examples, predictions: inputs.predictions) { done, total in
            if progress, done % 100 == 0 || done == total { FileHandle.standardError.write(Data("scored \(done)/\(total)\n".utf8)) }
        }
    }
}

extension ScoreCypherCommand: ReplayableScoring {
    func replay() async throws -> (header: ScoringRun, records: [any Encodable & Sendable]) {
        let inputs = try loadInputs()
        return (try header(), score(inputs, progress: false))
    }
}

extension CypherComparisonSemantics: ExpressibleByArgument {}
