/// The verdict on one scenario.
public enum TCKStatus: String, Sendable, Hashable, Codable {
    case passed, failed, skipped
}

/// The result of running one scenario: its verdict, why, and how long it took.
///
/// ```swift
/// if result.status == .failed { print(result.scenario.id, result.reason ?? "") }
/// ```
public struct TCKScenarioResult: Sendable, Hashable {
    /// The scenario that ran.
    public var scenario: TCKScenario
    /// Passed, failed or skipped.
    public var status: TCKStatus
    /// Why it failed or was skipped; `nil` when it passed.
    public var reason: String?
    /// `true` when the scenario failed only because the error's detail code differed
    /// (the expected error type and phase were raised and everything else matched).
    public var errorDetailOnly: Bool
    /// Wall-clock time of the scenario.
    public var durationMilliseconds: Double

    public init(
        scenario: TCKScenario, status: TCKStatus, reason: String? = nil, errorDetailOnly: Bool = false,
        durationMilliseconds: Double = 0
    ) {
        self.scenario = scenario
        self.status = status
        self.reason = reason
        self.errorDetailOnly = errorDetailOnly
        self.durationMilliseconds = durationMilliseconds
    }
}
