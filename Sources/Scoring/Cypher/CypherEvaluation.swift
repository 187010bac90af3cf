import Cypher
import Foundation
import PropertyGraph
import QueryGraph
import QuiverCore

/// Scores Text-to-Cypher predictions: by execution on an embedded graph (read-only, with a
/// timeout), by Google-BLEU and normalised exact match on the text, by the neo4j-labs row Jaccard,
/// and by the query-graph edit-distance similarity.
///
/// ```swift
/// let evaluation = CypherEvaluation(catalog: try CypherGraphCatalog(path: "graphs"), options: CypherEvaluationOptions())
/// let results = evaluation.run(examples: examples, predictions: examples.map(\.gold))
/// ```
public struct CypherEvaluation: Sendable {
    /// Where the graphs are; `nil` scores text only (every example gets `gold_error`).
    public var catalog: CypherGraphCatalog?
    public var options: CypherEvaluationOptions
    /// The graphs loaded so far, one read-only snapshot per location, shared by every worker.
    private let graphs: GraphSnapshots

    public init(catalog: CypherGraphCatalog?, options: CypherEvaluationOptions = CypherEvaluationOptions()) {
        self.catalog = catalog
        self.options = options
        graphs = GraphSnapshots(catalog: catalog)
    }

    /// Loads the graph of each of `databases` now, so that a graph that cannot be loaded is an error
    /// before any example is scored (the run then reuses the loaded graphs).
    public func preload(databases: [String?]) throws(FileError) {
        try graphs.preload(databases)
    }

