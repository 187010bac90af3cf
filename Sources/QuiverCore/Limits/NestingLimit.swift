/// The deepest nesting any recursive part of Quiver accepts: the Cypher and SQL parsers, semantic
/// analysis, the expression evaluator, the JSON reader, the query-graph builders and graph edit
/// distance all stop at ``depth`` levels with a typed error instead of exhausting the stack.
///
/// "Nesting" counts what makes a syntax tree deep: parentheses, lists, maps, subqueries, `NOT`
/// and `-` prefixes, and operator chains (`1 + 1 + … + 1` is a tree as deep as it is long).
///
/// ```swift
/// guard depth <= NestingLimit.depth else {
///     throw NestingLimit.exceeded("expression", at: location)
/// }
/// ```
public enum NestingLimit {
    /// 1,000 levels: far beyond anything written by hand or by a model, and small enough that
    /// every recursive pass over a tree this deep fits in the stack of a query thread (see
    /// ``StackGuard``).
    public static let depth = 1_000

    /// The error for input nested deeper than ``depth``: `ResourceLimit` / `NestingLimit`, at
    /// compile time (nothing has run), naming the limit and what to do.
    ///
    /// - Parameters:
    ///   - what: what is nested, e.g. `expression`, `JSON value`, `subquery`.
    ///   - location: where the limit was crossed, when the input is text with positions.
    ///   - advice: what the user can do instead.
    public static func exceeded(
        _ what: String, at location: SourceLocation? = nil,
        advice: String = "flatten it, e.g. split long operator chains or pass large values as parameters"
    ) -> QueryError {
        QueryError(.resourceLimit, code: "NestingLimit", phase: .compileTime,
                   message: "\(what) is nested more than \(depthText) levels deep (the nesting limit); \(advice)",
                   location: location)
    }

    /// The error for a sequence whose elements each add a level of recursion (clauses of one query,
    /// steps of a pattern) longer than ``depth``.
    public static func tooLong(_ what: String, at location: SourceLocation? = nil, advice: String) -> QueryError {
        QueryError(.resourceLimit, code: "NestingLimit", phase: .compileTime,
                   message: "\(what) has more than \(depthText) steps (the nesting limit: each step is a level of "
                       + "recursion when the query runs); \(advice)",
                   location: location)
    }

    /// ``depth`` with thousands separators, as messages print it.
    private static var depthText: String {
        var digits = Array(String(depth))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }
}
