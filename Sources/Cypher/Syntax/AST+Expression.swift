import QuiverCore

/// A Cypher expression: its `kind` and the source range it was parsed from.
///
/// Operators are nested by precedence, loosest first: `OR`, `XOR`, `AND`, `NOT`, comparison
/// (`=`, `<>`, `<`, `<=`, `>`, `>=`; a chain `a < b < c` is parsed as `a < b AND b < c`), then
/// the string/list/null predicates (`STARTS WITH`, `ENDS WITH`, `CONTAINS`, `IN`, `=~`, `IS [NOT] NULL`),
/// `+ -`, `* / %`, `^`, unary `- +`, then postfix property access, subscripts, slices and label tests.
///
/// ```swift
/// let query = try CypherParser.parse("RETURN 1 + 2 * 3 AS x")
/// // the item's expression is .binary(.add, 1, .binary(.multiply, 2, 3))
/// ```
public struct Expression: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        /// `null`, `true`, `42`, `1.5`, `'text'`; negative number literals are folded (`-1`).
        case literal(Literal)
        /// `$name` (a numbered `$0` keeps its digits as the name).
        case parameter(String)
        /// A variable reference.
        case variable(String)
        /// `subject.key`.
        case property(Expression, key: String)
        /// `subject[index]`: list element or map/entity value by dynamic key (decided at run time).
        case `subscript`(Expression, index: Expression)
        /// `subject[from..to]`, either bound optional.
        case slice(Expression, from: Expression?, to: Expression?)
        /// `subject:Label:Other` (all labels required).
        case hasLabels(Expression, labels: [String])
        /// `NOT e`, `-e`, `+e`.
        case unary(UnaryOperator, Expression)
        /// `lhs op rhs` for every binary operator.
        case binary(BinaryOperator, Expression, Expression)
        /// `e IS NULL` (`negated: false`) or `e IS NOT NULL` (`negated: true`).
        case isNull(Expression, negated: Bool)
        /// `e IS :: T` (`negated: false`) or `e IS NOT :: T` (`negated: true`), also written
        /// `IS [NOT] TYPED T` and `e :: T`: whether the value is of the type (always true or false).
        case typePredicate(Expression, ValueType, negated: Bool)
        /// `[e, …]`.
        case list([Expression])
        /// `{key: e, …}`; keys in source order.
        case map([MapEntry])
        /// `CASE [subject] WHEN … THEN … [ELSE …] END`.
        case caseExpression(CaseExpression)
        /// `name(args)`, `ns.name(DISTINCT args)`.
        case functionCall(FunctionCall)
        /// `count(*)`.
        case countStar
        /// `[x IN list WHERE predicate | projection]`.
        case listComprehension(ListComprehension)
        /// `[p = (a)-->(b) WHERE predicate | projection]`.
        case patternComprehension(PatternComprehension)
        /// `all/any/none/single(x IN list WHERE predicate)`.
        case quantifier(Quantifier)
        /// `reduce(acc = initial, x IN list | expression)`.
        case reduce(Reduce)
        /// A pattern used as an expression, e.g. `WHERE (a)-->(b)`; as a predicate it is true when
        /// at least one path matches (`exists((a)-->(b))` is a `functionCall` named `exists`
        /// whose single argument has this kind).
        case pattern(PathPattern)
        /// `EXISTS { MATCH … [WHERE …] }` or `EXISTS { (a)-->(b) [WHERE …] }`; the short form is
        /// stored as a query of one MATCH clause. The query may have no RETURN.
        case existsSubquery(Query)
        /// `COUNT { … }` with a full query (the pattern-only form is read as a pattern comprehension).
        case countSubquery(Query)
        /// `COLLECT { … RETURN x }`: the list of the subquery's single column.
        case collectSubquery(Query)
        /// `variable{.key, key: e, .*, other}`.
        case mapProjection(MapProjection)
        /// `shortestPath((a)-[*]-(b))` / `allShortestPaths(…)` used as an expression.
        case shortestPath(PatternPart)
    }

    /// What kind of node this is, with its parts.
    public var kind: Kind
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// A literal constant.
public enum Literal: Sendable, Hashable {
    /// The `null` case.
    case null
    /// The `boolean` case.
    case boolean(Bool)
    /// The `integer` case.
    case integer(Int64)
    /// The `float` case.
    case float(Double)
    /// The `string` case.
    case string(String)
}

