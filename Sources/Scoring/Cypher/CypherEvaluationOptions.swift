/// How a Text-to-Cypher evaluation compares results and computes its rewards.
///
/// - `strict` (default): bag of rows, in order when the gold's top-level RETURN has ORDER BY;
///   column names ignored and columns matched by value; numbers equal after canonicalisation
///   (12 significant digits, `1.0 == 1`, at any depth in lists and maps); the GED similarity from
///   Quiver's parsed query graphs.
/// - `neo4j-labs`: execution match is the neo4j-labs notebook's pass@1 (row Jaccard = 1).
/// - `struct-llm`: execution as `strict`; `ged_similarity` is STRuCT-LLM's reward reproduced
///   exactly (its regex graph, its normalisation, so it can be negative), for comparison with the paper.
public enum CypherComparisonSemantics: String, Sendable, Hashable, CaseIterable, Codable {
    case strict
    case neo4jLabs = "neo4j-labs"
    case structLLM = "struct-llm"
}

/// The settings of a ``CypherEvaluation`` run.
public struct CypherEvaluationOptions: Sendable, Hashable {
    public var semantics: CypherComparisonSemantics
    /// Per-query time limit (gold and prediction each).
    public var timeout: Duration
    /// Worker threads; they share one read-only snapshot of each graph.
    public var jobs: Int
    /// The budget of each graph-edit-distance computation.
    public var gedTimeLimit: Duration

    public init(semantics: CypherComparisonSemantics = .strict, timeout: Duration = .seconds(10), jobs: Int = 1,
                gedTimeLimit: Duration = .milliseconds(500)) {
        self.semantics = semantics
        self.timeout = timeout
        self.jobs = jobs
        self.gedTimeLimit = gedTimeLimit
    }
}
