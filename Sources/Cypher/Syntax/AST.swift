import QuiverCore

// The Cypher abstract syntax tree: queries and clauses.
//
// Shape, top down:
//
//   Query            one statement: a `SingleQuery`, then zero or more `Union`s (`UNION [ALL] …`)
//   SingleQuery      an ordered list of `Clause`s (reading, updating, projecting)
//   Clause           MATCH / OPTIONAL MATCH, UNWIND, WITH, RETURN, CREATE, MERGE, SET, REMOVE,
//                    DELETE / DETACH DELETE, CALL … YIELD, LOAD CSV
//   Pattern          comma-separated `PatternPart`s (see AST+Pattern.swift)
//   Expression       a struct of `Expression.Kind` and `SourceRange` (see AST+Expression.swift)
//
// Every node is a `Sendable`, `Hashable` value and carries the `SourceRange` of the text it came
// from, so later passes (semantic analysis, planning, graph edit distance) can point at the source.
// The tree is stable: new cases and fields are added, existing ones are not renamed.

/// A whole Cypher statement: one single query, or several joined by `UNION` / `UNION ALL`.
///
/// ```swift
/// let query = try CypherParser.parse("MATCH (n) RETURN n UNION MATCH (m) RETURN m AS n")
/// query.unions.count   // 1
/// ```
public struct Query: Sendable, Hashable {
    /// The first (and often only) single query.
    public var first: SingleQuery
    /// The queries joined to `first` by `UNION` / `UNION ALL`, in source order.
    public var unions: [Union]
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(first: SingleQuery, unions: [Union] = [], range: SourceRange) {
        self.first = first
        self.unions = unions
        self.range = range
    }

    /// All single queries, `first` then each union's query.
    public var parts: [SingleQuery] { [first] + unions.map(\.query) }
}

/// One `UNION [ALL] <single query>` tail of a `Query`.
public struct Union: Sendable, Hashable {
    /// `true` for `UNION ALL` (keep duplicates), `false` for `UNION` (distinct rows).
    public var all: Bool
    /// The query.
    public var query: SingleQuery
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(all: Bool, query: SingleQuery, range: SourceRange) {
        self.all = all
        self.query = query
        self.range = range
    }
}

/// A sequence of clauses without `UNION`, e.g. `MATCH (n) WITH n.x AS x RETURN x`.
public struct SingleQuery: Sendable, Hashable {
    /// The clauses, in source order.
    public var clauses: [Clause]
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(clauses: [Clause], range: SourceRange) {
        self.clauses = clauses
        self.range = range
    }
}

/// One clause of a single query.
public enum Clause: Sendable, Hashable {
    /// The `match` case.
    case match(Match)
    /// The `unwind` case.
    case unwind(Unwind)
    /// The `with` case.
    case with(With)
    /// The `return` case.
    case `return`(Return)
    /// The `create` case.
    case create(Create)
    /// The `merge` case.
    case merge(Merge)
    /// The `set` case.
    case set(SetClause)
    /// The `remove` case.
    case remove(Remove)
    /// The `delete` case.
    case delete(Delete)
    /// The `call` case.
    case call(Call)
    /// The `LOAD CSV` case.
    case loadCSV(LoadCSV)
    /// `CALL { … }`, a subquery per row.
    case subquery(CallSubquery)

    /// The source range of the clause, keyword included.
    public var range: SourceRange {
        switch self {
        case .match(let c): c.range
        case .unwind(let c): c.range
        case .with(let c): c.range
        case .return(let c): c.range
        case .create(let c): c.range
        case .merge(let c): c.range
        case .set(let c): c.range
        case .remove(let c): c.range
        case .delete(let c): c.range
        case .call(let c): c.range
        case .loadCSV(let c): c.range
        case .subquery(let c): c.range
        }
    }

    /// The clause keyword as written in upper case (`OPTIONAL MATCH`, `DETACH DELETE`, …), for messages.
    public var name: String {
        switch self {
        case .match(let c): c.optional ? "OPTIONAL MATCH" : "MATCH"
        case .unwind: "UNWIND"
        case .with: "WITH"
        case .return: "RETURN"
        case .create: "CREATE"
        case .merge: "MERGE"
        case .set: "SET"
        case .remove: "REMOVE"
        case .delete(let c): c.detach ? "DETACH DELETE" : "DELETE"
        case .call: "CALL"
        case .loadCSV: "LOAD CSV"
        case .subquery: "CALL { }"
        }
    }
}

