import QuiverCore

// The Cypher abstract syntax tree: queries and clauses.
//
// Shape, top down:
//
//   Query            one statement: a `SingleQuery`, then zero or more `Union`s (`UNION [ALL] …`)
//   SingleQuery      an ordered list of `Clause`s (reading, updating, projecting)
//   Clause           MATCH / OPTIONAL MATCH, UNWIND, WITH, RETURN, CREATE, MERGE, SET, REMOVE,
//                    DELETE / DETACH DELETE, CALL … YIELD
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
    public var range: SourceRange

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
    public var query: SingleQuery
    public var range: SourceRange

    public init(all: Bool, query: SingleQuery, range: SourceRange) {
        self.all = all
        self.query = query
        self.range = range
    }
}

/// A sequence of clauses without `UNION`, e.g. `MATCH (n) WITH n.x AS x RETURN x`.
public struct SingleQuery: Sendable, Hashable {
    public var clauses: [Clause]
    public var range: SourceRange

    public init(clauses: [Clause], range: SourceRange) {
        self.clauses = clauses
        self.range = range
    }
}

/// One clause of a single query.
public enum Clause: Sendable, Hashable {
    case match(Match)
    case unwind(Unwind)
    case with(With)
    case `return`(Return)
    case create(Create)
    case merge(Merge)
    case set(SetClause)
    case remove(Remove)
    case delete(Delete)
    case call(Call)

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
        }
    }
}

/// `[OPTIONAL] MATCH pattern [WHERE predicate]`.
public struct Match: Sendable, Hashable {
    public var optional: Bool
    public var pattern: Pattern
    public var predicate: Expression?
    public var range: SourceRange

    public init(optional: Bool, pattern: Pattern, predicate: Expression?, range: SourceRange) {
        self.optional = optional
        self.pattern = pattern
        self.predicate = predicate
        self.range = range
    }
}

/// `UNWIND expression AS variable`.
public struct Unwind: Sendable, Hashable {
    public var expression: Expression
    public var variable: Variable
    public var range: SourceRange

    public init(expression: Expression, variable: Variable, range: SourceRange) {
        self.expression = expression
        self.variable = variable
        self.range = range
    }
}

/// `WITH projection [WHERE predicate]`; the predicate sees the projected names.
public struct With: Sendable, Hashable {
    public var projection: Projection
    public var predicate: Expression?
    public var range: SourceRange

    public init(projection: Projection, predicate: Expression?, range: SourceRange) {
        self.projection = projection
        self.predicate = predicate
        self.range = range
    }
}

/// `RETURN projection`.
public struct Return: Sendable, Hashable {
    public var projection: Projection
    public var range: SourceRange

    public init(projection: Projection, range: SourceRange) {
        self.projection = projection
        self.range = range
    }
}

/// The body shared by WITH and RETURN: `[DISTINCT] [*,] items [ORDER BY …] [SKIP e] [LIMIT e]`.
public struct Projection: Sendable, Hashable {
    public var distinct: Bool
    /// `true` when the item list starts with `*` (project every variable in scope).
    public var includesAll: Bool
    public var items: [ProjectionItem]
    public var orderBy: [SortItem]
    public var skip: Expression?
    public var limit: Expression?
    public var range: SourceRange

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
    public var expression: Expression
    public var alias: Variable?
    /// The expression's source text exactly as written (spacing kept), e.g. `count(*)`, `a + 1`.
    public var text: String
    public var range: SourceRange

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
public struct SortItem: Sendable, Hashable {
    public var expression: Expression
    public var ascending: Bool
    public var range: SourceRange

    public init(expression: Expression, ascending: Bool, range: SourceRange) {
        self.expression = expression
        self.ascending = ascending
        self.range = range
    }
}

/// `CREATE pattern`.
public struct Create: Sendable, Hashable {
    public var pattern: Pattern
    public var range: SourceRange

    public init(pattern: Pattern, range: SourceRange) {
        self.pattern = pattern
        self.range = range
    }
}

/// `MERGE patternPart [ON CREATE SET …] [ON MATCH SET …]…`.
public struct Merge: Sendable, Hashable {
    public var part: PatternPart
    public var actions: [MergeAction]
    public var range: SourceRange

