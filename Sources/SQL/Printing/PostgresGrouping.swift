/// SQLite lets a grouped query select a column that is neither grouped nor aggregated (a "bare"
/// column, taken from some row of the group); PostgreSQL rejects it. For PostgreSQL the printer
/// wraps such columns in `MIN(...)`, which gives SQLite's value whenever the column is determined
/// by the group (the usual case: a name beside its grouped id).
enum PostgresGrouping {
    static let aggregates: Set<String> = [
        "count", "sum", "avg", "min", "max", "total", "group_concat", "string_agg", "array_agg", "bool_and",
        "bool_or", "every",
    ]

    /// The core with bare columns in its select list and HAVING wrapped, and the wrapping function for ORDER BY.
    static func rewrite(_ core: SelectCore) -> SelectCore {
        guard !core.groupBy.isEmpty else { return core }
        var copy = core
        copy.columns = core.columns.map { column in
            guard case .expression(let expression, let alias, let explicitAs) = column else { return column }
            return .expression(wrap(expression, groupBy: core.groupBy), alias: alias, explicitAs: explicitAs)
        }
        copy.having = core.having.map { wrap($0, groupBy: core.groupBy) }
        return copy
    }

    /// `expression` with every column outside aggregates and not among the GROUP BY keys wrapped in `MIN`.
    static func wrap(_ expression: Expression, groupBy: [Expression]) -> Expression {
        if groupBy.contains(where: { sameColumn($0, expression) }) { return expression }
        switch expression.kind {
        case .column:
            return Expression(.function(FunctionCall(name: Identifier("MIN"), arguments: [expression])), span: expression.span)
        case .function(let call) where aggregates.contains(call.name.normalized) && call.over == nil:
            return expression
        default:
            return expression.mappingChildren { wrap($0, groupBy: groupBy) }
        }
    }

    /// Equal expressions, or columns with the same name where at most one side names its table.
    static func sameColumn(_ key: Expression, _ expression: Expression) -> Bool {
        if key == expression { return true }
        guard case .column(let a) = key.kind, case .column(let b) = expression.kind,
            a.column.normalized == b.column.normalized
        else { return false }
        return a.table == nil || b.table == nil || a.table?.normalized == b.table?.normalized
    }
}
