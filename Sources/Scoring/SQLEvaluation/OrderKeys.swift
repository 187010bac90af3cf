import SQL

/// The top-level ORDER BY of a parsed query: each key resolved to a result column where it can be,
/// and the syntax-tree rewrites that expose the others (printed back with ``SQL/SQLPrinter``).
///
/// A key is read from the result itself when it is a position (`ORDER BY 2`), a select-list alias
/// (`ORDER BY cnt`), or the very expression of a select item (`SELECT T1.name … ORDER BY t1.name`).
/// Other keys are prepended to the select list of a copy of the query, DISTINCT kept: when the keys
/// are determined by the selected columns the copy returns as many rows, else its answer is not used.
///
/// ```swift
/// let keys = try #require(OrderKeys(sql: "SELECT name FROM item ORDER BY price DESC LIMIT 1"))
/// SQLPrinter().print(keys.projected(limit: 2)!)   // SELECT price, name FROM item ORDER BY price DESC LIMIT 2
/// ```
struct OrderKeys {
    /// A key's source: a result column, or an expression the result does not hold.
    enum Key: Equatable {
        case column(Int)
        case expression(Expression)
    }

    /// The parsed query.
    let statement: SelectStatement
    /// The ORDER BY keys, in order.
    let keys: [Key]

    /// The keys of `sql`'s top-level ORDER BY; `nil` when it has none or does not parse.
    init?(sql: String) {
        guard let statement = try? SQLParser.parse(sql), !statement.orderBy.isEmpty else { return nil }
        self.statement = statement
        let items = Self.resultItems(statement.body)
        keys = statement.orderBy.map { term in Self.resolve(term.expression, items: items) }
    }

    /// 0-based result columns when every key is one.
    var positions: [Int]? {
        let columns = keys.compactMap { key -> Int? in
            if case .column(let index) = key { return index }
            return nil
        }
        return columns.count == keys.count ? columns : nil
    }

    /// The LIMIT count, when it is a plain non-negative integer.
    var limit: Int? {
        guard let count = statement.limit?.count, case .literal(.integer(let text)) = count.kind, let value = Int(text), value >= 0
        else { return nil }
        return value
    }

    /// The query with its LIMIT count replaced by `count` (offset kept); `nil` without a plain LIMIT.
    func limited(_ count: Int) -> SelectStatement? {
        guard limit != nil, let old = statement.limit else { return nil }
        var copy = statement
        copy.limit = Limit(count: Expression(.literal(.integer(String(count)))), offset: old.offset, commaForm: old.commaForm)
        return copy
    }

    /// The query with every key prepended to its select list (and its LIMIT count replaced when
    /// `limit` is given); `nil` for a compound query, whose keys must be result columns anyway.
    func projected(limit count: Int?) -> SelectStatement? {
        guard case .select(var core) = statement.body else { return nil }
        var base = statement
        if let count {
            guard let limited = limited(count) else { return nil }
            base = limited
        }
        let items = Self.resultItems(statement.body)
        var prefix: [ResultColumn] = []
        for key in keys {
            switch key {
            case .expression(let expression):
                prefix.append(.expression(expression, alias: nil, explicitAs: false))
            case .column(let index):
                guard index < items.count, let item = items[index] else { return nil }
                prefix.append(.expression(item.expression, alias: nil, explicitAs: false))
            }
        }
        core.columns = prefix + core.columns
        base.body = .select(core)
        return base
    }

    /// Each result column's expression and alias, as far as they are known (a `*` hides the rest).
    static func resultItems(_ body: QueryBody) -> [(expression: Expression, alias: String?)?] {
        guard case .select(let core) = body.flattened.first?.body else { return [] }
        var items: [(expression: Expression, alias: String?)?] = []
        for column in core.columns {
            guard case .expression(let expression, let alias, _) = column else { return items }
            items.append((expression, alias?.normalized))
        }
        return items
    }

    static func resolve(_ expression: Expression, items: [(expression: Expression, alias: String?)?]) -> Key {
        if case .literal(.integer(let text)) = expression.kind, let position = Int(text), position >= 1 {
            return .column(position - 1)
        }
        if case .column(let reference) = expression.kind, reference.table == nil,
           let index = items.firstIndex(where: { $0?.alias == reference.column.normalized }) {
            return .column(index)
        }
        if let index = items.firstIndex(where: { $0.map { sameExpression($0.expression, expression) } ?? false }) {
            return .column(index)
        }
        return .expression(expression)
    }

    /// Equal trees, or the same column named in another case (SQLite's names are case-insensitive).
    static func sameExpression(_ a: Expression, _ b: Expression) -> Bool {
        if a == b { return true }
        guard case .column(let x) = a.kind, case .column(let y) = b.kind else { return false }
        return x.column.normalized == y.column.normalized && x.table?.normalized == y.table?.normalized
            && x.schema?.normalized == y.schema?.normalized
    }
}
