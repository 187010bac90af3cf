/// The verdicts for one Text-to-Cypher example: one line of `--out` JSONL
/// (`schemas/cypher-score-example.schema.json`).
public struct CypherExampleResult: Sendable, Hashable, Encodable {
    /// The example's position in the gold file.
    public var index: Int
    /// The example's database, when known.
    public var database: String?
    /// Execution match under the run's semantics; `nil` when the gold could not be run (no graph, or
    /// the gold failed) and so the example cannot be scored by execution.
    public var execMatch: Bool?
    /// Normalised exact match of the query texts (``CypherTextNormalization``).
    public var exactMatch: Bool
    /// Whether Quiver's Cypher parser read the prediction.
    public var parsed: Bool = false
    /// The prediction as scored.
    public var prediction: String = ""
    /// The gold (or `--against` reference) query as scored.
    public var gold: String = ""
    /// What the verdict hides (`gold_error`, `pred_error`, `timeout`, `gold_empty`, `both_empty`), sorted.
    public var flags: [ExecutionFlag]
    /// Scores in [0, 1] (`struct-llm`'s reward can be negative): `google_bleu`, `ged_similarity`,
    /// and `row_jaccard` when both ran (a failing prediction scores as the notebook's error row).
    public var partial: [String: Double]
    /// Whether the gold's top-level RETURN orders its rows (so row order counted).
    public var ordered: Bool?
    /// Rows returned by the gold and by the prediction.
    public var goldRows: Int?
    public var predRows: Int?
    /// The prediction's error, if it failed.
    public var error: String?
    /// The prediction's error code (openCypher's: `UnknownFunction`, `Timeout`, …), if it failed.
    public var errorCode: String?
    /// The gold's error (or why there is no graph for it), if it failed.
    public var goldError: String?
    /// The gold's error code, if it failed (`NoGraph` when there is no graph for it).
    public var goldErrorCode: String?
    /// Wall-clock seconds spent scoring the example (both runs and every metric).
    public var seconds: Double = 0
    /// Google-BLEU n-gram counts, summed for the corpus score.
    public var bleu = GoogleBLEU.Counts()

    public init(index: Int, database: String?, exactMatch: Bool) {
        self.index = index
        self.database = database
        self.exactMatch = exactMatch
        flags = []
        partial = [:]
    }

    enum CodingKeys: String, CodingKey {
        case index, database, execMatch = "exec_match", exactMatch = "exact_match", parsed, flags, partial, ordered
        case goldRows = "gold_rows", predRows = "pred_rows", prediction, gold, error, errorCode = "error_code"
        case goldError = "gold_error", goldErrorCode = "gold_error_code", seconds
    }

    /// Writes every key, `null` included, so each line has the same fields.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encode(database, forKey: .database)
        try c.encode(execMatch, forKey: .execMatch)
        try c.encode(exactMatch, forKey: .exactMatch)
        try c.encode(parsed, forKey: .parsed)
        try c.encode(flags, forKey: .flags)
        try c.encode(partial, forKey: .partial)
        try c.encode(ordered, forKey: .ordered)
        try c.encode(goldRows, forKey: .goldRows)
        try c.encode(predRows, forKey: .predRows)
        try c.encode(prediction, forKey: .prediction)
        try c.encode(gold, forKey: .gold)
        try c.encode(error, forKey: .error)
        try c.encode(errorCode, forKey: .errorCode)
        try c.encode(goldError, forKey: .goldError)
        try c.encode(goldErrorCode, forKey: .goldErrorCode)
        try c.encode(seconds, forKey: .seconds)
    }
}
