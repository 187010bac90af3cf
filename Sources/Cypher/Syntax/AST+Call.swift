import QuiverCore

// Procedure calls: CALL … YIELD ….

/// `CALL ns.name(args) [YIELD field [AS alias], … [WHERE predicate]]`, in a query or standalone.
public struct Call: Sendable, Hashable {
    /// The namespace parts before the procedure name, e.g. `["db"]` for `db.labels`.
    public var namespace: [String]
    /// The name as written (backticks removed).
    public var name: String
    /// The arguments, or `nil` when written without parentheses (`CALL db.labels`): implicit
    /// arguments taken from parameters of the same names.
    public var arguments: [Expression]?
    /// The YIELD part, or `nil` when absent (standalone CALL yields every output field).
    public var yield: Yield?
    /// Where this node is in the query text.
    public var range: SourceRange
    /// Where the dotted procedure name is in the query text.
    public var nameRange: SourceRange

    /// Creates the value from its parts; `nameRange` defaults to `range`.
    public init(namespace: [String], name: String, arguments: [Expression]?, yield: Yield?, range: SourceRange,
                nameRange: SourceRange? = nil) {
        self.namespace = namespace
        self.name = name
        self.arguments = arguments
        self.yield = yield
        self.range = range
        self.nameRange = nameRange ?? range
    }

    /// The dotted name, e.g. `db.labels`.
    public var qualifiedName: String { (namespace + [name]).joined(separator: ".") }
}

/// `YIELD *` or `YIELD field [AS alias], … [WHERE predicate]` of a CALL.
public struct Yield: Sendable, Hashable {
    /// `true` for `YIELD *`.
    public var all: Bool
    /// The items, in source order.
    public var items: [YieldItem]
    /// The `WHERE` condition, if any.
    public var predicate: Expression?
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(all: Bool, items: [YieldItem], predicate: Expression?, range: SourceRange) {
        self.all = all
        self.items = items
        self.predicate = predicate
        self.range = range
    }
}

/// One `field [AS alias]` of YIELD; the bound name is `alias ?? field`.
public struct YieldItem: Sendable, Hashable {
    /// The procedure output field.
    public var field: String
    /// The `AS` name, if any.
    public var alias: Variable?
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(field: String, alias: Variable?, range: SourceRange) {
        self.field = field
        self.alias = alias
        self.range = range
    }

    /// The variable the item binds.
    public var boundName: String { alias?.name ?? field }
}
