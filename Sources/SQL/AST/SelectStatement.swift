/// A complete query: `[WITH ...] body [ORDER BY ...] [LIMIT ...]`.
///
/// ```swift
/// let query = try SQLParser.parse("SELECT name FROM singer ORDER BY age DESC LIMIT 3")
/// query.body        // .select(SelectCore)
/// query.limit?.count
/// ```
public struct SelectStatement: Sendable, Hashable {
    /// The WITH clause, when present.
    public var with: WithClause?
    /// The select core or the compound (UNION / INTERSECT / EXCEPT) of cores.
    public var body: QueryBody
    /// The ORDER BY of the whole body (for a compound it orders the combined result).
    public var orderBy: [OrderingTerm]
    /// The LIMIT of the whole body.
    public var limit: Limit?
    /// Where the query is in the source text.
    public var span: SourceSpan

    public init(
        with: WithClause? = nil, body: QueryBody, orderBy: [OrderingTerm] = [], limit: Limit? = nil,
        span: SourceSpan = SourceSpan()
    ) {
        self.with = with
        self.body = body
        self.orderBy = orderBy
        self.limit = limit
        self.span = span
    }
}

/// `WITH [RECURSIVE] name [(columns)] AS (query), ...`.
public struct WithClause: Sendable, Hashable {
    /// `WITH RECURSIVE`.
    public var recursive: Bool
    /// The named queries, in order.
    public var tables: [CommonTableExpression]

    public init(recursive: Bool, tables: [CommonTableExpression]) {
        self.recursive = recursive
        self.tables = tables
    }
}

/// One named query of a WITH clause.
public struct CommonTableExpression: Sendable, Hashable {
    /// The name the query is known by.
    public var name: Identifier
    /// The column names given after the name, if any.
    public var columns: [Identifier]
    /// `AS MATERIALIZED` (`true`), `AS NOT MATERIALIZED` (`false`), or unspecified.
    public var materialized: Bool?
    /// The defining query.
    public var query: SelectStatement

    public init(name: Identifier, columns: [Identifier], materialized: Bool? = nil, query: SelectStatement) {
        self.name = name
        self.columns = columns
        self.materialized = materialized
        self.query = query
    }
}

/// A select core, or a compound of two bodies; SQLite's compound operators all bind left to right.
public indirect enum QueryBody: Sendable, Hashable {
    case select(SelectCore)
    case compound(CompoundOperator, QueryBody, QueryBody)
    /// `VALUES (..), (..)`.
    case values([[Expression]])
    /// `(query)` as an operand of a compound, with its own ORDER BY and LIMIT: PostgreSQL's grammar
    /// and Spider's official parser accept it, SQLite's does not (so such a query parses here and
    /// fails when SQLite runs it).
    case parenthesized(SelectStatement)

    /// The select cores from left to right, with the operator that precedes each (nil for the first).
    public var flattened: [(op: CompoundOperator?, body: QueryBody)] {
        switch self {
        case .select, .values, .parenthesized: [(nil, self)]
        case .compound(let op, let left, let right): left.flattened + [(op, right)]
        }
    }
}

/// `UNION`, `UNION ALL`, `INTERSECT`, `EXCEPT`.
public enum CompoundOperator: String, Sendable, Hashable, CaseIterable {
    case union = "UNION"
    case unionAll = "UNION ALL"
    case intersect = "INTERSECT"
    case except = "EXCEPT"
}

/// `SELECT [DISTINCT|ALL] columns [FROM ..] [WHERE ..] [GROUP BY .. [HAVING ..]] [WINDOW ..]`.
public struct SelectCore: Sendable, Hashable {
    /// `SELECT DISTINCT`.
    public var distinct: Bool
    /// `SELECT ALL`, kept so the printer writes what was read.
    public var explicitAll: Bool
    /// The column names given after the name, if any.
    public var columns: [ResultColumn]
    /// The FROM clause as one join tree.
    public var from: TableReference?
    /// The WHERE condition.
    public var whereClause: Expression?
    /// The GROUP BY expressions.
    public var groupBy: [Expression]
    /// The HAVING condition.
    public var having: Expression?
    /// Named windows of the WINDOW clause.
    public var windows: [NamedWindow]
    /// Where the query is in the source text.
    public var span: SourceSpan

    public init(
        distinct: Bool = false, explicitAll: Bool = false, columns: [ResultColumn], from: TableReference? = nil,
        whereClause: Expression? = nil, groupBy: [Expression] = [], having: Expression? = nil,
        windows: [NamedWindow] = [], span: SourceSpan = SourceSpan()
    ) {
        self.distinct = distinct
        self.explicitAll = explicitAll
        self.columns = columns
        self.from = from
        self.whereClause = whereClause
        self.groupBy = groupBy
        self.having = having
        self.windows = windows
        self.span = span
    }
}

/// One item of a select list.
public enum ResultColumn: Sendable, Hashable {
    /// `*`.
    case all
    /// `t.*`.
    case allOf(table: Identifier)
    /// An expression with an optional alias; `explicitAs` records whether `AS` was written.
    case expression(Expression, alias: Identifier?, explicitAs: Bool)
}

/// `ORDER BY` term: expression, direction, and NULLS FIRST/LAST.
public struct OrderingTerm: Sendable, Hashable {
    /// The sort key.
    public var expression: Expression
    /// ASC or DESC, when written.
    public var direction: SortDirection?
    /// `NULLS FIRST` (`true`) / `NULLS LAST` (`false`).
    public var nullsFirst: Bool?

    public init(expression: Expression, direction: SortDirection? = nil, nullsFirst: Bool? = nil) {
        self.expression = expression
        self.direction = direction
        self.nullsFirst = nullsFirst
    }
}

/// `ASC` / `DESC`.
public enum SortDirection: String, Sendable, Hashable {
    case ascending = "ASC"
    case descending = "DESC"
}

/// `LIMIT count [OFFSET offset]`, or SQLite's `LIMIT offset, count`.
public struct Limit: Sendable, Hashable {
    /// The row count.
    public var count: Expression
    /// Rows skipped before the first one returned.
    public var offset: Expression?
    /// Written as `LIMIT offset, count`.
    public var commaForm: Bool

    public init(count: Expression, offset: Expression? = nil, commaForm: Bool = false) {
        self.count = count
        self.offset = offset
        self.commaForm = commaForm
    }
}