/// Prefix operators.
public enum UnaryOperator: String, Sendable, Hashable {
    /// The `not` case.
    case not = "NOT"
    /// The `minus` case.
    case minus = "-"
    /// The `plus` case.
    case plus = "+"
}

/// Infix operators; `rawValue` is the operator as written in upper case.
public enum BinaryOperator: String, Sendable, Hashable {
    /// The `or` case.
    case or = "OR"
    /// The `xor` case.
    case xor = "XOR"
    /// The `and` case.
    case and = "AND"
    /// The `equal` case.
    case equal = "="
    /// The `notEqual` case.
    case notEqual = "<>"
    /// The `less` case.
    case less = "<"
    /// The `lessOrEqual` case.
    case lessOrEqual = "<="
    /// The `greater` case.
    case greater = ">"
    /// The `greaterOrEqual` case.
    case greaterOrEqual = ">="
    /// The `startsWith` case.
    case startsWith = "STARTS WITH"
    /// The `endsWith` case.
    case endsWith = "ENDS WITH"
    /// The `contains` case.
    case contains = "CONTAINS"
    /// The `in` case.
    case `in` = "IN"
    /// The `regexMatch` case.
    case regexMatch = "=~"
    /// The `add` case.
    case add = "+"
    /// The `subtract` case.
    case subtract = "-"
    /// The `multiply` case.
    case multiply = "*"
    /// The `divide` case.
    case divide = "/"
    /// The `modulo` case.
    case modulo = "%"
    /// The `power` case.
    case power = "^"

    /// Whether the operator is one of the six comparisons.
    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }
}

/// One `key: value` entry of a map literal.
public struct MapEntry: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value.
    public var value: Expression
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(key: String, value: Expression, range: SourceRange) {
        self.key = key
        self.value = value
        self.range = range
    }
}

/// `CASE [subject] WHEN w THEN t … [ELSE e] END`; with a subject each `when` is compared to it
/// by equality, without one each `when` is a predicate.
public struct CaseExpression: Sendable, Hashable {
    /// The expression compared against each `WHEN`, for the simple form.
    public var subject: Expression?
    /// The `WHEN … THEN …` pairs, in order.
    public var alternatives: [CaseAlternative]
    /// The `ELSE` expression, if any.
    public var defaultValue: Expression?

    /// Creates the value from its parts.
    public init(subject: Expression?, alternatives: [CaseAlternative], defaultValue: Expression?) {
        self.subject = subject
        self.alternatives = alternatives
        self.defaultValue = defaultValue
    }
}

/// One `WHEN condition THEN result` of a CASE.
public struct CaseAlternative: Sendable, Hashable {
    /// The `WHEN` expression.
    public var condition: Expression
    /// The `THEN` expression.
    public var result: Expression

    /// Creates the value from its parts.
    public init(condition: Expression, result: Expression) {
        self.condition = condition
        self.result = result
    }
}

/// A function invocation `ns.name([DISTINCT] args)`.
public struct FunctionCall: Sendable, Hashable {
    /// Namespace parts before the name, e.g. `["a", "b"]` for `a.b.c()`; empty for most functions.
    public var namespace: [String]
    /// The function name as written (case kept; function names are case-insensitive).
    public var name: String
    /// Whether `DISTINCT` was written.
    public var distinct: Bool
    /// The arguments, in source order.
    public var arguments: [Expression]

    /// Creates the value from its parts.
    public init(namespace: [String], name: String, distinct: Bool, arguments: [Expression]) {
        self.namespace = namespace
        self.name = name
        self.distinct = distinct
        self.arguments = arguments
    }

