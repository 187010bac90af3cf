/// Checks JSON text for arrays and objects nested deeper than a reader accepts, in one pass and
/// without recursion, before a recursive decoder reads it.
///
/// Foundation's `JSONDecoder` and `JSONSerialization` stop at 512 levels, but say only "The given
/// data was not valid JSON" (or name a character offset); readers of user files call ``check(_:limit:)``
/// first so the error names the limit and the line and column where it was crossed.
///
/// ```swift
/// try JSONNesting.check(data)                            // before JSONDecoder().decode(…)
/// ```
public enum JSONNesting {
    /// The deepest nesting Foundation's JSON decoders read: 512 levels of arrays and objects.
    public static let foundationDepth = 512

    /// Throws a `ResourceLimit` / `NestingLimit` error, located at the bracket that crossed the
    /// limit, when `bytes` nest arrays and objects (outside strings) deeper than `limit`.
    public static func check<Bytes: Collection<UInt8>>(_ bytes: Bytes, limit: Int = foundationDepth) throws(QueryError) {
        var depth = 0
        var inString = false
        var escaped = false
        var line = 1
        var column = 1
        var offset = 0
        for byte in bytes {
            defer {
                offset += 1
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit {
                    throw exceeded(limit: limit, at: SourceLocation(line: line, column: column, offset: offset))
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            default:
                break
            }
        }
    }

    /// The error for JSON nested deeper than `limit`, at `location`.
    public static func exceeded(limit: Int, at location: SourceLocation? = nil) -> QueryError {
        QueryError(.resourceLimit, code: "NestingLimit", phase: .compileTime,
                   message: "JSON arrays and objects are nested more than \(limit) levels deep (the nesting limit "
                       + "of the JSON reader); flatten the data",
                   location: location)
    }
}
