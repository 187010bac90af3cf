import QuiverCore
import SQL
import SQLExecution

/// Checks whether a gold result is fixed by its query, and finds the gold's ORDER BY key values.
///
/// Non-determinism, two checks (scoring notes §9.5): (a) the gold runs again with unordered scans
/// reversed (SQLite's `reverse_unordered_selects`); a different bag (or, under ORDER BY, a different
/// sequence) means the rows chosen or their order are arbitrary. (b) For a top-level
/// `ORDER BY … LIMIT k`, the gold runs with `LIMIT k+1` and its ORDER BY keys projected; equal keys in
/// rows k and k+1 mean the LIMIT cuts through a tie (Spider test-suite #25, BIRD mini-dev #49).
///
/// Both rewrites are made on the gold's syntax tree (``OrderKeys``) and printed back with
/// ``SQL/SQLPrinter``; `run` executes such SQLite-dialect text the way the gold runs (translated
/// to PostgreSQL first when the evaluation translates). A gold that does not parse, or whose
/// rewritten copy fails or disagrees with it, is simply not checked this way.
enum GoldDeterminism {
    /// Runs SQLite-dialect text on the gold's engine.
    typealias Run = (String) throws(SQLExecutionError) -> ResultSet

    /// `gold` as written; `executed` the text that produced `result` on `executor`.
    static func isNondeterministic(
        gold: String, executed: String, result: ResultSet, executor: any QueryExecutor, limits: ExecutionLimits, run: Run
    ) -> Bool {
        let scan = SQLTokenScan(gold)
        let ordered = scan.hasTopLevelOrderBy
        if !result.rows.isEmpty, mayDependOnScanOrder(scan),
           let reversed = try? executor.executeWithReversedScans(executed, limits: limits), reversed.rows != result.rows
        {
            // Not the very same rows: compare canonical values, since a sum of floats taken in another
            // order may differ in its last bits.
            let before = result.rows.map { $0.map(ResultComparison.canonical) }
            let after = reversed.rows.map { $0.map(ResultComparison.canonical) }
            let same = ordered ? before == after : ColumnMatching.sameBag(before, after)
            if !same { return true }
        }
        if ordered, scan.hasTopLevelLimit, let keys = OrderKeys(sql: gold), let tie = limitCutsTie(keys, run: run) {
            return tie
        }
        return false
    }

    /// Words without which scan order cannot change a result compared as a bag (or, with ORDER BY, as a
    /// sequence): a LIMIT picks rows, grouping and aggregates pick the row of a bare column, ORDER BY
    /// leaves ties in scan order. Queries without any of them skip the extra run.
    static let scanOrderWords: Set<String> = [
        "limit", "group", "order", "count", "sum", "avg", "min", "max", "total", "group_concat",
    ]

    static func mayDependOnScanOrder(_ scan: SQLTokenScan) -> Bool {
        scan.tokens.contains { $0.kind == .word && scanOrderWords.contains($0.lowercased) }
    }

    /// The ORDER BY key values of each gold row, aligned with `result.rows`; `nil` when not found.
    static func orderKeyValues(gold: String, result: ResultSet, run: Run) -> [[Value]]? {
        guard let keys = OrderKeys(sql: gold) else { return nil }
        if let positions = keys.positions {
            guard result.rows.allSatisfy({ row in positions.allSatisfy { $0 < row.count } }) else { return nil }
            return result.rows.map { row in positions.map { row[$0] } }
        }
        guard let projected = keys.projected(limit: nil), let rows = try? run(SQLPrinter().print(projected)).rows,
              rows.count == result.rows.count
        else { return nil }
        return align(rows, keyCount: keys.keys.count, with: result.rows)
    }

    /// The key prefix of each projected row, in the order of `original`'s rows: by position when the
    /// two runs listed the rows alike, else each original row takes the keys of an equal projected row.
    static func align(_ projected: [[Value]], keyCount: Int, with original: [[Value]]) -> [[Value]]? {
        let split = projected.map { (keys: Array($0.prefix(keyCount)), row: Array($0.dropFirst(keyCount))) }
        if split.map(\.row) == original { return split.map(\.keys) }
        var pending: [[Value]: [[Value]]] = [:]
        for entry in split { pending[entry.row.map(ResultComparison.canonical), default: []].append(entry.keys) }
        var aligned: [[Value]] = []
        for row in original {
            let key = row.map(ResultComparison.canonical)
            guard var candidates = pending[key], let keys = candidates.popLast() else { return nil }
            pending[key] = candidates
            aligned.append(keys)
        }
        return aligned
    }

    /// Whether the top-level LIMIT cuts through rows with equal ORDER BY keys; `nil` when not checkable.
    static func limitCutsTie(_ keys: OrderKeys, run: Run) -> Bool? {
        guard let k = keys.limit, k > 0 else { return nil }
        let keyRows: [[Value]]
        if let positions = keys.positions {
            guard let limited = keys.limited(k + 1), let rows = try? run(SQLPrinter().print(limited)).rows,
                  rows.allSatisfy({ row in positions.allSatisfy { $0 < row.count } })
            else { return nil }
            keyRows = rows.map { row in positions.map { row[$0] } }
        } else {
            guard let projected = keys.projected(limit: k + 1), let rows = try? run(SQLPrinter().print(projected)).rows
            else { return nil }
            keyRows = rows.map { Array($0.prefix(keys.keys.count)) }
        }
        guard keyRows.count == k + 1 else { return false }
        return keyRows[k - 1].map(ResultComparison.canonical) == keyRows[k].map(ResultComparison.canonical)
    }
}