    /// Scores every example, on `options.jobs` threads; `progress(done, total)` after each.
    public func run(
        examples: [CypherExample], predictions: [String], progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [CypherExampleResult] {
        let results = LockedValue([CypherExampleResult?](repeating: nil, count: examples.count))
        let done = LockedValue(0)
        WorkerPool.run(count: examples.count, jobs: options.jobs, makeState: { () }) { _, index in
            let example = examples[index]
            let (graph, graphError) = graphs.snapshot(for: example.database)
            let result = score(example, prediction: predictions[index], graph: graph, graphError: graphError)
            results.withLock { $0[index] = result }
            let count = done.withLock { value -> Int in
                value += 1
                return value
            }
            progress?(count, examples.count)
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    /// Scores one example on `graph` (or, when `graph` is nil, by text only, with `graphError` as
    /// the reason execution could not run).
    public func score(_ example: CypherExample, prediction: String, graph: GraphSnapshot?, graphError: String?) -> CypherExampleResult {
        var flags: Set<ExecutionFlag> = []
        let start = ContinuousClock.now
        var result = score(example, prediction: prediction, graph: graph, graphError: graphError, flags: &flags)
        result.seconds = (ContinuousClock.now - start).inSeconds
        result.flags = flags.sorted()
        return result
    }

    private func score(
        _ example: CypherExample, prediction: String, graph: GraphSnapshot?, graphError: String?, flags: inout Set<ExecutionFlag>
    ) -> CypherExampleResult {
        var result = CypherExampleResult(index: example.index, database: example.database,
                                         exactMatch: CypherTextNormalization.equal(prediction, example.gold))
        result.prediction = prediction
        result.gold = example.gold
        result.bleu = GoogleBLEU.counts(prediction: prediction, reference: example.gold)
        result.partial["google_bleu"] = result.bleu.score
        // Each query is parsed once: the query graph, ORDER BY and execution all read that tree.
        let goldParsed = Self.parse(example.gold), predParsed = Self.parse(prediction)
        if case .success = predParsed { result.parsed = true }
        if let similarity = gedSimilarity(prediction: (prediction, predParsed), gold: (example.gold, goldParsed)) {
            result.partial["ged_similarity"] = similarity
        }
        guard let graph else {
            flags.insert(.goldError)
            result.goldError = graphError ?? "no graph was given (--graph)"
            result.goldErrorCode = "NoGraph"
            return result
        }
        let gold: QueryResult
        switch goldParsed.flatMap({ execute($0, text: example.gold, on: graph) }) {
        case .success(let r): gold = r
        case .failure(let error):
            flags.insert(.goldError)
            if error.code == "Timeout" { flags.insert(.timeout) }
            result.goldError = error.description
            result.goldErrorCode = error.code
            return result
        }
        let ordered = (try? goldParsed.get()).map(Self.orders) ?? false
        result.ordered = ordered
        result.goldRows = gold.rows.count
        if gold.rows.isEmpty { flags.insert(.goldEmpty) }
        let predRows: [[Value]]
        switch predParsed.flatMap({ execute($0, text: prediction, on: graph) }) {
        case .success(let r):
            predRows = r.rows
            result.predRows = r.rows.count
            if gold.rows.isEmpty && r.rows.isEmpty { flags.insert(.bothEmpty) }
        case .failure(let error):
            flags.insert(.predError)
            if error.code == "Timeout" { flags.insert(.timeout) }
            result.error = error.description
            result.errorCode = error.code
            result.partial["row_jaccard"] = RowJaccard.score(gold: gold.rows, pred: RowJaccard.errorRows, ordered: true)
            result.execMatch = false
            return result
        }
        let jaccard = RowJaccard.score(gold: gold.rows, pred: predRows,
                                       ordered: RowJaccard.ordered(gold: example.gold, pred: prediction))
        result.partial["row_jaccard"] = jaccard
        switch options.semantics {
        case .neo4jLabs:
            result.execMatch = jaccard == 1
        case .strict, .structLLM:
            result.execMatch = Self.resultsMatch(gold: gold.rows, pred: predRows, ordered: ordered)
        }
        return result
    }

    /// Quiver's comparison: numbers canonical at any depth, column names ignored and columns matched
    /// by value, a bag of rows or (when `ordered`) a sequence.
    public static func resultsMatch(gold: [[Value]], pred: [[Value]], ordered: Bool) -> Bool {
        ResultComparison.strict(gold: gold, pred: pred, orderMatters: ordered)
    }

    /// Whether the query's top-level RETURN has ORDER BY (read from the parse tree; a UNION never orders).
    public static func goldOrders(_ query: String) -> Bool {
        guard let statement = try? CypherParser.parseStatement(query) else { return false }
        return orders(statement)
    }

    static func orders(_ statement: CypherStatement) -> Bool {
        guard case .query(let parsed) = statement, parsed.unions.isEmpty,
              case .return(let r)? = parsed.first.clauses.last
        else { return false }
        return !r.projection.orderBy.isEmpty
    }

    /// Parses `query` (a query or a schema command) once.
    static func parse(_ query: String) -> Result<CypherStatement, QueryError> {
        do {
            return .success(try CypherParser.parseStatement(query))
        } catch let error as QueryError {
            return .failure(error)
        } catch {
            return .failure(QueryError(.syntaxError, code: "InvalidSyntax", phase: .compileTime, message: "\(error)"))
        }
    }

    /// Analyses and runs a parsed statement read-only; no parameters are ever supplied to scored queries.
    private func execute(_ statement: CypherStatement, text: String, on graph: GraphSnapshot) -> Result<QueryResult, QueryError> {
        Result { () throws(QueryError) in
            let prepared = try CypherEngine.prepare(statement, text: text, parameterNames: [])
            return try CypherEngine.execute(prepared, on: graph, options: ExecutionOptions(timeout: options.timeout))
        }
    }

    /// Quiver's query-graph similarity, or STRuCT-LLM's reward in `struct-llm` mode; `nil` when
    /// the gold does not parse (0 when only the prediction does not).
    func gedSimilarity(prediction: String, gold: String) -> Double? {
        gedSimilarity(prediction: (prediction, Self.parse(prediction)), gold: (gold, Self.parse(gold)))
    }

    private func gedSimilarity(
        prediction: (text: String, parsed: Result<CypherStatement, QueryError>),
        gold: (text: String, parsed: Result<CypherStatement, QueryError>)
    ) -> Double? {
        let budget = SearchBudget(maxExpansions: nil, timeLimit: options.gedTimeLimit)
        if options.semantics == .structLLM {
            // STRuCT-LLM's reward reads the text with its own grammar, not the Cypher parse tree.
            return StructLLMReward(budget: budget).score(prediction: prediction.text, gold: gold.text).reward
        }
        guard case .query(let goldQuery)? = try? gold.parsed.get() else { return nil }
        guard case .query(let predQuery)? = try? prediction.parsed.get() else { return 0 }
        guard let goldGraph = try? CypherQueryGraph.build(goldQuery) else { return nil }
        guard let predictionGraph = try? CypherQueryGraph.build(predQuery) else { return 0 }
        return GraphEditDistance(budget: budget).similarity(predictionGraph, goldGraph)
    }
}

/// The graphs of a run, loaded once per location and shared by every worker as read-only snapshots
/// (a read runs on a snapshot from any thread).
final class GraphSnapshots: Sendable {
    let catalog: CypherGraphCatalog?
    private let loaded = LockedValue([String: Result<GraphSnapshot, FileError>]())

    init(catalog: CypherGraphCatalog?) { self.catalog = catalog }

    /// Loads each database's graph; the first that cannot be loaded is the error.
    func preload(_ databases: [String?]) throws(FileError) {
        guard let catalog else { return }
        for database in Set(databases.map { $0 ?? "" }).sorted() {
            guard let location = catalog.location(for: database.isEmpty ? nil : database) else { continue }
            if case .failure(let error) = load(location) { throw error }
        }
    }

    func snapshot(for database: String?) -> (GraphSnapshot?, String?) {
        guard let catalog else { return (nil, "no graph was given (--graph)") }
        guard let location = catalog.location(for: database) else {
            return (nil, "no graph for database '\(database ?? "")' under \(catalog.path) (it has \(catalog.databases?.joined(separator: ", ") ?? ""))")
        }
        switch load(location) {
        case .success(let g): return (g, nil)
        case .failure(let e): return (nil, "the graph could not be loaded: \(e)")
        }
    }

    /// The snapshot of `location`, loading it on first use (under the lock: each graph loads once).
    private func load(_ location: String) -> Result<GraphSnapshot, FileError> {
        loaded.withLock { graphs in
            if let known = graphs[location] { return known }
            let result = Result { () throws(FileError) in try CypherGraphLoader.load(location).snapshot() }
            graphs[location] = result
            return result
        }
    }
}
