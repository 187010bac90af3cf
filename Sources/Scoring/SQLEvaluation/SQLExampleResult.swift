/// The verdicts for one example: one line of `--out` JSONL (`schemas/sql-score-example.schema.json`).
///
/// The headline fields mean what the run's semantics promise: under `spider-test-suite`,
/// `exact_match` is the official evaluator's exact match (a prediction its parser rejects is 0) and
/// `exec_match` the test-suite evaluator's execution verdict; under `bird`, `exec_match` is BIRD's
/// verdict and `exact_match` is `null` (BIRD defines none); under `strict`, both are Quiver's.
/// Quiver's structural match and the official one are also given under their own names.
///
/// ```swift
/// let line = try JSONEncoder().encode(result)   // {"index":0,"db_id":"concert_singer",…}
/// ```
public struct SQLExampleResult: Sendable, Hashable, Codable {
    /// The example's position in the gold file.
    public var index: Int
    /// The example's `db_id`.
    public var databaseID: String
    /// Spider hardness of the gold (`easy`, `medium`, `hard`, `extra`), when computed.
    public var hardness: String?
    /// BIRD difficulty from the gold file, when given.
    public var difficulty: String?
    /// The headline exact match of the run's semantics (see the type's description), when computed.
    public var exactMatch: Bool?
    /// Quiver's exact-set match: the official rules on Quiver's parse, fair to predictions the
    /// official parser rejects; with `--tables`.
    public var exactMatchQuiver: Bool?
    /// The official evaluator's exact-set match; with `--tables`, `nil` when the gold is outside the
    /// official grammar (the official evaluator stops on such a gold).
    public var exactMatchOfficial: Bool?
    /// Execution match under the run's semantics.
    public var execMatch: Bool
    /// Whether Quiver's parser read the prediction.
    public var parsed: Bool
    /// Whether the official parser (`process_sql.py`) would read the prediction; with `--tables`.
    public var parsedOfficial: Bool?
    /// Why the official parser would reject the prediction; with `--tables`.
    public var officialRejections: [String]?
    /// The ten partial components of the exact match judged by the headline (the official ones under
    /// `spider-test-suite`, Quiver's parse otherwise), as the official evaluator records them.
    public var components: [String: ComponentVerdict]?
    /// What the verdict hides, sorted by name.
    public var flags: [ExecutionFlag]
    /// Partial rewards in 0…1: `syntax_ok`, `bigram_jaccard`, `soft_f1`, and `schema_linking_*` with `--tables`.
    public var partial: [String: Double]
    /// The prediction as scored (cut at its first TAB, as the official evaluators read it).
    public var prediction: String
    /// The gold query as written in the gold file.
    public var gold: String
    /// The prediction's error message, if it failed.
    public var error: String?
    /// The prediction's error code (`SQLITE_ERROR`, `Timeout`, a PostgreSQL SQLSTATE, …), if it failed.
    public var errorCode: String?
    /// The gold query's error message, if it failed.
    public var goldError: String?
    /// The gold query's error code, if it failed.
    public var goldErrorCode: String?
    /// Wall-clock seconds scoring the example took (parsing, both runs, every measure).
    public var seconds: Double
    /// Seconds the prediction ran (0 when it did not run or reused the gold's result).
    public var predSeconds: Double
    /// Seconds the gold ran (its first run: gold results are shared between examples).
    public var goldSeconds: Double
    /// BIRD VES term √τ (0 when not matched); `nil` unless efficiency was measured.
    public var ves: Double?
    /// BIRD mini-dev R-VES term √reward(τ); `nil` unless efficiency was measured.
    public var rves: Double?

    /// A result; only `index`, `databaseID` and `execMatch` are required.
    public init(
        index: Int, databaseID: String, hardness: String? = nil, difficulty: String? = nil, exactMatch: Bool? = nil,
        execMatch: Bool, flags: [ExecutionFlag] = [], partial: [String: Double] = [:], error: String? = nil,
        goldError: String? = nil, prediction: String = "", gold: String = ""
    ) {
        self.index = index
        self.databaseID = databaseID
        self.hardness = hardness
        self.difficulty = difficulty
        self.exactMatch = exactMatch
        self.execMatch = execMatch
        self.parsed = false
        self.flags = flags
        self.partial = partial
        self.prediction = prediction
        self.gold = gold
        self.error = error
        self.goldError = goldError
        self.seconds = 0
        self.predSeconds = 0
        self.goldSeconds = 0
    }

