import Foundation
import QuiverCore
import SQLExecution

/// Runs each gold query on two engines (SQLite and its PostgreSQL copy) and lists where they disagree.
///
/// Results are compared with the `strict` rules (order only when the gold's top-level query orders).
/// Each difference names its reason: the query fails on one side only (with that side's message),
/// or both run and the rows differ.
///
/// ```swift
/// let differences = DialectComparison(reference: sqlite, other: postgres, options: options).run(examples: gold)
/// ```
public struct DialectComparison: Sendable {
    /// One gold query whose verdict differs between the two engines.
    public struct Difference: Sendable, Hashable, Codable {
        /// The example's position in the gold file.
        public var index: Int
        /// The example's `db_id`.
        public var databaseID: String
        /// The gold SQL as written.
        public var sql: String
        /// `error_on_other`, `error_on_reference`, or `different_rows`.
        public var kind: String
        /// The known dialect difference behind it (see ``DialectComparison/Category``), or `other`.
        public var category: String
        /// The engine's message, or how the rows differ.
        public var reason: String

        enum CodingKeys: String, CodingKey { case index, databaseID = "db_id", sql, kind, category, reason }
    }

    /// The engine whose results count as right (SQLite).
    public let reference: any QueryExecutorFactory
    /// The engine compared with it (PostgreSQL).
    public let other: any QueryExecutorFactory
    /// Timeout, row cap and number of workers.
    public let options: SQLEvaluationOptions
    /// Applied to the gold before it runs on `other` (e.g. ``PostgresTranslation``).
    public let translateOther: QueryTranslator?

    /// A comparison of `reference` and `other`.
    public init(
        reference: any QueryExecutorFactory, other: any QueryExecutorFactory, options: SQLEvaluationOptions,
        translateOther: QueryTranslator? = nil
    ) {
        self.reference = reference
        self.other = other
        self.options = options
        self.translateOther = translateOther
    }

    /// The differences, in example order; an identical gold text on the same database is run once.
    public func run(examples: [SQLExample]) -> [Difference] {
        let found = LockedValue([Int: Difference]())
        let limits = options.limits
        WorkerPool.run(count: examples.count, jobs: options.jobs, makeState: { (Connections(), Connections()) }) { state, index in
            let example = examples[index]
            let left = Result { () throws(SQLExecutionError) in
                try state.0.executor(for: example.databaseID, factory: reference).execute(example.gold, limits: limits)
            }
            let right = Result { () throws(SQLExecutionError) in
                let sql = translateOther?(example.databaseID, example.gold) ?? example.gold
                return try state.1.executor(for: example.databaseID, factory: other).execute(sql, limits: limits)
            }
            guard var difference = Self.compare(example, left, right) else { return }
            if difference.kind == "different_rows", case .success(let rows) = left,
                let executor = try? state.0.executor(for: example.databaseID, factory: reference),
                GoldDeterminism.isNondeterministic(
                    gold: example.gold, executed: example.gold, result: rows, executor: executor, limits: limits,
                    run: { text throws(SQLExecutionError) in try executor.execute(text, limits: limits) }) {
                difference.category = Category.nondeterministicGold.rawValue
            }
            found.withLock { $0[index] = difference }
        }
        return found.withLock { byIndex in byIndex.keys.sorted().compactMap { byIndex[$0] } }
    }

    static func compare(
        _ example: SQLExample, _ left: Result<ResultSet, SQLExecutionError>, _ right: Result<ResultSet, SQLExecutionError>
    ) -> Difference? {
        func difference(_ kind: String, _ reason: String) -> Difference {
            Difference(
                index: example.index, databaseID: example.databaseID, sql: example.gold, kind: kind,
                category: Category.classify(kind: kind, reason: reason, sql: example.gold).rawValue, reason: reason)
        }
        switch (left, right) {
        case (.failure, .failure):
            return nil
        case (.success, .failure(let error)):
            return difference("error_on_other", error.description)
        case (.failure(let error), .success):
            return difference("error_on_reference", error.description)
        case (.success(let a), .success(let b)):
            let ordered = SQLTokenScan(example.gold).hasTopLevelOrderBy
            if ResultComparison.strict(gold: a.rows, pred: b.rows, orderMatters: ordered) { return nil }
            return difference("different_rows", describe(a, b, ordered: ordered))
        }
    }

    /// The known differences between SQLite and PostgreSQL that make a gold query's verdict differ.
    public enum Category: String, Sendable, CaseIterable {
        /// `"France"`: SQLite reads an unknown double-quoted identifier as a string, PostgreSQL never does.
        case doubleQuotedString = "double_quoted_string"
        /// A selected column neither grouped nor aggregated: SQLite picks a row, PostgreSQL rejects it.
        case bareColumnInGroupBy = "bare_column_in_group_by"
        /// `text_col = 2014`, `avg(text_col)`: SQLite converts by column affinity, PostgreSQL has no such cast.
        case implicitCoercion = "implicit_coercion"
        /// `LIKE` ignores ASCII case in SQLite and not in PostgreSQL.
        case likeCaseSensitivity = "like_case_sensitivity"
        /// The same rows, ordered differently where ORDER BY leaves ties.
        case orderOfTies = "order_of_ties"
        /// The gold result itself is not fixed by the query (a tie cut by LIMIT, or no ORDER BY).
        case nondeterministicGold = "nondeterministic_gold"
        /// A SQLite function PostgreSQL lacks (or the reverse).
        case missingFunction = "missing_function"
        /// Syntax SQLite accepts and PostgreSQL rejects (a FROM subquery without alias, ORDER BY outside a DISTINCT list, …).
        case syntaxDifference = "syntax_difference"
        case other

        static func classify(kind: String, reason: String, sql: String) -> Category {
            if reason.contains("(42803)") { return .bareColumnInGroupBy }
            if reason.contains("(42703)"), let name = reason.split(separator: "\"").dropFirst().first,
                sql.contains("\"\(name)\"") {
                return .doubleQuotedString
            }
            if reason.contains("(42883)") {
                return reason.contains("operator does not exist") || reason.contains("(text)") ? .implicitCoercion : .missingFunction
            }
            if reason.contains("(42601)") || reason.contains("(42P10)") { return .syntaxDifference }
            if reason.contains("same rows in a different order") { return .orderOfTies }
            if kind == "different_rows", sql.lowercased().contains(" like ") { return .likeCaseSensitivity }
            return .other
        }
    }

    /// A short account of how two results differ, for the report.
    static func describe(_ a: ResultSet, _ b: ResultSet, ordered: Bool) -> String {
        if a.rows.count != b.rows.count { return "row counts differ: \(a.rows.count) vs \(b.rows.count)" }
        if a.columns.count != b.columns.count { return "column counts differ: \(a.columns.count) vs \(b.columns.count)" }
        if ordered, ResultComparison.strict(gold: a.rows, pred: b.rows, orderMatters: false) {
            return "same rows in a different order (ORDER BY ties or collation)"
        }
        let canonicalA = Set(a.rows.map { $0.map(ResultComparison.canonical) })
        let firstDifferent = b.rows.first { !canonicalA.contains($0.map(ResultComparison.canonical)) }
        let sample = firstDifferent.map { "; e.g. " + $0.map(\.description).joined(separator: ", ") } ?? ""
        return "values differ\(sample)"
    }
}
