import QuiverCore

/// What a variable holds, as far as compile time can tell.
public enum VariableKind: String, Sendable, Hashable {
    /// Bound by a node pattern `(n)`.
    case node
    /// Bound by a single-hop relationship pattern `-[r]->`.
    case relationship
    /// Bound by a variable-length relationship pattern `-[r*]->`: a list of relationships.
    case relationshipList
    /// Bound by a named path `p = (…)`.
    case path
    /// Any other value (WITH/UNWIND/YIELD aliases, comprehension variables); its type is known at run time.
    case value
}

/// The variables visible at one point of a query, in the order they were introduced.
public struct Scope: Sendable, Hashable {
    /// Name and kind of each variable, in order of introduction.
    public var variables: [(name: String, kind: VariableKind)] {
        names.map { ($0, kinds[$0] ?? .value) }
    }
    /// Variable names in order of introduction.
    public private(set) var names: [String] = []
    /// The kind of every variable in scope.
    public private(set) var kinds: [String: VariableKind] = [:]

    /// Creates the value from its parts.
    public init() {}

    /// Whether `name` is bound.
    public func contains(_ name: String) -> Bool { kinds[name] != nil }

    /// The kind of `name`, or `nil` when it is not bound.
    public subscript(name: String) -> VariableKind? { kinds[name] }

    /// Binds `name` (or refines its kind if already bound).
    public mutating func bind(_ name: String, as kind: VariableKind) {
        if kinds[name] == nil { names.append(name) }
        kinds[name] = kind
    }

    public static func == (lhs: Scope, rhs: Scope) -> Bool { lhs.names == rhs.names && lhs.kinds == rhs.kinds }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(names)
    }
}

/// A query that passed semantic analysis, with the scope after each clause.
///
/// ```swift
/// let analysed = try SemanticAnalyzer.analyze(CypherParser.parse("MATCH (n)-[r]->(m) RETURN n, r"))
/// analysed.scopes[0][0]["r"]    // .relationship
/// analysed.columns              // ["n", "r"]
/// ```
public struct AnalyzedQuery: Sendable, Hashable {
    /// The parsed query, unchanged.
    public var query: Query
    /// `scopes[part][clause]` is the scope *after* clause `clause` of single query `part`
    /// (`part` 0 is `query.first`, then each union in order).
    public var scopes: [[Scope]]
    /// The result columns of the query in order (empty when it has no RETURN, e.g. a pure update).
    /// For `RETURN *` the variables come sorted by name, then the explicit items.
    public var columns: [String]
    /// `true` when the query has no CREATE, MERGE, SET, REMOVE or DELETE.
    public var isReadOnly: Bool

    /// Creates the value from its parts.
    public init(query: Query, scopes: [[Scope]], columns: [String], isReadOnly: Bool) {
        self.query = query
        self.scopes = scopes
        self.columns = columns
        self.isReadOnly = isReadOnly
    }
}
