import Foundation

/// The plain-text layout of an evaluation summary: a padded label, then one right-aligned cell per
/// group (``SQLEvaluationSummary/table()``, ``CypherEvaluationSummary/table()``).
///
/// ```swift
/// let table = SummaryTable(labelWidth: 28, cellWidth: 12)
/// table.row("execution", [SummaryTable.rate(0.5), SummaryTable.rate(nil)])   // "execution   …   0.500           -"
/// ```
struct SummaryTable {
    var labelWidth: Int
    var cellWidth: Int

    func row(_ label: String, _ cells: [String]) -> String {
        label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            + cells.map { String(repeating: " ", count: max(0, cellWidth - $0.count)) + $0 }.joined()
    }

    /// A rate to three decimals, `-` when there is none.
    static func rate(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "-"
    }
}
