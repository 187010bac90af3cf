import Foundation
import QuiverCore
import SQL
import SQLExecution

/// Scores predictions against gold by execution (and structurally, when given a scorer), in parallel.
///
/// Each worker thread opens its own connection per database; gold results are computed once per
/// (database, gold text) and shared; a prediction whose executed text equals the gold's takes the
/// gold's result instead of running again. Results come back in example order.
///
/// ```swift
/// let evaluation = SQLEvaluation(executors: SQLiteDatabaseFactory(root: dbRoot), options: SQLEvaluationOptions(jobs: 2))
/// let results = evaluation.run(examples: gold, predictions: predictions)
/// ```
public struct SQLEvaluation: Sendable {
    /// Where queries run; each worker opens its own connections from it.
    public let executors: any QueryExecutorFactory
    /// Semantics, limits and parallelism.
    public let options: SQLEvaluationOptions
    /// Exact match, hardness and components, when given.
    public let structural: StructuralScorer?
    /// Applied to gold and prediction before they run (e.g. ``PostgresTranslation``); `nil` runs them as written.
    public let translate: QueryTranslator?

    /// An evaluation on `executors` with `options`, optional structural scoring and translation.
    public init(
        executors: any QueryExecutorFactory, options: SQLEvaluationOptions, structural: StructuralScorer? = nil,
        translate: QueryTranslator? = nil
    ) {
        self.executors = executors
        self.options = options
        self.structural = structural
        self.translate = translate
    }

