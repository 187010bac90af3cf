import Foundation

/// Totals of an evaluation run, overall and per hardness (Spider) or difficulty (BIRD).
///
/// Printed as a table, or as one JSON object (`schemas/sql-score-summary.schema.json`).
///
/// ```swift
/// let summary = SQLEvaluationSummary(results: results, semantics: .strict)
/// print(summary.table())
/// ```
public struct SQLEvaluationSummary: Sendable, Hashable, Codable {
    /// Counts and rates of one group of examples.
    public struct Group: Sendable, Hashable, Codable {
        /// The hardness or difficulty level, or `all`.
        public var name: String
        /// Examples in the group.
        public var count: Int
        /// Fraction of examples with `exec_match`.
        public var execution: Double
        /// Fraction with `exact_match`, over the examples that have one; `nil` when none has.
        public var exactMatch: Double?
        /// How many examples carry each flag (every flag listed, zeros included).
        public var flags: [String: Int]
        /// Mean of each partial reward over the examples that have it.
        public var partial: [String: Double]
        /// BIRD VES and R-VES (100 × mean term), when efficiency was measured.
        public var ves: Double?
        /// BIRD mini-dev R-VES of the group, when measured.
        public var rves: Double?

        enum CodingKeys: String, CodingKey {
            case name, count, execution, exactMatch = "exact_match", flags, partial, ves, rves = "r_ves"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(count, forKey: .count)
            try container.encode(execution, forKey: .execution)
            try container.encode(exactMatch, forKey: .exactMatch)
            try container.encode(flags, forKey: .flags)
            try container.encode(partial, forKey: .partial)
            try container.encodeIfPresent(ves, forKey: .ves)
            try container.encodeIfPresent(rves, forKey: .rves)
        }
    }

    /// The semantics of the run.
    public var semantics: ComparisonSemantics
    /// What the groups are: `hardness`, `difficulty`, or `none`.
    public var groupedBy: String
    /// One group per level, in the benchmark's order (easy…extra, simple…challenging).
    public var groups: [Group]
    /// Every example.
    public var all: Group

    enum CodingKeys: String, CodingKey {
        case semantics, groupedBy = "grouped_by", groups, all
    }

    static let hardnessOrder = ["easy", "medium", "hard", "extra"]
    static let difficultyOrder = ["simple", "moderate", "challenging"]

    /// Totals of `results`, grouped by hardness when known, else by difficulty.
    public init(results: [SQLExampleResult], semantics: ComparisonSemantics) {
        self.semantics = semantics
        let key: (SQLExampleResult) -> String?
        let order: [String]
        if results.contains(where: { $0.hardness != nil }) {
            (groupedBy, key, order) = ("hardness", { $0.hardness }, Self.hardnessOrder)
        } else if results.contains(where: { $0.difficulty != nil }) {
            (groupedBy, key, order) = ("difficulty", { $0.difficulty }, Self.difficultyOrder)
        } else {
            (groupedBy, key, order) = ("none", { _ in nil }, [])
        }
        let grouped = Dictionary(grouping: results) { key($0) ?? "unknown" }
        let names = order.filter { grouped[$0] != nil } + grouped.keys.filter { !order.contains($0) }.sorted()
        groups = groupedBy == "none" ? [] : names.map { Self.group($0, grouped[$0] ?? []) }
        all = Self.group("all", results)
    }

    static func group(_ name: String, _ results: [SQLExampleResult]) -> Group {
        let count = results.count
        let execution = count == 0 ? 0 : Double(results.filter(\.execMatch).count) / Double(count)
        let judged = results.compactMap(\.exactMatch)
        let exact = judged.isEmpty ? nil : Double(judged.filter { $0 }.count) / Double(judged.count)
        var flags: [String: Int] = [:]
        for flag in ExecutionFlag.allCases { flags[flag.rawValue] = results.filter { $0.flags.contains(flag) }.count }
        let partial = PartialMeans.of(results.lazy.map(\.partial))
        let vesTerms = results.compactMap(\.ves), rvesTerms = results.compactMap(\.rves)
        return Group(
            name: name, count: count, execution: execution, exactMatch: exact, flags: flags, partial: partial,
            ves: vesTerms.isEmpty ? nil : 100 * vesTerms.reduce(0, +) / Double(vesTerms.count),
            rves: rvesTerms.isEmpty ? nil : 100 * rvesTerms.reduce(0, +) / Double(rvesTerms.count))
    }

    /// A plain-text table: one column per group and `all`, one row per measure.
    public func table() -> String {
        let columns = groups + [all]
        let table = SummaryTable(labelWidth: 34, cellWidth: 9)
        let row = table.row, rate = SummaryTable.rate
        var lines = ["semantics: \(semantics.rawValue)", row(groupedBy == "none" ? "" : groupedBy, columns.map(\.name))]
        lines.append(row("count", columns.map { String($0.count) }))
        lines.append(row("execution", columns.map { rate($0.execution) }))
        lines.append(row("exact match", columns.map { rate($0.exactMatch) }))
        for flag in ExecutionFlag.allCases {
            lines.append(row(flag.rawValue, columns.map { String($0.flags[flag.rawValue] ?? 0) }))
        }
        if all.ves != nil {
            lines.append(row("VES", columns.map { $0.ves.map { String(format: "%.2f", $0) } ?? "-" }))
            lines.append(row("R-VES", columns.map { $0.rves.map { String(format: "%.2f", $0) } ?? "-" }))
        }
        for key in all.partial.keys.sorted() {
            lines.append(row("partial " + key, columns.map { rate($0.partial[key]) }))
        }
        return lines.joined(separator: "\n")
    }
}
