/// The Spider evaluator's view of a query (its `process_sql` dictionary), built from Quiver's AST.
///
/// Columns are canonical ids `__table.column__` (lower-cased) and `*` is `__all__`. Expressions the
/// official representation cannot hold (CASE, functions, longer arithmetic, ...) become opaque units
/// keyed by their normalised text, so Quiver can still compare them fairly.
public struct SpiderSQL: Sendable, Hashable {
    /// `SELECT DISTINCT` (dropped before exact matching, as the official evaluator does).
    public var distinct: Bool
    /// The select items.
    public var select: [SelectItem]
    /// The FROM items, in order.
    public var tableUnits: [TableUnit]
    /// JOIN ... ON conditions (never compared; used by hardness).
    public var fromConditions: [ConditionItem]
    /// The WHERE condition list.
    public var whereConditions: [ConditionItem]
    /// The GROUP BY columns.
    public var groupBy: [ColumnUnit]
    /// The HAVING condition list.
    public var having: [ConditionItem]
    /// `nil` when there is no ORDER BY; the official parser keeps only the last direction written.
    public var orderBy: OrderBy?
    /// Whether LIMIT is present (its value never counts).
    public var hasLimit: Bool
    /// The query after INTERSECT.
    public var intersect: Box?
    /// The query after UNION.
    public var union: Box?
    /// The query after EXCEPT.
    public var except: Box?

    public init() {
        distinct = false
        select = []
        tableUnits = []
        fromConditions = []
        whereConditions = []
        groupBy = []
        having = []
        orderBy = nil
        hasLimit = false
    }

    /// A reference wrapper so a query can hold its set-operation partner.
    public final class Box: Sendable, Hashable {
        /// The wrapped query.
        public let sql: SpiderSQL
        public init(_ sql: SpiderSQL) { self.sql = sql }
        public static func == (lhs: Box, rhs: Box) -> Bool { lhs.sql == rhs.sql }
        public func hash(into hasher: inout Hasher) { hasher.combine(sql) }
    }

    /// The official aggregate ids: none, max, min, count, sum, avg.
    public enum Aggregate: Int, Sendable, Hashable, Comparable {
        case none, max, min, count, sum, avg

        public static func < (lhs: Aggregate, rhs: Aggregate) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// `(agg_id, col_id, isDistinct)`.
    public struct ColumnUnit: Sendable, Hashable {
        /// The aggregate applied.
        public var aggregate: Aggregate
        /// `__table.column__`, `__all__`, or `expr:<text>` for an opaque expression.
        public var column: String
        /// DISTINCT inside the aggregate.
        public var distinct: Bool

        public init(aggregate: Aggregate = .none, column: String, distinct: Bool = false) {
            self.aggregate = aggregate
            self.column = column
            self.distinct = distinct
        }
    }

    /// `(unit_op, col_unit1, col_unit2)`; `op` is one of none, -, +, *, /.
    public struct ValueUnit: Sendable, Hashable {
        /// The operator name.
        public var op: String
        /// The first column unit.
        public var left: ColumnUnit
        /// The second column unit, after the operator.
        public var right: ColumnUnit?

        public init(op: String = "none", left: ColumnUnit, right: ColumnUnit? = nil) {
            self.op = op
            self.left = left
            self.right = right
        }
    }

    /// `(agg_id, val_unit)` of a select item.
    public struct SelectItem: Sendable, Hashable {
        /// The aggregate applied.
        public var aggregate: Aggregate
        /// The value unit the condition tests.
        public var value: ValueUnit
    }

    /// A condition's right-hand value: a literal, a column, or a nested query.
    public enum Operand: Sendable, Hashable {
        case number(Double)
        case string(String)
        case column(ColumnUnit)
        case query(Box)
        /// A value the official parser would not read (kept as text).
        case other(String)

        var query: SpiderSQL? {
            if case .query(let box) = self { return box.sql }
            return nil
        }
    }

    /// `(not_op, op_id, val_unit, val1, val2)`.
    public struct ConditionUnit: Sendable, Hashable {
        /// NOT written before the operator (`NOT IN`, `NOT LIKE`, `NOT BETWEEN`).
        public var not: Bool
        /// between, =, >, <, >=, <=, !=, in, like, is, exists (and glob, regexp, match, opaque).
        public var op: String
        /// The value unit the condition tests.
        public var value: ValueUnit
        /// The first value (dropped before matching unless a query).
        public var value1: Operand?
        /// The second value, for BETWEEN.
        public var value2: Operand?
    }

    /// A condition list alternates units and connectives: `[unit, "and", unit, "or", unit]`.
    public enum ConditionItem: Sendable, Hashable {
        case unit(ConditionUnit)
        case and
        case or

        var unit: ConditionUnit? {
            if case .unit(let unit) = self { return unit }
            return nil
        }
    }

    /// A FROM item: a table (`__name__`) or a subquery.
    public enum TableUnit: Sendable, Hashable, Comparable {
        case table(String)
        case query(Box)

        public static func < (lhs: TableUnit, rhs: TableUnit) -> Bool {
            switch (lhs, rhs) {
            case (.query, .table): return false
            case (.table, .query): return true
            case (.table(let a), .table(let b)): return a < b
            case (.query(let a), .query(let b)): return a.sql.hashValue < b.sql.hashValue
            }
        }
    }

    /// `(asc|desc, [val_unit])`.
    public struct OrderBy: Sendable, Hashable {
        /// `asc` or `desc`: the last direction written.
        public var direction: String
        /// The sort keys.
        public var values: [ValueUnit]
    }

    /// Condition units of a list, without the connectives.
    static func units(_ items: [ConditionItem]) -> [ConditionUnit] { items.compactMap(\.unit) }

    /// The connectives of a list, `"and"`/`"or"`.
    static func connectives(_ items: [ConditionItem]) -> [String] {
        items.compactMap {
            switch $0 {
            case .and: "and"
            case .or: "or"
            case .unit: nil
            }
        }
    }
}
