/// A SQL value expression with its source span.
///
/// ```swift
/// let e = try SQLParser.parseExpression("count(DISTINCT T1.name) > 2")
/// if case .binary(.greaterThan, let lhs, _) = e.kind { print(lhs) }
/// ```
public struct Expression: Sendable, Hashable {
    /// What the expression is.
    public var kind: Kind
    /// Where the expression is in the source text.
    public var span: SourceSpan

    public init(_ kind: Kind, span: SourceSpan = SourceSpan()) {
        self.kind = kind
        self.span = span
    }

    /// The shapes an expression can take.
    public indirect enum Kind: Sendable, Hashable {
        case literal(Literal)
        /// A column reference `[schema.][table.]column`.
        case column(ColumnReference)
        /// `*` or `t.*`: in a select list, or as the argument of `count(*)`.
        case star(table: Identifier?)
        case parameter(String)
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        case function(FunctionCall)
        /// `CAST(expression AS type)`; the type name is kept as written.
        case cast(Expression, type: String)
        case caseWhen(CaseExpression)
        case between(Expression, low: Expression, high: Expression, negated: Bool)
        /// `LIKE`, `GLOB`, `REGEXP`, `MATCH`, with an optional `ESCAPE`.
        case pattern(PatternOperator, Expression, Expression, escape: Expression?, negated: Bool)
        case inList(Expression, [Expression], negated: Bool)
        case inSubquery(Expression, SelectStatement, negated: Bool)
        /// `IS NULL` / `IS NOT NULL` (also `ISNULL`, `NOTNULL`, `NOT NULL`).
        case isNull(Expression, negated: Bool)
        /// `a IS [NOT] b` and `a IS [NOT] DISTINCT FROM b`.
        case isComparison(Expression, Expression, negated: Bool, distinctFrom: Bool)
        case exists(SelectStatement, negated: Bool)
        /// A scalar subquery `(SELECT ...)`.
        case subquery(SelectStatement)
        case collate(Expression, collation: String)
        /// A row value `(a, b, ...)` with at least two elements.
        case row([Expression])
    }
}

/// A literal value as written.
public enum Literal: Sendable, Hashable {
    /// An integer, kept as written (`42`, `0x1F`).
    case integer(String)
    /// A real, kept as written (`1.5`, `.5`, `1e3`).
    case real(String)
    case string(String)
    /// A blob's hex digits, `X'ABCD'`.
    case blob(String)
    case null
    case boolean(Bool)
    /// `CURRENT_TIME`, `CURRENT_DATE` or `CURRENT_TIMESTAMP`.
    case currentTime(String)
}

/// A possibly qualified column name.
public struct ColumnReference: Sendable, Hashable {
    /// The schema (database) qualifier, as in `main.t.a`.
    public var schema: Identifier?
    /// The table or alias qualifier, as in `T1.a`.
    public var table: Identifier?
    /// The column name.
    public var column: Identifier

    public init(schema: Identifier? = nil, table: Identifier? = nil, column: Identifier) {
        self.schema = schema
        self.table = table
        self.column = column
    }
}

/// Prefix operators.
public enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-"
    case plus = "+"
    case bitwiseNot = "~"
    case not = "NOT"
}

/// Infix operators, spelled as the SQLite printer writes them (`==` reads as `=`, `<>` as `!=`).
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case concatenate = "||"
    case extract = "->"
    case extractText = "->>"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"
    case add = "+"
    case subtract = "-"
    case bitwiseAnd = "&"
    case bitwiseOr = "|"
    case shiftLeft = "<<"
    case shiftRight = ">>"
    case lessThan = "<"
    case lessThanOrEqual = "<="
    case greaterThan = ">"
    case greaterThanOrEqual = ">="
    case equal = "="
    case notEqual = "!="
    case and = "AND"
    case or = "OR"

    /// SQLite's binding strength: higher binds tighter.
    public var precedence: Int {
        switch self {
        case .concatenate, .extract, .extractText: 9
        case .multiply, .divide, .modulo: 8
        case .add, .subtract: 7
        case .bitwiseAnd, .bitwiseOr, .shiftLeft, .shiftRight: 6
        case .lessThan, .lessThanOrEqual, .greaterThan, .greaterThanOrEqual: 5
        case .equal, .notEqual: 4
        case .and: 2
        case .or: 1
        }
    }
}

/// The pattern-matching operators.
public enum PatternOperator: String, Sendable, Hashable, CaseIterable {
    case like = "LIKE"
    case glob = "GLOB"
    case regexp = "REGEXP"
    case match = "MATCH"
}

/// A function call, aggregate or window function.
public struct FunctionCall: Sendable, Hashable {
    /// The function name as written.
    public var name: Identifier
    /// `count(DISTINCT x)`.
    public var distinct: Bool
    /// The arguments; `count(*)` has a single `.star(table: nil)`.
    public var arguments: [Expression]
    /// `FILTER (WHERE ...)`.
    public var filter: Expression?
    /// `OVER (...)` or `OVER name`.
    public var over: WindowSpecification?
    /// `ORDER BY` inside an aggregate's parentheses (PostgreSQL, SQLite 3.44+): `jsonb_agg(x ORDER BY k)`.
    public var orderBy: [OrderingTerm]

    public init(
        name: Identifier, distinct: Bool = false, arguments: [Expression], filter: Expression? = nil,
        over: WindowSpecification? = nil, orderBy: [OrderingTerm] = []
    ) {
        self.name = name
        self.distinct = distinct
        self.arguments = arguments
        self.filter = filter
        self.over = over
        self.orderBy = orderBy
    }

    /// Whether this is one of the five aggregates the Spider evaluator knows (max, min, count, sum, avg).
    public var isSpiderAggregate: Bool {
        ["max", "min", "count", "sum", "avg"].contains(name.normalized) && over == nil
    }
}

/// `CASE [operand] WHEN .. THEN .. [ELSE ..] END`.
public struct CaseExpression: Sendable, Hashable {
    /// The value compared with each WHEN, for the simple form `CASE x WHEN ...`.
    public var operand: Expression?
    /// The WHEN ... THEN ... branches, in order.
    public var branches: [Branch]
    /// The ELSE result.
    public var elseResult: Expression?

    /// One `WHEN condition THEN result`.
    public struct Branch: Sendable, Hashable {
        /// The WHEN condition (or value, in the simple form).
        public var condition: Expression
        /// The THEN result.
        public var result: Expression

        public init(condition: Expression, result: Expression) {
            self.condition = condition
            self.result = result
        }
    }

    public init(operand: Expression?, branches: [Branch], elseResult: Expression?) {
        self.operand = operand
        self.branches = branches
        self.elseResult = elseResult
    }
}
