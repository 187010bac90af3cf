import Foundation

/// Totals of a Text-to-Cypher evaluation, overall and per database.
///
/// Printed as a table, or as one JSON object (`schemas/cypher-score-summary.schema.json`).
///
/// ```swift
/// print(CypherEvaluationSummary(results: results, semantics: .strict).table())
/// ```
public struct CypherEvaluationSummary: Sendable, Hashable, Encodable {
    /// Counts and rates of one group of examples.
    public struct Group: Sendable, Hashable, Encodable {
        /// The database, or `all`.
        public var name: String
        /// Examples in the group.
        public var count: Int
        /// Examples whose gold ran (execution could be judged).
        public var executed: Int
        /// Examples with `exec_match`.
        public var matched: Int
        /// matched / count.
        public var execution: Double
        /// matched / executed (`nil` when nothing ran).
        public var executionOfExecuted: Double?
        /// Fraction with normalised exact match.
        public var exactMatch: Double
        /// Corpus Google-BLEU (summed n-gram matches over summed totals).
        public var googleBLEU: Double
        /// How many examples carry each flag (every flag listed, zeros included).
        public var flags: [String: Int]
        /// Mean of each partial score over the examples that have it.
        public var partial: [String: Double]

        enum CodingKeys: String, CodingKey {
            case name, count, executed, matched, execution, executionOfExecuted = "execution_of_executed"
            case exactMatch = "exact_match", googleBLEU = "google_bleu", flags, partial
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(count, forKey: .count)
            try c.encode(executed, forKey: .executed)
            try c.encode(matched, forKey: .matched)
            try c.encode(execution, forKey: .execution)
            try c.encode(executionOfExecuted, forKey: .executionOfExecuted)
            try c.encode(exactMatch, forKey: .exactMatch)
            try c.encode(googleBLEU, forKey: .googleBLEU)
            try c.encode(flags, forKey: .flags)
            try c.encode(partial, forKey: .partial)
        }
    }

    public var semantics: CypherComparisonSemantics
    /// One group per database, by name.
    public var groups: [Group]
    /// Every example.
    public var all: Group
    /// The run's header (what produced it), when the caller gives one.
    public var run: ScoringRun?

    public init(results: [CypherExampleResult], semantics: CypherComparisonSemantics) {
        self.semantics = semantics
        let grouped = Dictionary(grouping: results) { $0.database ?? "unknown" }
        groups = grouped.count > 1 ? grouped.keys.sorted().map { Self.group($0, grouped[$0] ?? []) } : []
        all = Self.group("all", results)
    }

    static func group(_ name: String, _ results: [CypherExampleResult]) -> Group {
        let count = results.count
        let executed = results.filter { $0.execMatch != nil }.count
        let matched = results.filter { $0.execMatch == true }.count
        var flags: [String: Int] = [:]
        for flag in ExecutionFlag.allCases where flag != .goldNondeterministic {
            flags[flag.rawValue] = results.filter { $0.flags.contains(flag) }.count
        }
        return Group(
            name: name, count: count, executed: executed, matched: matched,
            execution: count == 0 ? 0 : Double(matched) / Double(count),
            executionOfExecuted: executed == 0 ? nil : Double(matched) / Double(executed),
            exactMatch: count == 0 ? 0 : Double(results.filter(\.exactMatch).count) / Double(count),
            googleBLEU: results.reduce(GoogleBLEU.Counts()) { $0 + $1.bleu }.score,
            flags: flags, partial: PartialMeans.of(results.lazy.map(\.partial)))
    }

    /// A plain-text table: one column per database and `all`, one row per measure.
    public func table() -> String {
        let columns = groups + [all]
        let table = SummaryTable(labelWidth: 28, cellWidth: 12)
        let row = table.row, rate = SummaryTable.rate
        var lines = ["semantics: \(semantics.rawValue)", row("database", columns.map(\.name))]
        lines.append(row("count", columns.map { String($0.count) }))
        lines.append(row("executed (gold ran)", columns.map { String($0.executed) }))
        lines.append(row("matched", columns.map { String($0.matched) }))
        lines.append(row("execution", columns.map { rate($0.execution) }))
        lines.append(row("execution of executed", columns.map { rate($0.executionOfExecuted) }))
        lines.append(row("exact match", columns.map { rate($0.exactMatch) }))
        lines.append(row("google-bleu (corpus)", columns.map { rate($0.googleBLEU) }))
        for key in all.flags.keys.sorted() {
            lines.append(row(key, columns.map { String($0.flags[key] ?? 0) }))
        }
        for key in all.partial.keys.sorted() {
            lines.append(row("mean " + key, columns.map { rate($0.partial[key]) }))
        }
        return lines.joined(separator: "\n")
    }
}
