/// How much work an exact edit-distance search may do before it returns its best path unproven.
///
/// ```swift
/// let budget = SearchBudget(maxExpansions: 1_000_000, timeLimit: .milliseconds(200))
/// ```
public struct SearchBudget: Hashable, Sendable {
    /// The maximum number of search nodes expanded, or `nil` for no limit.
    public var maxExpansions: Int?
    /// The maximum wall-clock time, or `nil` for no limit.
    public var timeLimit: Duration?

    /// A budget with the given limits.
    public init(maxExpansions: Int? = nil, timeLimit: Duration? = nil) {
        self.maxExpansions = maxExpansions
        self.timeLimit = timeLimit
    }

    /// No limit: the search runs until the value is proven optimal.
    public static let unlimited = SearchBudget()

    /// Ten million expansions or ten seconds, whichever comes first.
    public static let standard = SearchBudget(maxExpansions: 10_000_000, timeLimit: .seconds(10))
}
