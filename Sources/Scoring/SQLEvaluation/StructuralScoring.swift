import SQL

/// The structural scorer `quiver score sql` uses, for callers that score the same way (the reward
/// server): exact-set match, its components and hardness, plus schema linking when there are
/// schemas (from `--tables`); with none, only the gold's hardness and what needs no schema.
///
/// ```swift
/// let scorer = StructuralScoring.scorer(schemas: try SpiderTables.load(from: tablesURL))
/// let evaluation = SQLEvaluation(executors: factory, options: options, structural: scorer)
/// ```
public enum StructuralScoring {
    /// The scorer for these schemas (`nil`: no `--tables`).
    public static func scorer(schemas: [String: Schema]?) -> StructuralScorer {
        guard let schemas else { return ExactSetMatch.structuralScorer(schemas: [:]) }
        return SchemaLinking(schemas: schemas).adding(to: ExactSetMatch.structuralScorer(schemas: schemas))
    }
}
