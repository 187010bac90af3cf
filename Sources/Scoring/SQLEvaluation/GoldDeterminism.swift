import QuiverCore
import SQLExecution

/// Checks whether a gold result is fixed by its query, or depends on an order the query leaves open.
///
/// Two checks (see the scoring notes, §9.5): (a) the gold runs again with unordered scans reversed
/// (SQLite's `reverse_unordered_selects`); a different bag (or, under ORDER BY, a different sequence)
/// means the rows chosen or their order are arbitrary. (b) For a top-level `ORDER BY … LIMIT k`, the
/// gold runs again with `LIMIT k+1` and its ORDER BY keys projected; equal keys in rows k and k+1
/// mean the LIMIT cuts through a tie (Spider test-suite #25, BIRD mini-dev #49), which (a) misses.
/// The second check rewrites the text with ``SQLTokenScan`` and is skipped for compound queries,
/// `SELECT DISTINCT`, `OFFSET`, and whenever the rewritten query does not run.
enum GoldDeterminism {
    static func isNondeterministic(
        gold sql: String, result: ResultSet, executor: any QueryExecutor, limits: ExecutionLimits
    ) -> Bool {
        let scan = SQLTokenScan(sql)
        let ordered = scan.hasTopLevelOrderBy
        if mayDependOnScanOrder(scan), let reversed = try? executor.executeWithReversedScans(sql, limits: limits) {
            // Canonical values: a sum of floats taken in another order may differ in its last bits.
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

    /// Whether the top-level LIMIT cuts through rows with equal ORDER BY keys; `nil` when not checkable.
    static func limitCutsTie(sql: String, scan: SQLTokenScan, executor: any QueryExecutor, limits: ExecutionLimits) -> Bool? {
        let tokens = scan.tokens
        let topLevel = tokens.indices.filter { tokens[$0].depth == 0 }
        func word(_ index: Int) -> String { tokens[index].kind == .word ? tokens[index].text.lowercased() : "" }
        if topLevel.contains(where: { ["union", "intersect", "except"].contains(word($0)) }) { return nil }
        guard let select = topLevel.first(where: { word($0) == "select" }), select + 1 < tokens.count,
            !["distinct", "all"].contains(word(select + 1)),
            let orderBy = scan.topLevelKeywordPair("order", "by"),
            let limit = topLevel.last(where: { word($0) == "limit" }), limit > orderBy, limit + 1 < tokens.count,
            tokens[limit + 1].kind == .number, let k = Int(tokens[limit + 1].text), k > 0
        else { return nil }
        if limit + 2 < tokens.count, word(limit + 2) == "offset" || tokens[limit + 2].text == "," { return nil }

        let keys = orderKeys(tokens: tokens, from: orderBy + 2, to: limit, sql: sql)
        guard !keys.isEmpty else { return nil }
        let limitNumber = tokens[limit + 1].text
        var rewritten = String(sql[..<tokens[select].text.endIndex])
        rewritten += " " + keys.joined(separator: ", ") + ", "
        rewritten += sql[tokens[select].text.endIndex..<limitNumber.startIndex]
        rewritten += String(k + 1) + sql[limitNumber.endIndex...]
        guard let rows = try? executor.execute(rewritten, limits: limits).rows, rows.count == k + 1 else { return false }
        let width = keys.count
        return Array(rows[k - 1].prefix(width)) == Array(rows[k].prefix(width))
    }

    /// The ORDER BY key expressions (without ASC/DESC/NULLS …) between token indexes `start` and `end`.
    static func orderKeys(tokens: [SQLTokenScan.Token], from start: Int, to end: Int, sql: String) -> [String] {
        var keys: [String] = []
        var keyStart = start
        func finish(_ stop: Int) {
            var last = stop - 1
            while last >= keyStart, tokens[last].kind == .word,
                ["asc", "desc", "nulls", "first", "last"].contains(tokens[last].text.lowercased()) {
                last -= 1
            }
            if last >= keyStart { keys.append(String(sql[tokens[keyStart].text.startIndex..<tokens[last].text.endIndex])) }
        }
        for index in start..<end where tokens[index].depth == 0 && tokens[index].text == "," {
            finish(index)
            keyStart = index + 1
        }
        finish(end)
        // A positional key (`ORDER BY 1`) would point at the projected keys instead: not checkable this way.
        if keys.contains(where: { Int($0) != nil }) { return [] }
        return keys
    }
}