    /// Scores every example; `progress(done, total)` is called from worker threads after each one.
    public func run(
        examples: [SQLExample], predictions: [String], progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [SQLExampleResult] {
        precondition(examples.count == predictions.count, "one prediction per example")
        let results = LockedValue([SQLExampleResult?](repeating: nil, count: examples.count))
        let goldCache = LockedValue([GoldKey: GoldOutcome]())
        let done = LockedValue(0)
        // Timed VES runs are measurements, one per example; otherwise repeats are scored once.
        let groups = options.efficiencyIterations > 0
            ? examples.indices.map { [$0] } : SQLEvaluation.repeats(examples: examples, predictions: predictions)
        WorkerPool.run(count: groups.count, jobs: options.jobs, makeState: { Connections() }) { connections, group in
            let members = groups[group]
            let result = score(examples[members[0]], prediction: predictions[members[0]], connections: &connections, goldCache: goldCache)
            results.withLock { slots in
                for index in members {
                    var copy = result
                    copy.index = examples[index].index
                    slots[index] = copy
                }
            }
            let finished = done.withLock { count -> Int in
                count += members.count
                return count
            }
            progress?(finished, examples.count)
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    /// Example positions grouped by (database, gold, difficulty, prediction), in order of first
    /// appearance: everything a result depends on but its index, so each group is scored once and by
    /// one worker (Spider dev asks most gold queries twice).
    static func repeats(examples: [SQLExample], predictions: [String]) -> [[Int]] {
        var groups: [[Int]] = []
        var groupOf: [ExampleKey: Int] = [:]
        for index in examples.indices {
            let example = examples[index]
            let key = ExampleKey(databaseID: example.databaseID, gold: example.gold, difficulty: example.difficulty, prediction: predictions[index])
            if let group = groupOf[key] {
                groups[group].append(index)
            } else {
                groupOf[key] = groups.count
                groups.append([index])
            }
        }
        return groups
    }

    /// Scores one example on the calling thread (or, when it has too little stack for a query
    /// nested to the nesting limit, on a thread that has).
    func score(
        _ example: SQLExample, prediction: String, connections: inout Connections, goldCache: LockedValue<[GoldKey: GoldOutcome]>
    ) -> SQLExampleResult {
        StackGuard.run(needing: StackGuard.queryStack) {
            scoreHere(example, prediction: prediction, connections: &connections, goldCache: goldCache)
        }
    }

    private func scoreHere(
        _ example: SQLExample, prediction: String, connections: inout Connections, goldCache: LockedValue<[GoldKey: GoldOutcome]>
    ) -> SQLExampleResult {
        let started = ContinuousClock.now
        var result = SQLExampleResult(
            index: example.index, databaseID: example.databaseID, difficulty: example.difficulty, execMatch: false,
            prediction: prediction, gold: example.gold)
        addStructure(to: &result, example: example, prediction: prediction)
        result.partial["bigram_jaccard"] = BigramJaccard.score(prediction, example.gold)
        execute(into: &result, example: example, prediction: prediction, connections: &connections, goldCache: goldCache)
        result.seconds = (ContinuousClock.now - started).inSeconds
        return result
    }

    /// Parsing, exact match, hardness and components; the headline exact match as the semantics promise.
    private func addStructure(to result: inout SQLExampleResult, example: SQLExample, prediction: String) {
        let score = structural?(example, prediction) ?? StructuralScore()
        result.hardness = score.hardness
        result.parsed = score.predictionParsed ?? ((try? SQLParser.parse(prediction)) != nil)
        result.partial.merge(score.components) { $1 }
        guard score.exactMatch != nil else { return }
        result.exactMatchQuiver = score.exactMatch
        result.exactMatchOfficial = score.officialExactMatch
        result.parsedOfficial = score.officialParserAccepts
        result.officialRejections = score.officialRejections
        let components: [ExactMatchComponent: ComponentScore]
        switch options.semantics {
        case .spiderTestSuite:
            result.exactMatch = score.officialExactMatch
            components = score.officialComponents
        case .bird:
            result.exactMatch = nil
            components = score.quiverComponents
        case .strict:
            result.exactMatch = score.exactMatch
            components = score.quiverComponents
        }
        if !components.isEmpty {
            result.components = Dictionary(uniqueKeysWithValues: components.map { ($0.key.rawValue, ComponentVerdict($0.value, of: $0.key)) })
        }
    }

    /// Runs gold and prediction and compares them.
    private func execute(
        into result: inout SQLExampleResult, example: SQLExample, prediction: String, connections: inout Connections,
        goldCache: LockedValue<[GoldKey: GoldOutcome]>
    ) {
        let executor: any QueryExecutor
        do {
            executor = try connections.executor(for: example.databaseID, factory: executors)
        } catch {
            result.flags = [.goldError, .predError]
            (result.goldError, result.goldErrorCode) = (error.description, error.code)
            (result.error, result.errorCode) = (error.description, error.code)
            result.partial["syntax_ok"] = 0
            return
        }
        let goldSQL = prepared(example.gold, databaseID: example.databaseID)
        let key = GoldKey(databaseID: example.databaseID, sql: goldSQL)
        let gold: GoldOutcome
        if let cached = goldCache.withLock({ $0[key] }) {
            gold = cached
        } else {
            gold = runGold(example, executed: goldSQL, executor: executor)
            goldCache.withLock { $0[key] = gold }
        }
        result.goldSeconds = gold.seconds

        let predSQL = prepared(prediction, databaseID: example.databaseID)
        let predicted: Result<ResultSet, SQLExecutionError>
        let predStarted = ContinuousClock.now
        if predSQL == goldSQL {
            // The same text on the same connection: the gold's result (and determinism check) is the prediction's.
            predicted = gold.result
        } else if SQLEvaluation.isEmptyQuery(predSQL) {
            predicted = emptyPredictionResult()
        } else {
            predicted = Result { () throws(SQLExecutionError) in try executor.execute(predSQL, limits: options.limits) }
            result.predSeconds = (ContinuousClock.now - predStarted).inSeconds
        }

        var flags: Set<ExecutionFlag> = gold.nondeterministic ? [.goldNondeterministic] : []
        switch predicted {
        case .success(let rows):
            result.partial["syntax_ok"] = 1
            if case .success(let goldRows) = gold.result { result.partial["soft_f1"] = SoftF1.score(gold: goldRows.rows, pred: rows.rows) }
        case .failure(let error):
            result.partial["syntax_ok"] = 0
            result.partial["soft_f1"] = 0
            (result.error, result.errorCode) = (error.description, error.code)
            flags.insert(.predError)
            if error.kind == .timeout { flags.insert(.timeout) }
        }
        switch gold.result {
        case .failure(let error):
            flags.insert(.goldError)
            if error.kind == .timeout { flags.insert(.timeout) }
            (result.goldError, result.goldErrorCode) = (error.description, error.code)
        case .success(let goldRows):
            if goldRows.isEmpty { flags.insert(.goldEmpty) }
            if case .success(let predRows) = predicted {
                if goldRows.isEmpty && predRows.isEmpty { flags.insert(.bothEmpty) }
                // Reused gold rows still go through the comparison: gold-as-prediction runs check that
                // each semantics accepts a result equal to itself.
                result.execMatch = matches(gold: goldRows, pred: predRows, goldSQL: example.gold) {
                    orderKeys(key, gold: example, rows: goldRows, executor: executor, cache: goldCache)
                }
            }
        }
        result.flags = flags.sorted()
        if options.efficiencyIterations > 0 {
            let ratio = result.execMatch
                ? ValidEfficiencyScore.timeRatio(
                    gold: goldSQL, pred: predSQL, executor: executor, iterations: options.efficiencyIterations, limits: options.limits)
                : nil
            result.ves = ratio.map(ValidEfficiencyScore.vesTerm) ?? 0
            result.rves = ratio.map(ValidEfficiencyScore.rewardVESTerm) ?? 0
        }
    }

    /// What a prediction with no statement (blank, comments, semicolons) gives: in the compatibility
    /// modes an empty result, as Python's `sqlite3` returns for it in BIRD's and the test-suite's
    /// evaluators (so it matches an empty gold); in `strict` an error of its own.
    func emptyPredictionResult() -> Result<ResultSet, SQLExecutionError> {
        switch options.semantics {
        case .bird, .spiderTestSuite:
            return .success(ResultSet(columns: [], rows: []))
        case .strict:
            return .failure(SQLExecutionError(
                kind: .statementCount, code: "EmptyStatement", message: "the prediction holds no statement (blank or only comments)", sql: ""))
        }
    }

    /// Whether `sql` holds no statement: blank, comments and semicolons only.
    static func isEmptyQuery(_ sql: String) -> Bool {
        SQLTokenScan(sql).tokens.allSatisfy { $0.isSymbol(";") }
    }

    /// The text actually executed: the test-suite evaluator rewrites both queries first.
    func prepared(_ sql: String, databaseID: String) -> String {
        let text = options.semantics == .spiderTestSuite ? SpiderTestSuiteRules.prepare(sql, keepDistinct: options.keepDistinct) : sql
        guard let translate, !SQLEvaluation.isEmptyQuery(text) else { return text }
        return translate(databaseID, text)
    }

    /// Whether `pred` matches `gold`; `goldOrderKeys` is asked only when an ordered `strict`
    /// comparison fails as a plain sequence and ties among gold's ORDER BY keys could excuse it.
    func matches(gold: ResultSet, pred: ResultSet, goldSQL: String, goldOrderKeys: () -> [[Value]]? = { nil }) -> Bool {
        switch options.semantics {
        case .spiderTestSuite:
            ResultComparison.spiderTestSuite(gold: gold.rows, pred: pred.rows, orderMatters: SpiderTestSuiteRules.orderMatters(gold: goldSQL))
        case .bird:
            ResultComparison.bird(gold: gold.rows, pred: pred.rows)
        case .strict:
            strictMatches(gold: gold, pred: pred, ordered: SQLTokenScan(goldSQL).hasTopLevelOrderBy, goldOrderKeys: goldOrderKeys)
        }
    }

    /// Rows in gold's exact sequence match whatever the ties; only otherwise are gold's key values needed.
    func strictMatches(gold: ResultSet, pred: ResultSet, ordered: Bool, goldOrderKeys: () -> [[Value]]?) -> Bool {
        if ResultComparison.strict(gold: gold.rows, pred: pred.rows, orderMatters: ordered) { return true }
        guard ordered, gold.rows.count > 1, gold.rows.count == pred.rows.count, let keys = goldOrderKeys() else { return false }
        return ResultComparison.strict(gold: gold.rows, pred: pred.rows, goldOrderKeys: keys)
    }

    /// `strict`: the ORDER BY key values of each gold row, looked up once per gold query (found or
    /// not: a failed lookup costs a query run, which later predictions need not repeat) and shared.
    func orderKeys(
        _ key: GoldKey, gold example: SQLExample, rows: ResultSet, executor: any QueryExecutor, cache: LockedValue<[GoldKey: GoldOutcome]>
    ) -> [[Value]]? {
        guard options.semantics == .strict, rows.rows.count > 1 else { return nil }
        switch cache.withLock({ $0[key]?.orderKeys }) {
        case .found(let keys)?: return keys
        case .notFound?: return nil
        case .notLookedUp?, nil: break
        }
        let keys = SQLTokenScan(example.gold).hasTopLevelOrderBy
            ? GoldDeterminism.orderKeyValues(gold: example.gold, result: rows, run: rewrittenRun(example, executor: executor))
            : nil
        cache.withLock { $0[key]?.orderKeys = keys.map(OrderKeyLookup.found) ?? .notFound }
        return keys
    }

    /// Runs a rewrite of `example`'s gold (SQLite-dialect text) as the gold itself runs.
    func rewrittenRun(_ example: SQLExample, executor: any QueryExecutor) -> GoldDeterminism.Run {
        { text throws(SQLExecutionError) in
            try executor.execute(prepared(text, databaseID: example.databaseID), limits: options.limits)
        }
    }

    func runGold(_ example: SQLExample, executed sql: String, executor: any QueryExecutor) -> GoldOutcome {
        let started = ContinuousClock.now
        do {
            let rows = try executor.execute(sql, limits: options.limits)
            let seconds = (ContinuousClock.now - started).inSeconds
            guard options.semantics == .strict else { return GoldOutcome(result: .success(rows), nondeterministic: false, seconds: seconds) }
            let unstable = options.checkDeterminism
                && GoldDeterminism.isNondeterministic(
                    gold: example.gold, executed: sql, result: rows, executor: executor, limits: options.limits,
                    run: rewrittenRun(example, executor: executor))
            // Ties under ORDER BY may come in any order: strict finds the key of each gold row when a
            // prediction needs it (``orderKeys(_:rows:executor:cache:)``).
            return GoldOutcome(result: .success(rows), nondeterministic: unstable, seconds: seconds)
        } catch {
            return GoldOutcome(result: .failure(error), nondeterministic: false, seconds: (ContinuousClock.now - started).inSeconds)
        }
    }
}

/// What an example's result depends on, but its index.
struct ExampleKey: Hashable {
    var databaseID: String
    var gold: String
    var difficulty: String?
    var prediction: String
}

/// A gold query on one database: the key of the shared gold-result cache.
struct GoldKey: Hashable, Sendable {
    var databaseID: String
    var sql: String
}

/// A gold query's outcome, computed once and shared by all workers.
struct GoldOutcome: Sendable {
    var result: Result<ResultSet, SQLExecutionError>
    var nondeterministic: Bool
    /// How long the gold took to run (its first run).
    var seconds: Double
    /// `strict`: the ORDER BY key values of each gold row, looked up when a prediction first needs them.
    var orderKeys = OrderKeyLookup.notLookedUp
}

/// Whether a gold query's ORDER BY key values were looked up, and what was found.
enum OrderKeyLookup: Sendable {
    case notLookedUp
    case found([[Value]])
    case notFound
}

/// One worker's open connections, by database id.
struct Connections {
    private var open: [String: any QueryExecutor] = [:]

    mutating func executor(for databaseID: String, factory: any QueryExecutorFactory) throws(SQLExecutionError) -> any QueryExecutor {
        if let executor = open[databaseID] { return executor }
        let executor = try factory.open(databaseID: databaseID)
        open[databaseID] = executor
        return executor
    }
}