    /// The result with its timings (and VES) cleared, for comparing two runs of the same inputs.
    public var withoutTimings: SQLExampleResult {
        var copy = self
        (copy.seconds, copy.predSeconds, copy.goldSeconds, copy.ves, copy.rves) = (0, 0, 0, nil, nil)
        return copy
    }

    enum CodingKeys: String, CodingKey {
        case index, databaseID = "db_id", hardness, difficulty, exactMatch = "exact_match"
        case exactMatchQuiver = "exact_match_quiver", exactMatchOfficial = "exact_match_official", execMatch = "exec_match"
        case parsed, parsedOfficial = "parsed_official", officialRejections = "official_rejections", components
        case flags, partial, prediction, gold, error, errorCode = "error_code", goldError = "gold_error"
        case goldErrorCode = "gold_error_code", seconds, predSeconds = "pred_seconds", goldSeconds = "gold_seconds"
        case ves, rves = "r_ves"
    }

    /// Writes every key, `null` included, so each line has the same fields (VES only when measured).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(databaseID, forKey: .databaseID)
        try container.encode(hardness, forKey: .hardness)
        try container.encode(difficulty, forKey: .difficulty)
        try container.encode(exactMatch, forKey: .exactMatch)
        try container.encode(exactMatchQuiver, forKey: .exactMatchQuiver)
        try container.encode(exactMatchOfficial, forKey: .exactMatchOfficial)
        try container.encode(execMatch, forKey: .execMatch)
        try container.encode(parsed, forKey: .parsed)
        try container.encode(parsedOfficial, forKey: .parsedOfficial)
        try container.encode(officialRejections, forKey: .officialRejections)
        try container.encode(components, forKey: .components)
        try container.encode(flags, forKey: .flags)
        try container.encode(partial, forKey: .partial)
        try container.encode(prediction, forKey: .prediction)
        try container.encode(gold, forKey: .gold)
        try container.encode(error, forKey: .error)
        try container.encode(errorCode, forKey: .errorCode)
        try container.encode(goldError, forKey: .goldError)
        try container.encode(goldErrorCode, forKey: .goldErrorCode)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(predSeconds, forKey: .predSeconds)
        try container.encode(goldSeconds, forKey: .goldSeconds)
        try container.encodeIfPresent(ves, forKey: .ves)
        try container.encodeIfPresent(rves, forKey: .rves)
    }
}

/// One partial-match component of one example, as the official `evaluation.py` records it: the
/// all-or-nothing verdict (its `acc`, `rec` and `f1` are all this, 0 or 1) and the item counts that
/// decide whether the example counts towards the accuracy (`pred_total` > 0) and the recall
/// (`label_total` > 0) of the run (``ComponentAverages``).
///
/// ```swift
/// let verdict = ComponentVerdict(ComponentScore(matched: 1, predictionCount: 1, goldCount: 1), of: .select)
/// verdict.match   // true
/// ```
public struct ComponentVerdict: Sendable, Hashable, Codable {
    /// The official per-example verdict.
    public var match: Bool
    /// `pred_total`.
    public var predictionTotal: Int
    /// `label_total`.
    public var goldTotal: Int

    /// The verdict of `score` for `component`.
    ///
    /// Official quirk kept: `eval_and_or` returns its counts as (prediction, gold) where the caller
    /// reads (gold, prediction), so for `and/or` the two totals trade places when the sets differ.
    public init(_ score: ComponentScore, of component: ExactMatchComponent) {
        match = score.match
        if component == .andOr, !score.match {
            (predictionTotal, goldTotal) = (score.goldCount, score.predictionCount)
        } else {
            (predictionTotal, goldTotal) = (score.predictionCount, score.goldCount)
        }
    }

    enum CodingKeys: String, CodingKey {
        case match, predictionTotal = "pred_total", goldTotal = "label_total"
    }
}
