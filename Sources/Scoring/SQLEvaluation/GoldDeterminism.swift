import QuiverCore
import SQLExecution

/// Checks whether a gold result is fixed by its query, and finds the gold's ORDER BY key values.
///
/// Non-determinism, two checks (scoring notes §9.5): (a) the gold runs again with unordered scans
/// reversed (SQLite's `reverse_unordered_selects`); a different bag (or, under ORDER BY, a different
/// sequence) means the rows chosen or their order are arbitrary. (b) For a top-level
/// `ORDER BY … LIMIT k`, the gold runs with `LIMIT k+1` and its ORDER BY keys projected; equal keys in
/// rows k and k+1 mean the LIMIT cuts through a tie (Spider test-suite #25, BIRD mini-dev #49).
///
/// Key values are found by running the gold with its ORDER BY keys prepended to the top-level select
/// list (positional keys `ORDER BY 1` are read from the result itself). The rewriting uses
/// ``SQLTokenScan``; it is skipped for compound queries with named keys and whenever the rewritten
/// query does not run or returns a different number of rows.
enum GoldDeterminism {
    static func isNondeterministic(
        gold sql: String, result: ResultSet, executor: any QueryExecutor, limits: ExecutionLimits
    ) -> Bool {
        let scan = SQLTokenScan(sql)
        let ordered = scan.hasTopLevelOrderBy
        if !result.rows.isEmpty, mayDependOnScanOrder(scan), let reversed = try? executor.executeWithReversedScans(sql, limits: limits),
            reversed.rows != result.rows
        {
            // Not the very same rows: compare canonical values, since a sum of floats taken in another
            // order may differ in its last bits.
            let before = result.rows.map { $0.map(ResultComparison.canonical) }
            let after = reversed.rows.map { $0.map(ResultComparison.canonical) }
            let same = ordered ? before == after : ColumnMatching.sameBag(before, after)
            if !same { return true }
        }
        if ordered, scan.hasTopLevelLimit, let tie = limitCutsTie(sql: sql, scan: scan, executor: executor, limits: limits) {
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
        scan.tokens.contains { $0.kind == .word && scanOrderWords.contains($0.text.lowercased()) }
    }

    /// The ORDER BY key values of each gold row, aligned with `result.rows`; `nil` when not found.
    static func orderKeyValues(
        gold sql: String, result: ResultSet, executor: any QueryExecutor, limits: ExecutionLimits
    ) -> [[Value]]? {
        let scan = SQLTokenScan(sql)
        guard let clause = OrderClause(sql: sql, scan: scan) else { return nil }
        if let positions = clause.positions {
            return result.rows.map { row in positions.map { row[$0] } }
        }
        guard let rewritten = clause.withKeysProjected(limit: nil),
            let rows = try? executor.execute(rewritten, limits: limits).rows, rows.count == result.rows.count
        else { return nil }
        return rows.map { Array($0.prefix(clause.keys.count)) }
    }

    /// Whether the top-level LIMIT cuts through rows with equal ORDER BY keys; `nil` when not checkable.
    static func limitCutsTie(sql: String, scan: SQLTokenScan, executor: any QueryExecutor, limits: ExecutionLimits) -> Bool? {
        guard let clause = OrderClause(sql: sql, scan: scan), let k = clause.limit, k > 0 else { return nil }
        let keyRows: [[Value]]
        if let positions = clause.positions {
            guard let rewritten = clause.withLimit(k + 1), let rows = try? executor.execute(rewritten, limits: limits).rows
            else { return nil }
            keyRows = rows.map { row in positions.map { row[$0] } }
        } else {
            guard let rewritten = clause.withKeysProjected(limit: k + 1),
                let rows = try? executor.execute(rewritten, limits: limits).rows
            else { return nil }
            keyRows = rows.map { Array($0.prefix(clause.keys.count)) }
        }
        guard keyRows.count == k + 1 else { return false }
        return keyRows[k - 1].map(ResultComparison.canonical) == keyRows[k].map(ResultComparison.canonical)
    }
}

/// The top-level ORDER BY (and LIMIT) of a query, located by ``SQLTokenScan``, with text rewrites.
struct OrderClause {
    let sql: String
    let tokens: [SQLTokenScan.Token]
    /// The key expressions as written, without ASC/DESC/NULLS FIRST/LAST.
    let keys: [String]
    /// 0-based result columns when every key is positional (`ORDER BY 1, 2`).
    let positions: [Int]?
    /// The token index of the top-level SELECT keyword, when the query is not compound.
    let select: Int?
    /// The LIMIT count and the index of its number token, when a plain `LIMIT k` follows.
    let limit: Int?
    let limitToken: Int?

    init?(sql: String, scan: SQLTokenScan) {
        let tokens = scan.tokens
        func word(_ index: Int) -> String { tokens[index].kind == .word ? tokens[index].text.lowercased() : "" }
        guard let orderBy = scan.topLevelKeywordPair("order", "by") else { return nil }
        let topLevel = tokens.indices.filter { tokens[$0].depth == 0 }
        let end = topLevel.first { $0 > orderBy && ["limit", "offset"].contains(word($0)) } ?? tokens.count
        guard orderBy + 2 < end else { return nil }
        var keys: [String] = []
        var keyStart = orderBy + 2
        for index in keyStart...end where index == end || (tokens[index].depth == 0 && tokens[index].text == ",") {
            var last = index - 1
            while last >= keyStart, ["asc", "desc", "nulls", "first", "last"].contains(word(last)) { last -= 1 }
            if last >= keyStart { keys.append(String(sql[tokens[keyStart].text.startIndex..<tokens[last].text.endIndex])) }
            keyStart = index + 1
        }
        guard !keys.isEmpty else { return nil }
        let numbers = keys.compactMap { Int($0) }
        if numbers.count == keys.count {
            positions = numbers.map { $0 - 1 }
        } else if numbers.isEmpty {
            positions = nil
        } else {
            return nil
        }
        let compound = topLevel.contains { ["union", "intersect", "except"].contains(word($0)) }
        let first = topLevel.first { word($0) == "select" }
        select = compound ? nil : first
        if end < tokens.count, word(end) == "limit", end + 1 < tokens.count, tokens[end + 1].kind == .number,
            let count = Int(tokens[end + 1].text),
            !(end + 2 < tokens.count && (word(end + 2) == "offset" || tokens[end + 2].text == ","))
        {
            (limit, limitToken) = (count, end + 1)
        } else {
            (limit, limitToken) = (nil, nil)
        }
        self.sql = sql
        self.tokens = tokens
        self.keys = keys
    }

    /// The query with its LIMIT count replaced.
    func withLimit(_ count: Int) -> String? {
        guard let limitToken else { return nil }
        let number = tokens[limitToken].text
        return String(sql[..<number.startIndex]) + String(count) + sql[number.endIndex...]
    }

    /// The query with its keys prepended to the select list (and its LIMIT count replaced when given).
    func withKeysProjected(limit count: Int?) -> String? {
        guard let select, positions == nil else { return nil }
        let base: String
        if let count {
            guard let limited = withLimit(count) else { return nil }
            base = limited
        } else {
            base = sql
        }
        // The SELECT keyword precedes the LIMIT, so its offset is the same in `base`.
        let offset = sql.utf8.distance(from: sql.startIndex, to: tokens[select].text.endIndex)
        let split = base.utf8.index(base.startIndex, offsetBy: offset)
        return String(base[..<split]) + " " + keys.joined(separator: ", ") + "," + base[split...]
    }
}
