/// An item of a FROM clause: a table, a subquery, a table-valued function, or a join of two items.
///
/// ```swift
/// // FROM singer AS T1 JOIN concert AS T2 ON T1.id = T2.singer_id
/// .join(Join(left: .table(...), op: JoinOperator(kind: .plain), right: .table(...), constraint: .on(...)))
/// ```
public indirect enum TableReference: Sendable, Hashable {
    case table(name: QualifiedName, alias: TableAlias?)
    case subquery(SelectStatement, alias: TableAlias?)
    case function(FunctionCall, alias: TableAlias?)
    case join(Join)
    /// `( join )` written with parentheses.
    case parenthesized(TableReference)

    /// The tables and subqueries of this reference, left to right.
    public var leaves: [TableReference] {
        switch self {
        case .table, .subquery, .function: [self]
        case .join(let join): join.left.leaves + join.right.leaves
        case .parenthesized(let inner): inner.leaves
        }
    }
}

/// `[schema.]name`.
public struct QualifiedName: Sendable, Hashable {
    /// The schema (database) qualifier.
    public var schema: Identifier?
    /// The name.
    public var name: Identifier
    /// Where the name is in the source text.
    public var span: SourceSpan

    public init(schema: Identifier? = nil, name: Identifier, span: SourceSpan = SourceSpan()) {
        self.schema = schema
        self.name = name
        self.span = span
    }
}

/// A table alias, and whether `AS` was written before it.
public struct TableAlias: Sendable, Hashable {
    /// The name.
    public var name: Identifier
    /// Whether `AS` was written.
    public var explicitAs: Bool

    public init(_ name: Identifier, explicitAs: Bool = true) {
        self.name = name
        self.explicitAs = explicitAs
    }
}

/// `left op right [ON ... | USING (...)]`.
public struct Join: Sendable, Hashable {
    /// The left operand.
    public var left: TableReference
    /// The join operator.
    public var op: JoinOperator
    /// The right operand.
    public var right: TableReference
    /// The ON or USING constraint.
    public var constraint: JoinConstraint?
    /// Where the join (from its left operand to its constraint) is in the source text.
    public var span: SourceSpan

    public init(
        left: TableReference, op: JoinOperator, right: TableReference, constraint: JoinConstraint? = nil,
        span: SourceSpan = SourceSpan()
    ) {
        self.left = left
        self.op = op
        self.right = right
        self.constraint = constraint
        self.span = span
    }
}

/// The join operator as written: `,`, `JOIN`, `INNER JOIN`, `LEFT [OUTER] JOIN`, `NATURAL ...`, `CROSS JOIN`.
public struct JoinOperator: Sendable, Hashable {
    /// `NATURAL` was written.
    public var natural: Bool
    /// The kind of join.
    public var kind: Kind
    /// `OUTER` written after LEFT/RIGHT/FULL.
    public var outer: Bool

    /// The join kinds.
    public enum Kind: String, Sendable, Hashable {
        case comma = ","
        case plain = "JOIN"
        case inner = "INNER"
        case cross = "CROSS"
        case left = "LEFT"
        case right = "RIGHT"
        case full = "FULL"
    }

    public init(natural: Bool = false, kind: Kind, outer: Bool = false) {
        self.natural = natural
        self.kind = kind
        self.outer = outer
    }
}

/// `ON condition` or `USING (columns)`.
public enum JoinConstraint: Sendable, Hashable {
    case on(Expression)
    case using([Identifier])
}
