/// A typed error raised by parsing, analysing or running a query.
///
/// Categories and codes follow the openCypher TCK (`SyntaxError` / `UndefinedVariable`,
/// `TypeError` / `InvalidArgumentType`, …) so tests and tools can branch on them, and every
/// error raised from query text carries the line and column it refers to.
///
/// ```swift
/// throw QueryError(.syntaxError, code: "UndefinedVariable", phase: .compileTime,
///                  message: "variable `m` is not defined", location: location)
/// ```
public struct QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    public var category: Category
    /// The detail code, e.g. `VariableTypeConflict`; the TCK's `*` is never used here.
    public var code: String
    public var phase: Phase
    public var message: String
    public var location: SourceLocation?
    /// The offending source line with a caret, when the query text is known.
    public var excerpt: String?

    public init(
        _ category: Category, code: String, phase: Phase, message: String,
        location: SourceLocation? = nil, excerpt: String? = nil
    ) {
        self.category = category
        self.code = code
        self.phase = phase
        self.message = message
        self.location = location
        self.excerpt = excerpt
    }

    /// The same error with its excerpt taken from `source`.
    public func withSource(_ source: String) -> QueryError {
        guard let location, excerpt == nil else { return self }
        var copy = self
        copy.excerpt = source.excerpt(at: location)
        return copy
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(category.rawValue) (\(code)): \(message)"
        if let excerpt, !excerpt.isEmpty { text += "\n" + excerpt }
        return text
    }

    /// openCypher's error categories.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        case syntaxError = "SyntaxError"
        case semanticError = "SemanticError"
        case typeError = "TypeError"
        case argumentError = "ArgumentError"
        case arithmeticError = "ArithmeticError"
        case parameterMissing = "ParameterMissing"
        case entityNotFound = "EntityNotFound"
        case propertyNotFound = "PropertyNotFound"
        case labelNotFound = "LabelNotFound"
        case constraintVerificationFailed = "ConstraintVerificationFailed"
        case constraintValidationFailed = "ConstraintValidationFailed"
        case procedureError = "ProcedureError"
        /// A limit was hit (timeout, row cap) rather than a fault in the query.
        case resourceLimit = "ResourceLimit"
    }

    /// When the error was found: before any data was touched, or while running.
    public enum Phase: String, Sendable, Hashable {
        case compileTime = "compile time"
        case runtime = "runtime"
    }
}
