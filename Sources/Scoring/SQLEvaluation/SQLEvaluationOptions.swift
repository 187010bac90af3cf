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
/// let score = StructuralScore(hardness: "easy", exactMatch: true, components: ["schema_linking_recall": 1])
/// ```
public struct StructuralScore: Sendable, Hashable {
    /// Spider hardness of the gold query (`easy`, `medium`, `hard`, `extra`), when known.
    public var hardness: String?
    /// Quiver's exact-set match: the official rules on Quiver's parse, when computed.
    public var exactMatch: Bool?
    /// The official evaluator's exact-set match (false when its parser would reject the prediction),
    /// when computed; `nil` also when the gold is outside the official grammar (it would not run).
    public var officialExactMatch: Bool?
    /// Partial rewards from the query text and schema (e.g. `schema_linking_recall`), in 0…1.
    public var components: [String: Double]
    /// Whether Quiver's parser read the prediction.
    public var predictionParsed: Bool?
    /// Whether the official parser would read the prediction, when computed.
    public var officialParserAccepts: Bool?
    /// Why the official parser would reject the prediction (empty when it accepts it).
    public var officialRejections: [String]
    /// The ten partial components on Quiver's parse.
    public var quiverComponents: [ExactMatchComponent: ComponentScore]
    /// The ten partial components as the official evaluator scores them (the empty query stands
    /// for a prediction its parser rejects).
    public var officialComponents: [ExactMatchComponent: ComponentScore]

    /// A structural score; every part is optional.
    public init(
        hardness: String? = nil, exactMatch: Bool? = nil, officialExactMatch: Bool? = nil, components: [String: Double] = [:],
        predictionParsed: Bool? = nil, officialParserAccepts: Bool? = nil, officialRejections: [String] = [],
        quiverComponents: [ExactMatchComponent: ComponentScore] = [:], officialComponents: [ExactMatchComponent: ComponentScore] = [:]
    ) {
        self.hardness = hardness
        self.exactMatch = exactMatch
        self.officialExactMatch = officialExactMatch
        self.components = components
        self.predictionParsed = predictionParsed
        self.officialParserAccepts = officialParserAccepts
        self.officialRejections = officialRejections
        self.quiverComponents = quiverComponents
        self.officialComponents = officialComponents
    }
}

/// Computes the structural score of a prediction against an example's gold; called from worker threads.
///
/// It may read only the example's database id, gold and difficulty (not its index or question):
/// ``SQLEvaluation`` scores examples that agree on these and on the prediction once.
public typealias StructuralScorer = @Sendable (_ example: SQLExample, _ prediction: String) -> StructuralScore
