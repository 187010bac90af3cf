import Foundation
import QuiverCore

extension TCKReport {
    /// Scenarios whose verdict changed since an earlier run, read from its `--json` file.
    ///
    /// ```swift
    /// let changes = try report.changes(since: Data(contentsOf: previousJSON))
    /// changes.regressed   // passed before, fail now
    /// ```
    public func changes(since baselineJSON: Data) throws -> TCKChanges {
        try JSONNesting.check(baselineJSON)
        let baseline = try JSONDecoder().decode(TCKResultDocument.self, from: baselineJSON)
        var before: [String: TCKStatus] = [:]
        for record in baseline.scenarios {
            before[Self.key(record.feature, record.line, record.example)] = record.status
        }
        var changes = TCKChanges()
        for result in results {
            let scenario = result.scenario
            let previous = before[Self.key(scenario.featurePath, scenario.line, scenario.exampleIndex)]
            if previous == .passed, result.status == .failed { changes.regressed.append(result) }
            if previous == .failed, result.status == .passed { changes.fixed.append(result) }
        }
        return changes
    }

    private static func key(_ feature: String, _ line: Int, _ example: Int?) -> String {
        "\(feature):\(line)#\(example ?? -1)"
    }
}

/// The scenarios that changed verdict between two runs.
public struct TCKChanges: Sendable {
    /// Passed in the baseline, failed now.
    public var regressed: [TCKScenarioResult] = []
    /// Failed in the baseline, passed now.
    public var fixed: [TCKScenarioResult] = []
}
