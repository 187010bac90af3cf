import Foundation

/// Totals of an evaluation run, overall and per hardness (Spider) or difficulty (BIRD).
///
/// Printed as a table, or as one JSON object (`schemas/sql-score-summary.schema.json`). The
/// headline rates mean what the semantics promise (see ``SQLExampleResult``); the partial-match
/// components are averaged as the official evaluator averages them (``ComponentAverages``).
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
        /// Fraction with the headline `exact_match`, over the examples that have one; `nil` when none has.
        public var exactMatch: Double?
        /// Fraction with Quiver's exact match, when computed.
        public var exactMatchQuiver: Double?
        /// Fraction with the official exact match, when computed.
        public var exactMatchOfficial: Double?
        /// Fraction of predictions Quiver's parser read.
        public var parsed: Double
        /// Fraction of predictions the official parser would read, when computed.
        public var parsedOfficial: Double?
        /// How many examples carry each flag (every flag listed, zeros included).
        public var flags: [String: Int]
        /// Mean of each partial reward over the examples that have it.
        public var partial: [String: Double]
        /// The ten partial-match components, averaged as the official evaluator does.
        public var components: [String: ComponentAverages]
        /// BIRD VES and R-VES (100 × mean term), when efficiency was measured.
        public var ves: Double?
        /// BIRD mini-dev R-VES of the group, when measured.
        public var rves: Double?

        enum CodingKeys: String, CodingKey {
            case name, count, execution, exactMatch = "exact_match", exactMatchQuiver = "exact_match_quiver"
            case exactMatchOfficial = "exact_match_official", parsed, parsedOfficial = "parsed_official"
            case flags, partial, components, ves, rves = "r_ves"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(count, forKey: .count)
            try container.encode(execution, forKey: .execution)
            try container.encode(exactMatch, forKey: .exactMatch)
            try container.encode(exactMatchQuiver, forKey: .exactMatchQuiver)
            try container.encode(exactMatchOfficial, forKey: .exactMatchOfficial)
            try container.encode(parsed, forKey: .parsed)
            try container.encode(parsedOfficial, forKey: .parsedOfficial)
            try container.encode(flags, forKey: .flags)
            try container.encode(partial, forKey: .partial)
            try container.encode(components, forKey: .components)
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
    /// The run's header (what produced it), when the caller gives one.
    public var run: ScoringRun?

    enum CodingKeys: String, CodingKey {
        case semantics, groupedBy = "grouped_by", groups, all, run
    }

    static let hardnessOrder = ["easy", "medium", "hard", "extra"]
    static let difficultyOrder = ["simple", "moderate", "challenging"]

    /// Totals of `results`, grouped by hardness when known, else by difficulty.
    public init(results: [SQLExampleResult], semantics: ComparisonSemantics, run: ScoringRun? = nil) {
        self.semantics = semantics
        self.run = run
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

    /// The fraction of true values, over the examples that have one; `nil` when none has.
    static func rate(_ values: [Bool?]) -> Double? {
        let judged = values.compactMap { $0 }
        return judged.isEmpty ? nil : Double(judged.count { $0 }) / Double(judged.count)
    }

    static func group(_ name: String, _ results: [SQLExampleResult]) -> Group {
        let count = results.count
        var flags: [String: Int] = [:]
        for flag in ExecutionFlag.allCases { flags[flag.rawValue] = results.count { $0.flags.contains(flag) } }
        let vesTerms = results.compactMap(\.ves), rvesTerms = results.compactMap(\.rves)
        return Group(
            name: name, count: count, execution: rate(results.map(\.execMatch)) ?? 0,
            exactMatch: rate(results.map(\.exactMatch)), exactMatchQuiver: rate(results.map(\.exactMatchQuiver)),
            exactMatchOfficial: rate(results.map(\.exactMatchOfficial)), parsed: rate(results.map(\.parsed)) ?? 0,
            parsedOfficial: rate(results.map(\.parsedOfficial)), flags: flags,
            partial: PartialMeans.of(results.lazy.map(\.partial)),
            components: ComponentAverages.of(results.lazy.compactMap(\.components)),
            ves: vesTerms.isEmpty ? nil : 100 * vesTerms.reduce(0, +) / Double(vesTerms.count),
            rves: rvesTerms.isEmpty ? nil : 100 * rvesTerms.reduce(0, +) / Double(rvesTerms.count))
    }

    /// What the headline exact match is under `semantics`.
    static func headline(_ semantics: ComparisonSemantics) -> String {
        switch semantics {
        case .spiderTestSuite: "exact match and execution are the official evaluators' verdicts"
        case .bird: "execution is BIRD's verdict; BIRD defines no exact match"
        case .strict: "exact match and execution are Quiver's"
        }
    }

    /// A plain-text table: one column per group and `all`, one row per measure.
    public func table() -> String {
        let columns = groups + [all]
        let table = SummaryTable(labelWidth: 34, cellWidth: 9)
        let row = table.row, rate = SummaryTable.rate
        var lines = ["semantics: \(semantics.rawValue) (\(Self.headline(semantics)))"]
        lines.append(row(groupedBy == "none" ? "" : groupedBy, columns.map(\.name)))
        lines.append(row("count", columns.map { String($0.count) }))
        lines.append(row("execution", columns.map { rate($0.execution) }))
        lines.append(row("exact match", columns.map { rate($0.exactMatch) }))
        if all.exactMatchQuiver != nil { lines.append(row("exact match (Quiver)", columns.map { rate($0.exactMatchQuiver) })) }
        if all.exactMatchOfficial != nil { lines.append(row("exact match (official)", columns.map { rate($0.exactMatchOfficial) })) }
        lines.append(row("parsed (Quiver)", columns.map { rate($0.parsed) }))
        if all.parsedOfficial != nil { lines.append(row("parsed (official parser)", columns.map { rate($0.parsedOfficial) })) }
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
        let components = ExactMatchComponent.allCases.map(\.rawValue).filter { all.components[$0] != nil }
        for (measure, value) in [("acc", \ComponentAverages.accuracy), ("rec", \.recall), ("f1", \.f1)] {
            for name in components {
                lines.append(row("\(name) (\(measure))", columns.map { rate($0.components[name]?[keyPath: value]) }))
            }
        }
        return lines.joined(separator: "\n")
    }
}
