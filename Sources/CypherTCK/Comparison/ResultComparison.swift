import QuiverCore

/// Compares a query's result with a TCK expected table, strictly.
///
/// Column names must be exactly the header's names in the header's order (the TCK writes the
/// projection's text, e.g. `count(*)`, and `RETURN *` columns sorted by name). Rows form a bag
/// unless `ordered`; values match per ``TCKValueMatcher``.
///
/// ```swift
/// let failure = try ResultComparison.compare(expected: [["n"], ["1"]], columns: ["n"], rows: [[.int(1)]],
///                                            ordered: false, listsUnordered: false)   // nil: they match
/// ```
public enum ResultComparison {
    /// `nil` when the result matches, otherwise a message saying how it differs.
    ///
    /// Throws when an expected cell is not valid TCK value text.
    public static func compare(
        expected table: [[String]], columns: [String], rows: [[Value]], ordered: Bool, listsUnordered: Bool
    ) throws(TCKValueError) -> String? {
        let header = table.first ?? []
        let expectedRows = try table.dropFirst().map { row throws(TCKValueError) in
            try row.map { cell throws(TCKValueError) in try TCKValueParser.parse(cell) }
        }
        guard header == columns else {
            return "columns differ: expected \(header), got \(columns)"
        }
        if let bad = rows.first(where: { $0.count != columns.count }) {
            return "a result row has \(bad.count) values for \(columns.count) columns"
        }
        let actualRows = rows
        let expectedKeys = expectedRows.map { rowKey($0, listsUnordered: listsUnordered) }
        let actualKeys = actualRows.map { rowKey($0, listsUnordered: listsUnordered) }

        if ordered {
            guard expectedKeys != actualKeys else { return nil }
            if expectedKeys.count != actualKeys.count {
                return "expected \(expectedKeys.count) rows in order, got \(actualKeys.count): "
                    + listing(actualRows, header: header)
            }
            let index = expectedKeys.indices.first(where: { expectedKeys[$0] != actualKeys[$0] }) ?? 0
            return "row \(index + 1) differs (in order): expected \(render(expectedRows[index])), "
                + "got \(render(actualRows[index]))"
        }
        var remaining: [String: Int] = [:]
        for key in actualKeys { remaining[key, default: 0] += 1 }
        var missing: [[Value]] = []
        for (key, row) in zip(expectedKeys, expectedRows) {
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
            } else {
                missing.append(row)
            }
        }
        var unexpected: [[Value]] = []
        for (key, row) in zip(actualKeys, actualRows) where (remaining[key] ?? 0) > 0 {
            remaining[key, default: 0] -= 1
            unexpected.append(row)
        }
        guard !missing.isEmpty || !unexpected.isEmpty else { return nil }
        var message = "expected \(expectedRows.count) rows, got \(actualRows.count)"
        if !missing.isEmpty { message += "; missing: " + listing(missing, header: header) }
        if !unexpected.isEmpty { message += "; unexpected: " + listing(unexpected, header: header) }
        return message
    }

    private static func rowKey(_ row: [Value], listsUnordered: Bool) -> String {
        row.map { TCKValueMatcher.key($0, listsUnordered: listsUnordered) }.joined(separator: "|")
    }

    private static func render(_ row: [Value]) -> String {
        "| " + row.map(\.description).joined(separator: " | ") + " |"
    }

    /// At most five rows, then how many more.
    private static func listing(_ rows: [[Value]], header: [String]) -> String {
        let shown = rows.prefix(5).map(render).joined(separator: " ")
        return rows.count > 5 ? shown + " … (\(rows.count - 5) more)" : (shown.isEmpty ? "(none)" : shown)
    }
}
