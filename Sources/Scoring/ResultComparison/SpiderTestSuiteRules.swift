import SQL

/// The query-text rules the official Spider test-suite evaluator applies before executing.
///
/// ```swift
/// SpiderTestSuiteRules.prepare("SELECT DISTINCT name FROM t WHERE a > = 1", keepDistinct: false)
/// // "SELECT  name FROM t WHERE a >= 1"
/// ```
public enum SpiderTestSuiteRules {
    /// `postprocess`: re-joins `> =`, `< =`, `! =`; then, unless `keepDistinct`, drops every
    /// `DISTINCT` keyword token (also the one in `count(DISTINCT x)`, as the official code does).
    public static func prepare(_ sql: String, keepDistinct: Bool) -> String {
        let joined = sql.replacingOccurrences(of: "> =", with: ">=")
            .replacingOccurrences(of: "< =", with: "<=")
            .replacingOccurrences(of: "! =", with: "!=")
        guard !keepDistinct else { return joined }
        let scan = SQLTokenScan(joined)
        let distinctTokens = scan.tokens.filter { $0.isWord("distinct") }
        guard !distinctTokens.isEmpty else { return joined }
        var result = ""
        var cursor = joined.startIndex
        for token in distinctTokens {
            let written = scan.written(token)
            result += joined[cursor..<written.startIndex]
            cursor = written.endIndex
        }
        result += joined[cursor...]
        return result
    }

    /// `order_matters = 'order by' in gold.lower()`: a substring test on the gold text, so an ORDER BY
    /// in a subquery also makes row order count.
    public static func orderMatters(gold: String) -> Bool {
        gold.lowercased().contains("order by")
    }
}
