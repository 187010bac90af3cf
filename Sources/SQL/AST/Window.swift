/// `OVER (...)` of a window function, or `OVER name`.
public struct WindowSpecification: Sendable, Hashable {
    /// `OVER name` (no parentheses) or the base window inside the parentheses.
    public var baseName: Identifier?
    /// Whether the specification was written in parentheses.
    public var parenthesized: Bool
    /// PARTITION BY expressions.
    public var partitionBy: [Expression]
    /// ORDER BY terms inside the window.
    public var orderBy: [OrderingTerm]
    /// The frame clause.
    public var frame: FrameSpecification?

    public init(
        baseName: Identifier? = nil, parenthesized: Bool = true, partitionBy: [Expression] = [],
        orderBy: [OrderingTerm] = [], frame: FrameSpecification? = nil
    ) {
        self.baseName = baseName
        self.parenthesized = parenthesized
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
    }
}

/// `WINDOW name AS (...)` of a select core.
public struct NamedWindow: Sendable, Hashable {
    /// The window name.
    public var name: Identifier
    /// The window it names.
    public var specification: WindowSpecification

    public init(name: Identifier, specification: WindowSpecification) {
        self.name = name
        self.specification = specification
    }
}

/// `ROWS|RANGE|GROUPS [BETWEEN] start [AND end] [EXCLUDE ...]`.
public struct FrameSpecification: Sendable, Hashable {
    /// `ROWS`, `RANGE` or `GROUPS`.
    public var units: String
    /// The frame start (the only bound when BETWEEN is not written).
    public var start: FrameBound
    /// The frame end, for `BETWEEN start AND end`.
    public var end: FrameBound?
    /// `NO OTHERS`, `CURRENT ROW`, `GROUP`, `TIES`.
    public var exclude: String?

    public init(units: String, start: FrameBound, end: FrameBound? = nil, exclude: String? = nil) {
        self.units = units
        self.start = start
        self.end = end
        self.exclude = exclude
    }
}

/// One end of a window frame.
public enum FrameBound: Sendable, Hashable {
    case unboundedPreceding
    case preceding(Expression)
    case currentRow
    case following(Expression)
    case unboundedFollowing
}
