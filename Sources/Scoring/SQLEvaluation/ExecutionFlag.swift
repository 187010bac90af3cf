/// A fact about an example's execution that a single match bit would hide.
public enum ExecutionFlag: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// The gold query returned no rows (any prediction returning no rows matches it).
    case goldEmpty = "gold_empty"
    /// Gold and prediction both returned no rows.
    case bothEmpty = "both_empty"
    /// The gold query failed (or its database is missing): the example cannot be scored by execution.
    case goldError = "gold_error"
    /// The prediction failed to compile or run (timeouts included).
    case predError = "pred_error"
    /// The prediction (or the gold) ran past the timeout.
    case timeout
    /// The gold result depends on an order the gold query does not fix: it changed when unordered
    /// scans were reversed, or its ORDER BY … LIMIT cuts through a tie.
    case goldNondeterministic = "gold_nondeterministic"

    public static func < (lhs: ExecutionFlag, rhs: ExecutionFlag) -> Bool { lhs.rawValue < rhs.rawValue }
}