    /// The dotted name as written, e.g. `apoc.coll.toSet`, for messages.
    public var qualifiedName: String { (namespace + [name]).joined(separator: ".") }

    /// The dotted name in lower case, e.g. `tolower` or `a.b.c`, for looking the function up.
    public var lookupName: String { (namespace + [name]).joined(separator: ".").lowercased() }
}

/// `[variable IN source WHERE predicate | projection]`; without a projection the element itself.
public struct ListComprehension: Sendable, Hashable {
    /// The variable the node binds or refers to, if any.
    public var variable: Variable
    /// The list iterated over.
    public var source: Expression
    /// The `WHERE` condition, if any.
    public var predicate: Expression?
    /// The projected items and their modifiers.
    public var projection: Expression?

    /// Creates the value from its parts.
    public init(variable: Variable, source: Expression, predicate: Expression?, projection: Expression?) {
        self.variable = variable
        self.source = source
        self.predicate = predicate
        self.projection = projection
    }
}

/// `[[p =] pattern WHERE predicate | projection]`: one projected value per matching path.
public struct PatternComprehension: Sendable, Hashable {
    /// The path variable of `p = …`, if any.
    public var variable: Variable?
    /// The pattern.
    public var pattern: PathPattern
    /// The `WHERE` condition, if any.
    public var predicate: Expression?
    /// The projected items and their modifiers.
    public var projection: Expression

    /// Creates the value from its parts.
    public init(variable: Variable?, pattern: PathPattern, predicate: Expression?, projection: Expression) {
        self.variable = variable
        self.pattern = pattern
        self.predicate = predicate
        self.projection = projection
    }
}

/// `all/any/none/single(variable IN source WHERE predicate)`.
public struct Quantifier: Sendable, Hashable {
    /// Which quantifier.
    public enum Kind: String, Sendable, Hashable { case all, any, none, single }
    /// What kind of node this is, with its parts.
    public var kind: Kind
    /// The variable the node binds or refers to, if any.
    public var variable: Variable
    /// The list iterated over.
    public var source: Expression
    /// The predicate; `nil` when no WHERE was written (each element is then its own predicate).
    public var predicate: Expression?

    /// Creates the value from its parts.
    public init(kind: Kind, variable: Variable, source: Expression, predicate: Expression?) {
        self.kind = kind
        self.variable = variable
        self.source = source
        self.predicate = predicate
    }
}

/// `reduce(accumulator = initial, variable IN source | expression)`.
public struct Reduce: Sendable, Hashable {
    /// The accumulator variable.
    public var accumulator: Variable
    /// The accumulator's initial value.
    public var initial: Expression
    /// The variable the node binds or refers to, if any.
    public var variable: Variable
    /// The list iterated over.
    public var source: Expression
    /// The expression.
    public var expression: Expression

    /// Creates the value from its parts.
    public init(accumulator: Variable, initial: Expression, variable: Variable, source: Expression, expression: Expression) {
        self.accumulator = accumulator
        self.initial = initial
        self.variable = variable
        self.source = source
        self.expression = expression
    }
}

/// `variable{items}`: a map built from an entity or map.
public struct MapProjection: Sendable, Hashable {
    /// The variable the node binds or refers to, if any.
    public var variable: Variable
    /// The items, in source order.
    public var items: [MapProjectionItem]

    /// Creates the value from its parts.
    public init(variable: Variable, items: [MapProjectionItem]) {
        self.variable = variable
        self.items = items
    }
}

/// One item of a map projection.
public enum MapProjectionItem: Sendable, Hashable {
    /// `.key`: the subject's property `key`.
    case property(String)
    /// `.*`: every property of the subject.
    case allProperties
    /// `name`: the variable `name` under key `name`.
    case variable(Variable)
    /// `key: expression`.
    case entry(key: String, value: Expression)
}
