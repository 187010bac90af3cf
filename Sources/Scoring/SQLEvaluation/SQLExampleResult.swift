/// The verdicts for one example: one line of `--out` JSONL (`schemas/sql-score-example.schema.json`).
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
    /// Exact-set match, when computed.
    public var exactMatch: Bool?
    /// Execution match under the run's semantics.
    public var execMatch: Bool
    /// What the verdict hides, sorted by name.
    public var flags: [ExecutionFlag]
    /// Partial rewards in 0…1: `syntax_ok`, `bigram_jaccard`, `soft_f1`, and structural components.
    public var partial: [String: Double]
    /// The prediction's error message, if it failed.
    public var error: String?
    /// The gold query's error message, if it failed.
    public var goldError: String?
    /// BIRD VES term √τ (0 when not matched); `nil` unless efficiency was measured.
    public var ves: Double?
    /// BIRD mini-dev R-VES term √reward(τ); `nil` unless efficiency was measured.
    public var rves: Double?

    /// A result; only `index`, `databaseID` and `execMatch` are required.
    public init(
        index: Int, databaseID: String, hardness: String? = nil, difficulty: String? = nil, exactMatch: Bool? = nil,
        execMatch: Bool, flags: [ExecutionFlag] = [], partial: [String: Double] = [:], error: String? = nil,
        goldError: String? = nil
    ) {
        self.index = index
        self.databaseID = databaseID
        self.hardness = hardness
        self.difficulty = difficulty
        self.exactMatch = exactMatch
        self.execMatch = execMatch
        self.flags = flags
        self.partial = partial
        self.error = error
        self.goldError = goldError
    }

    enum CodingKeys: String, CodingKey {
        case index, databaseID = "db_id", hardness, difficulty, exactMatch = "exact_match", execMatch = "exec_match"
        case flags, partial, error, goldError = "gold_error", ves, rves = "r_ves"
    }

    /// Writes every key, `null` included, so each line has the same fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(databaseID, forKey: .databaseID)
        try container.encode(hardness, forKey: .hardness)
        try container.encode(difficulty, forKey: .difficulty)
        try container.encode(exactMatch, forKey: .exactMatch)
        try container.encode(execMatch, forKey: .execMatch)
        try container.encode(flags, forKey: .flags)
        try container.encode(partial, forKey: .partial)
        try container.encode(error, forKey: .error)
        try container.encode(goldError, forKey: .goldError)
        try container.encodeIfPresent(ves, forKey: .ves)
        try container.encodeIfPresent(rves, forKey: .rves)
    }
}
