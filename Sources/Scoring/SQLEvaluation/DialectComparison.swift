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
        public var index: Int
        public var databaseID: String
        public var sql: String
        /// `error_on_other`, `error_on_reference`, or `different_rows`.
        public var kind: String
        public var reason: String

        enum CodingKeys: String, CodingKey { case index, databaseID = "db_id", sql, kind, reason }
    }

    public let reference: any QueryExecutorFactory
    public let other: any QueryExecutorFactory
    public let options: SQLEvaluationOptions

    public init(reference: any QueryExecutorFactory, other: any QueryExecutorFactory, options: SQLEvaluationOptions) {
        self.reference = reference
        self.other = other
        self.options = options
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
                try state.1.executor(for: example.databaseID, factory: other).execute(example.gold, limits: limits)
            }
            guard let difference = Self.compare(example, left, right) else { return }
            found.withLock { $0[index] = difference }
        }
        return found.withLock { byIndex in byIndex.keys.sorted().compactMap { byIndex[$0] } }
    }

    static func compare(
        _ example: SQLExample, _ left: Result<ResultSet, SQLExecutionError>, _ right: Result<ResultSet, SQLExecutionError>
    ) -> Difference? {
        func difference(_ kind: String, _ reason: String) -> Difference {
            Difference(index: example.index, databaseID: example.databaseID, sql: example.gold, kind: kind, reason: reason)
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
