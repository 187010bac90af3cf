/// The ten partial components of Spider's exact-set match, named as the official evaluator prints them.
public enum ExactMatchComponent: String, Sendable, Hashable, CaseIterable, Codable {
    case select = "select"
    case selectNoAggregate = "select(no AGG)"
    case whereClause = "where"
    case whereNoOperator = "where(no OP)"
    case groupNoHaving = "group(no Having)"
    case group = "group"
    case order = "order"
    case andOr = "and/or"
    case iuen = "IUEN"
    case keywords = "keywords"
}

/// One component's score for one example.
///
/// `match` is the official all-or-nothing verdict (`get_scores`: 1 iff both sides have the same
/// number of items and all match, so a clause absent on both sides matches). `precision`, `recall`
/// and `f1` are the graded values over the same items (1 when both sides are empty), which the
/// official per-example score rounds to 0 or 1.
public struct ComponentScore: Sendable, Hashable, Codable {
    /// Matched items over predicted items.
    public var precision: Double
    /// Matched items over gold items.
    public var recall: Double
    /// Harmonic mean of precision and recall.
    public var f1: Double
    /// The official all-or-nothing verdict.
    public var match: Bool
    /// Items on the gold side (`label_total`).
    public var goldCount: Int
    /// Items on the prediction side (`pred_total`).
    public var predictionCount: Int

    /// The score of `matched` items out of `predictionCount` predicted and `goldCount` gold ones.
    public init(matched: Int, predictionCount: Int, goldCount: Int) {
        self.goldCount = goldCount
        self.predictionCount = predictionCount
        if predictionCount == 0, goldCount == 0 {
            precision = 1
            recall = 1
        } else {
            precision = predictionCount == 0 ? 0 : Double(matched) / Double(predictionCount)
            recall = goldCount == 0 ? 0 : Double(matched) / Double(goldCount)
        }
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        match = predictionCount == goldCount && matched == predictionCount
    }
}
