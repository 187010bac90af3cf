import SQLExecution

/// How an evaluation run executes and compares queries.
///
/// ```swift
/// var options = SQLEvaluationOptions(semantics: .spiderTestSuite)
/// options.jobs = 2
/// ```
public struct SQLEvaluationOptions: Sendable {
    /// The result comparison rules.
    public var semantics: ComparisonSemantics
    /// Per statement (gold and prediction each); a prediction that runs longer is `timeout` + `pred_error`.
    public var timeout: Duration
    /// Row cap per result; a larger result is an error of that query.
    public var maxRows: Int
    /// Worker threads, each with its own connections.
    public var jobs: Int
    /// `spider-test-suite` only: keep DISTINCT (the official `--keep_distinct`); by default it is stripped.
    public var keepDistinct: Bool
    /// `strict` only: re-run golds to detect non-deterministic results (`gold_nondeterministic`).
    public var checkDeterminism: Bool
    /// Runs per query for BIRD's VES and R-VES (0 = not measured); only execution-matched examples are timed.
    public var efficiencyIterations: Int

    /// Options with the defaults of `quiver score sql`.
    public init(
        semantics: ComparisonSemantics = .strict, timeout: Duration = .seconds(30), maxRows: Int = 1_000_000,
        jobs: Int = 1, keepDistinct: Bool = false, checkDeterminism: Bool = true, efficiencyIterations: Int = 0
    ) {
        self.efficiencyIterations = max(0, efficiencyIterations)
        self.semantics = semantics
        self.timeout = timeout
        self.maxRows = maxRows
        self.jobs = max(1, jobs)
        self.keepDistinct = keepDistinct
        self.checkDeterminism = checkDeterminism
    }

    var limits: ExecutionLimits { ExecutionLimits(timeout: timeout, maxRows: maxRows) }
}

/// Structural facts about one example that come from parsing (exact match, hardness, components).
///
/// ```swift
/// let score = StructuralScore(hardness: "easy", exactMatch: true, components: ["select": 1])
/// ```
public struct StructuralScore: Sendable, Hashable {
    /// Spider hardness of the gold query (`easy`, `medium`, `hard`, `extra`), when known.
    public var hardness: String?
    /// Exact-set match of the prediction, when computed.
    public var exactMatch: Bool?
    /// Partial-match components (F1 in 0…1), keyed by the official component names.
    public var components: [String: Double]
    /// Whether the prediction parsed (a prediction that does not parse scores 0 structurally).
    public var predictionParsed: Bool?

    /// A structural score; every part is optional.
    public init(hardness: String? = nil, exactMatch: Bool? = nil, components: [String: Double] = [:], predictionParsed: Bool? = nil) {
        self.hardness = hardness
        self.exactMatch = exactMatch
        self.components = components
        self.predictionParsed = predictionParsed
    }
}

/// Computes the structural score of a prediction against an example's gold; called from worker threads.
///
/// It may read only the example's database id, gold and difficulty (not its index or question):
/// ``SQLEvaluation`` scores examples that agree on these and on the prediction once.
public typealias StructuralScorer = @Sendable (_ example: SQLExample, _ prediction: String) -> StructuralScore