/// `[OPTIONAL] MATCH pattern [WHERE predicate]`.
public struct Match: Sendable, Hashable {
    /// Whether this is `OPTIONAL MATCH`.
    public var optional: Bool
    /// The pattern.
    public var pattern: Pattern
    /// The `WHERE` condition, if any.
    public var predicate: Expression?
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(optional: Bool, pattern: Pattern, predicate: Expression?, range: SourceRange) {
        self.optional = optional
        self.pattern = pattern
        self.predicate = predicate
        self.range = range
    }
}

/// `UNWIND expression AS variable`.
public struct Unwind: Sendable, Hashable {
    /// The expression.
    public var expression: Expression
    /// The variable the node binds or refers to, if any.
    public var variable: Variable
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(expression: Expression, variable: Variable, range: SourceRange) {
        self.expression = expression
        self.variable = variable
        self.range = range
    }
}

/// `WITH projection [WHERE predicate]`; the predicate sees the projected names.
public struct With: Sendable, Hashable {
    /// The projected items and their modifiers.
    public var projection: Projection
    /// The `WHERE` condition, if any.
    public var predicate: Expression?
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(projection: Projection, predicate: Expression?, range: SourceRange) {
        self.projection = projection
        self.predicate = predicate
        self.range = range
    }
}

/// `RETURN projection`.
public struct Return: Sendable, Hashable {
    /// The projected items and their modifiers.
    public var projection: Projection
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(projection: Projection, range: SourceRange) {
        self.projection = projection
        self.range = range
    }
}

/// The body shared by WITH and RETURN: `[DISTINCT] [*,] items [ORDER BY …] [SKIP e] [LIMIT e]`.
public struct Projection: Sendable, Hashable {
    /// Whether `DISTINCT` was written.
    public var distinct: Bool
    /// `true` when the item list starts with `*` (project every variable in scope).
    public var includesAll: Bool
    /// The items, in source order.
    public var items: [ProjectionItem]
    /// The `ORDER BY` keys, in priority order.
    public var orderBy: [SortItem]
    /// The `SKIP` expression, if any.
    public var skip: Expression?
    /// The `LIMIT` expression, if any.
    public var limit: Expression?
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(
        distinct: Bool, includesAll: Bool, items: [ProjectionItem], orderBy: [SortItem] = [],
        skip: Expression? = nil, limit: Expression? = nil, range: SourceRange
    ) {
        self.distinct = distinct
        self.includesAll = includesAll
        self.items = items
        self.orderBy = orderBy
        self.skip = skip
        self.limit = limit
        self.range = range
    }
}

/// One projected column: `expression [AS alias]`, with the expression's text as written.
public struct ProjectionItem: Sendable, Hashable {
    /// The expression.
    public var expression: Expression
    /// The `AS` name, if any.
    public var alias: Variable?
    /// The expression's source text exactly as written (spacing kept), e.g. `count(*)`, `a + 1`.
    public var text: String
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(expression: Expression, alias: Variable?, text: String, range: SourceRange) {
        self.expression = expression
        self.alias = alias
        self.text = text
        self.range = range
    }

    /// The result column name: the alias if given, else the expression text as written.
    public var columnName: String { alias?.name ?? text }
}

/// One `ORDER BY` key: `expression [ASC|ASCENDING|DESC|DESCENDING]`.
///
/// `NULLS FIRST` / `NULLS LAST` that differ from the direction's default (nulls last ascending, first
/// descending) are read as one more key before this one, `expression IS NULL` in the order that puts
/// nulls where asked: `ORDER BY x NULLS FIRST` sorts as `ORDER BY x IS NULL DESC, x`.
public struct SortItem: Sendable, Hashable {
    /// The expression.
    public var expression: Expression
    /// Whether the order is ascending (`ASC`, the default) rather than descending.
    public var ascending: Bool
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(expression: Expression, ascending: Bool, range: SourceRange) {
        self.expression = expression
        self.ascending = ascending
        self.range = range
    }
}

/// A variable name as written (backticks removed), with its position.
public struct Variable: Sendable, Hashable {
    /// The name as written (backticks removed).
    public var name: String
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }
}
