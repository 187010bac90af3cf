import QuiverCore

/// Constructors for the runtime errors the openCypher TCK names, so every raise site uses one spelling.
extension QueryError {
    /// Not an error: a LIMIT (or an EXISTS) downstream has every row it needs, so the producers
    /// above it stop. Thrown after the last needed row was passed on; caught where the rows
    /// come from (the pipeline's root, or a blocking operator emitting in `finish`), never seen
    /// by a caller.
    static let enoughRows = QueryError(.resourceLimit, code: "EnoughRows", phase: .runtime,
                                       message: "the consumer has all the rows it needs")

    /// Whether this is ``enoughRows``.
    var isEnoughRows: Bool { code == "EnoughRows" && category == .resourceLimit }

    /// A runtime error of `category` with TCK detail `code`.
    static func runtime(_ category: Category, _ code: String, _ message: String) -> QueryError {
        QueryError(category, code: code, phase: .runtime, message: message)
    }

    /// An operand or argument of the wrong type (`TypeError` / `InvalidArgumentType`).
    static func invalidArgumentType(_ message: String) -> QueryError {
        .runtime(.typeError, "InvalidArgumentType", message)
    }

    /// An argument of an acceptable type but an unusable value (`TypeError` / `InvalidArgumentValue`).
    static func invalidArgumentValue(_ message: String) -> QueryError {
        .runtime(.typeError, "InvalidArgumentValue", message)
    }

    /// A number outside the range a function accepts (`ArgumentError` / `NumberOutOfRange`).
    static func numberOutOfRange(_ message: String) -> QueryError {
        .runtime(.argumentError, "NumberOutOfRange", message)
    }

    /// Integer arithmetic that does not fit in 64 bits.
    static func integerOverflow(_ operation: String) -> QueryError {
        .runtime(.arithmeticError, "IntegerOverflow", "integer overflow in \(operation)")
    }

    /// Reading a node or relationship that this query already deleted.
    static func deletedEntityAccess(_ what: String) -> QueryError {
        .runtime(.entityNotFound, "DeletedEntityAccess", "\(what) was deleted earlier in this query")
    }

    /// The same error, located at `location` unless it already has a location.
    func located(at location: SourceLocation?) -> QueryError {
        guard self.location == nil, let location else { return self }
        var copy = self
        copy.location = location
        return copy
    }
}
