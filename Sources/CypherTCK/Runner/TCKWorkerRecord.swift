import Foundation

/// One line of a TCK worker process's output: the verdict on the scenario at `index` of the suite.
///
/// Workers (`quiver tck --worker-from N`) print one record per line as each scenario ends, and a last
/// record with `done: true`, so the parent keeps every verdict reached before a crash.
///
/// ```json
/// {"index": 12, "status": "failed", "reason": "…", "errorDetailOnly": false, "durationMs": 3.2}
/// ```
public struct TCKWorkerRecord: Codable, Sendable, Hashable {
    /// Index of the scenario in the suite (for the closing record: the suite size).
    public var index: Int
    /// The verdict; absent on the closing record.
    public var status: TCKStatus?
    /// Why it failed or was skipped.
    public var reason: String?
    /// Whether only the error detail code differed.
    public var errorDetailOnly: Bool?
    /// Wall-clock time of the scenario.
    public var durationMs: Double?
    /// Set on the last line of a worker that ran every scenario it was given.
    public var done: Bool?

    public init(index: Int, result: TCKScenarioResult) {
        self.index = index
        status = result.status
        reason = result.reason
        errorDetailOnly = result.errorDetailOnly
        durationMs = result.durationMilliseconds
    }

    /// The worker's closing record.
    public static func finished(count: Int) -> TCKWorkerRecord {
        TCKWorkerRecord(index: count, status: nil, reason: nil, errorDetailOnly: nil, durationMs: nil, done: true)
    }

    private init(index: Int, status: TCKStatus?, reason: String?, errorDetailOnly: Bool?, durationMs: Double?, done: Bool?) {
        self.index = index
        self.status = status
        self.reason = reason
        self.errorDetailOnly = errorDetailOnly
        self.durationMs = durationMs
        self.done = done
    }

    /// The record as one line of JSON (no trailing newline).
    public func line() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Parses one output line; `nil` for anything that is not a record.
    public static func parse(_ line: String) -> TCKWorkerRecord? {
        try? JSONDecoder().decode(TCKWorkerRecord.self, from: Data(line.utf8))
    }
}
