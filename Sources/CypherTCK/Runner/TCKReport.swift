import Foundation

/// The results of a TCK run, with per-folder totals, the text table and the JSON records.
///
/// ```swift
/// print(report.table())
/// print(report.summaryLine)        // tck: N passed, M failed, K skipped
/// try report.jsonData(featuresDirectory: dir.path).write(to: url)
/// ```
public struct TCKReport: Sendable {
    /// One result per scenario, in suite order.
    public var results: [TCKScenarioResult]

    public init(results: [TCKScenarioResult]) {
        self.results = results
    }

    /// Scenarios that passed.
    public var passed: Int { results.count { $0.status == .passed } }
    /// Scenarios that failed.
    public var failed: Int { results.count { $0.status == .failed } }
    /// Scenarios not run (tagged @ignore, or needing a procedure fixture).
    public var skipped: Int { results.count { $0.status == .skipped } }
    /// Failures that would pass if error detail codes were not checked.
    public var failedOnErrorDetailOnly: Int { results.count { $0.errorDetailOnly } }

    /// The last line of `quiver tck`: `tck: N passed, M failed, K skipped`.
    public var summaryLine: String { "tck: \(passed) passed, \(failed) failed, \(skipped) skipped" }

    /// Totals for one feature folder.
    public struct FolderSummary: Sendable, Hashable {
        /// The feature folder, e.g. `clauses/match`.
        public var folder: String
        /// Scenarios of the folder that passed.
        public var passed = 0
        /// Scenarios of the folder that failed.
        public var failed = 0
        /// Scenarios of the folder that were skipped.
        public var skipped = 0

        /// Passed as a percentage of the scenarios run (passed + failed).
        public var percentPassed: Double {
            passed + failed == 0 ? 0 : Double(passed) * 100 / Double(passed + failed)
        }
    }

    /// Totals per feature folder, sorted by folder.
    public var folders: [FolderSummary] {
        var byFolder: [String: FolderSummary] = [:]
        for result in results {
            let folder = result.scenario.folder
            var summary = byFolder[folder] ?? FolderSummary(folder: folder)
            switch result.status {
            case .passed: summary.passed += 1
            case .failed: summary.failed += 1
            case .skipped: summary.skipped += 1
            }
            byFolder[folder] = summary
        }
        return byFolder.values.sorted { $0.folder < $1.folder }
    }

    /// The per-folder table: folder, passed, failed, skipped, % (of scenarios run).
    public func table() -> String {
        let rows = folders
        let width = max(6, rows.map(\.folder.count).max() ?? 0)
        func pad(_ text: String, _ count: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, count - text.count))
            return left ? text + padding : padding + text
        }
        func line(_ folder: String, _ p: String, _ f: String, _ s: String, _ pct: String) -> String {
            pad(folder, width, left: true) + "  " + pad(p, 6) + "  " + pad(f, 6) + "  " + pad(s, 7) + "  " + pad(pct, 6)
        }
        var lines = [line("folder", "passed", "failed", "skipped", "%")]
        for row in rows {
            lines.append(line(row.folder, "\(row.passed)", "\(row.failed)", "\(row.skipped)",
                              String(format: "%.1f", row.percentPassed)))
        }
        let total = FolderSummary(folder: "total", passed: passed, failed: failed, skipped: skipped)
        lines.append(line("total", "\(passed)", "\(failed)", "\(skipped)", String(format: "%.1f", total.percentPassed)))
        return lines.joined(separator: "\n")
    }

    /// The report as JSON, following `schemas/tck-result.schema.json`.
    public func jsonData(featuresDirectory: String) throws -> Data {
        let document = TCKResultDocument(
            featuresDirectory: featuresDirectory, passed: passed, failed: failed, skipped: skipped,
            failedOnErrorDetailOnly: failedOnErrorDetailOnly,
            scenarios: results.map(TCKResultDocument.Record.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }
}

/// The JSON form of a TCK run (`quiver tck --json FILE`).
struct TCKResultDocument: Codable {
    var featuresDirectory: String
    var passed: Int
    var failed: Int
    var skipped: Int
    var failedOnErrorDetailOnly: Int
    var scenarios: [Record]

    /// One scenario's record.
    struct Record: Codable {
        var feature: String
        var folder: String
        var scenario: String
        var number: Int?
        var example: Int?
        var line: Int
        var status: TCKStatus
        var reason: String?
        var errorDetailOnly: Bool
        var durationMs: Double

        init(_ result: TCKScenarioResult) {
            feature = result.scenario.featurePath
            folder = result.scenario.folder
            scenario = result.scenario.name
            number = result.scenario.number
            example = result.scenario.exampleIndex
            line = result.scenario.line
            status = result.status
            reason = result.reason
            errorDetailOnly = result.errorDetailOnly
            durationMs = (result.durationMilliseconds * 1000).rounded() / 1000
        }
    }
}
