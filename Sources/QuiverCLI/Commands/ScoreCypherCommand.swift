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
            the gold itself (a self-check of the engine). Gold and prediction run read-only with \
            --timeout on the graph of --graph: a Cypher script, a graph folder (scripts/*.cypher + \
            import/ CSVs for LOAD CSV), a folder of graph folders named by database, or a snapshot.

            Example: quiver score cypher --gold text2cypher_claudeopus.csv --database movies \
            --graph text2cypher/graphs --out movies.jsonl
            """)

    @Option(help: "Gold file: neo4j-labs CSV, Cy-Spider JSON, or JSONL {question?, gold, pred?, database?}.")
    var gold: String

    @Option(help: "Predictions in gold order (JSONL {pred}, CSV with a pred column, or a JSON array); default: the gold file's pred field, else the gold.")
    var pred: String?

    @Option(help: "The graph: a Cypher script, a graph folder, a folder of graph folders named by database, or a snapshot.")
    var graph: String?

    @Option(help: "Score only the examples of this database (neo4j-labs `database`, Cy-Spider `db_id`).")
    var database: String?

    @Option(help: "Result comparison: strict (default), neo4j-labs (pass@1 = row Jaccard 1), struct-llm (GED reward as STRuCT-LLM).")
    var semantics: CypherComparisonSemantics = .strict

    @Option(parsing: .unconditional, help: "Per-query timeout in seconds (positive, at most a year).")
    var timeout: Double = 10

    @Option(parsing: .unconditional, help: "Worker threads, 1 to 1,024 (each loads its own copy of the graph).")
    var jobs: Int = 1

    @Option(help: "Write one JSON line per example to this file (schemas/cypher-score-example.schema.json).")
    var out: String?

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    mutating func validate() throws {
        try TimeoutSeconds.validate(timeout)
        try CountOption.validate(jobs, "--jobs", in: 1...CountOption.maximumJobs)
    }

    func run() async throws {
        var examples: [CypherExample]
        do {
            examples = try CypherDatasetReader.readGold(at: URL(fileURLWithPath: gold))
        } catch {
            throw InputError("--gold: \(error)")
        }
        var predictions: [String]
        if let pred {
            do {
                predictions = try CypherDatasetReader.readPredictions(at: URL(fileURLWithPath: pred), count: examples.count)
            } catch {
                throw InputError("--pred: \(error)")
            }
        } else {
            predictions = examples.map { $0.prediction ?? $0.gold }
        }
        if let database {
            let kept = examples.indices.filter { examples[$0].database == database }
            guard !kept.isEmpty else {
                let known = Set(examples.compactMap(\.database)).sorted()
                throw InputError("--database \(database): no example of that database in \(gold) (it has: \(known.joined(separator: ", ")))")
            }
            predictions = kept.map { predictions[$0] }
            examples = kept.map { examples[$0] }
        }
        let catalog: CypherGraphCatalog?
        do {
            catalog = try graph.map { path throws(FileError) in try CypherGraphCatalog(path: path) }
        } catch {
            throw InputError("--graph: \(error)")
        }
        if catalog == nil {
            FileHandle.standardError.write(Data("quiver score cypher: note: no --graph, so only text metrics are computed\n".utf8))
        }
        let options = CypherEvaluationOptions(semantics: semantics, timeout: TimeoutSeconds.duration(timeout), jobs: jobs)
        let start = ContinuousClock.now
        let results = CypherEvaluation(catalog: catalog, options: options).run(examples: examples, predictions: predictions) { done, total in
            if done % 100 == 0 || done == total { FileHandle.standardError.write(Data("scored \(done)/\(total)\n".utf8)) }
        }
        let elapsed = ContinuousClock.now - start
        if let out { try ScoreOutput.writeJSONL(results, to: out) }
        let summary = CypherEvaluationSummary(results: results, semantics: semantics)
        print(json ? try ScoreOutput.json(summary) : summary.table())
        FileHandle.standardError.write(Data("scored \(results.count) examples in \(elapsed)\n".utf8))
    }
}

extension CypherComparisonSemantics: ExpressibleByArgument {}
