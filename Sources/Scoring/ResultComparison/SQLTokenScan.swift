import SQL

/// The tokens of any SQL text (``SQL/SQLLexer/scan(_:)``: strings, quoted identifiers, comments and
/// parenthesis depth understood, nothing rejected), with the facts scorers read from them.
///
/// The scorers need a few facts about a query before (or without) parsing it: whether its
/// top-level query has ORDER BY or LIMIT, and the word tokens (for DISTINCT stripping and n-grams).
/// A prediction that does not parse still gets these facts.
///
/// ```swift
/// SQLTokenScan("SELECT a FROM t ORDER BY a").hasTopLevelOrderBy   // true
/// SQLTokenScan("SELECT a FROM (SELECT a FROM t ORDER BY a)").hasTopLevelOrderBy   // false
/// ```
public struct SQLTokenScan: Sendable {
    /// The scanned text.
    public let source: String
    /// The tokens in text order.
    public let tokens: [SQLToken]

    /// Scans `sql`.
    public init(_ sql: String) {
        source = sql
        tokens = SQLLexer.scan(sql)
    }

    /// The token as written in the source, quotes included.
    public func written(_ token: SQLToken) -> Substring {
        let utf8 = source.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: token.start)
        return source[lower..<utf8.index(lower, offsetBy: token.end - token.start)]
    }

    /// Whether the outermost query has an ORDER BY (one inside a subquery or CTE does not count).
    public var hasTopLevelOrderBy: Bool {
        tokens.indices.dropLast().contains { index in
            tokens[index].depth == 0 && tokens[index].isWord("order") && tokens[index + 1].isWord("by")
        }
    }

    /// Whether the outermost query has a LIMIT.
    public var hasTopLevelLimit: Bool {
        tokens.contains { $0.depth == 0 && $0.isWord("limit") }
    }

    /// Whether the text holds no token at all: blank, or only comments.
    public var isEmpty: Bool { tokens.isEmpty }
}
