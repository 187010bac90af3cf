import QuiverCore

// Updating clauses: CREATE, MERGE, SET, REMOVE, DELETE.

/// `CREATE pattern`.
public struct Create: Sendable, Hashable {
    /// The pattern.
    public var pattern: Pattern
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(pattern: Pattern, range: SourceRange) {
        self.pattern = pattern
        self.range = range
    }
}

/// `MERGE patternPart [ON CREATE SET …] [ON MATCH SET …]…`.
public struct Merge: Sendable, Hashable {
    /// The part.
    public var part: PatternPart
    /// The actions.
    public var actions: [MergeAction]
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
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
    /// When the action runs.
    public var trigger: Trigger
    /// The items, in source order.
    public var items: [SetItem]
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(trigger: Trigger, items: [SetItem], range: SourceRange) {
        self.trigger = trigger
        self.items = items
        self.range = range
    }
}

/// `SET item, item, …`.
public struct SetClause: Sendable, Hashable {
    /// The items, in source order.
    public var items: [SetItem]
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
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
    /// What kind of node this is, with its parts.
    public var kind: Kind
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// `REMOVE item, item, …`.
public struct Remove: Sendable, Hashable {
    /// The items, in source order.
    public var items: [RemoveItem]
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
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
    /// What kind of node this is, with its parts.
    public var kind: Kind
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// `[DETACH] DELETE expression, …`.
public struct Delete: Sendable, Hashable {
    /// Whether this is `DETACH DELETE`.
    public var detach: Bool
    /// The expressions to delete.
    public var expressions: [Expression]
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(detach: Bool, expressions: [Expression], range: SourceRange) {
        self.detach = detach
        self.expressions = expressions
        self.range = range
    }
}