    public init(part: PatternPart, actions: [MergeAction], range: SourceRange) {
        self.part = part
        self.actions = actions
        self.range = range
    }
}

/// One `ON CREATE SET …` or `ON MATCH SET …` of a MERGE.
public struct MergeAction: Sendable, Hashable {
    /// When the action runs.
    public enum Trigger: Sendable, Hashable { case onCreate, onMatch }
    public var trigger: Trigger
    public var items: [SetItem]
    public var range: SourceRange

    public init(trigger: Trigger, items: [SetItem], range: SourceRange) {
        self.trigger = trigger
        self.items = items
        self.range = range
    }
}

/// `SET item, item, …`.
public struct SetClause: Sendable, Hashable {
    public var items: [SetItem]
    public var range: SourceRange

    public init(items: [SetItem], range: SourceRange) {
        self.items = items
        self.range = range
    }
}

/// One assignment of SET (also used by MERGE actions).
public struct SetItem: Sendable, Hashable {
    /// What the item does.
    public enum Kind: Sendable, Hashable {
        /// `target.key = value`; `target` is any expression (usually a variable).
        case property(target: Expression, key: String, value: Expression)
        /// `variable = value`: replace all properties with the map (or entity) `value`.
        case replaceProperties(variable: Variable, value: Expression)
        /// `variable += value`: add/overwrite properties from the map `value`.
        case mergeProperties(variable: Variable, value: Expression)
        /// `variable:Label:Other`: add labels.
        case labels(variable: Variable, labels: [String])
    }
    public var kind: Kind
    public var range: SourceRange

    public init(kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// `REMOVE item, item, …`.
public struct Remove: Sendable, Hashable {
    public var items: [RemoveItem]
    public var range: SourceRange

    public init(items: [RemoveItem], range: SourceRange) {
        self.items = items
        self.range = range
    }
}

/// One item of REMOVE.
public struct RemoveItem: Sendable, Hashable {
    /// What the item removes.
    public enum Kind: Sendable, Hashable {
        /// `target.key`: remove a property.
        case property(target: Expression, key: String)
        /// `variable:Label:Other`: remove labels.
        case labels(variable: Variable, labels: [String])
    }
    public var kind: Kind
    public var range: SourceRange

    public init(kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// `[DETACH] DELETE expression, …`.
public struct Delete: Sendable, Hashable {
    public var detach: Bool
    public var expressions: [Expression]
    public var range: SourceRange

    public init(detach: Bool, expressions: [Expression], range: SourceRange) {
        self.detach = detach
        self.expressions = expressions
        self.range = range
    }
}

/// `CALL ns.name(args) [YIELD field [AS alias], … [WHERE predicate]]`, in a query or standalone.
public struct Call: Sendable, Hashable {
    /// The namespace parts before the procedure name, e.g. `["db"]` for `db.labels`.
    public var namespace: [String]
    public var name: String
    /// The arguments, or `nil` when written without parentheses (`CALL db.labels`): implicit
    /// arguments taken from parameters of the same names.
    public var arguments: [Expression]?
    /// The YIELD part, or `nil` when absent (standalone CALL yields every output field).
    public var yield: Yield?
    public var range: SourceRange

    public init(namespace: [String], name: String, arguments: [Expression]?, yield: Yield?, range: SourceRange) {
        self.namespace = namespace
        self.name = name
        self.arguments = arguments
        self.yield = yield
        self.range = range
    }

    /// The dotted name, e.g. `db.labels`.
    public var qualifiedName: String { (namespace + [name]).joined(separator: ".") }
}

/// `YIELD *` or `YIELD field [AS alias], … [WHERE predicate]` of a CALL.
public struct Yield: Sendable, Hashable {
    /// `true` for `YIELD *`.
    public var all: Bool
    public var items: [YieldItem]
    public var predicate: Expression?
    public var range: SourceRange

    public init(all: Bool, items: [YieldItem], predicate: Expression?, range: SourceRange) {
        self.all = all
        self.items = items
        self.predicate = predicate
        self.range = range
    }
}

/// One `field [AS alias]` of YIELD; the bound name is `alias ?? field`.
public struct YieldItem: Sendable, Hashable {
    public var field: String
    public var alias: Variable?
    public var range: SourceRange

    public init(field: String, alias: Variable?, range: SourceRange) {
        self.field = field
        self.alias = alias
        self.range = range
    }

    /// The variable the item binds.
    public var boundName: String { alias?.name ?? field }
}

/// A variable name as written (backticks removed), with its position.
public struct Variable: Sendable, Hashable {
    public var name: String
    public var range: SourceRange

    public init(name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }
}
