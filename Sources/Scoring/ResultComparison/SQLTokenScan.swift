/// A light scan of SQL text that knows strings, quoted identifiers, comments and parenthesis depth.
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
    /// One token: its text, its range in the UTF-8 view, its kind and its parenthesis depth.
    public struct Token: Sendable, Hashable {
        /// What a token is; keywords and identifiers are both words.
        public enum Kind: Sendable, Hashable { case word, number, string, quotedIdentifier, symbol }
        /// The token's text, a slice of the scanned SQL.
        public var text: Substring
        /// The token's kind.
        public var kind: Kind
        /// How many parentheses enclose the token (0 = top level).
        public var depth: Int
    }

    /// The tokens in text order.
    public let tokens: [Token]

    /// Scans `sql`.
    public init(_ sql: String) {
        tokens = SQLTokenScan.tokenize(sql)
    }

    /// Whether the outermost query has an ORDER BY (one inside a subquery or CTE does not count).
    public var hasTopLevelOrderBy: Bool { topLevelKeywordPair("order", "by") != nil }

    /// Whether the outermost query has a LIMIT.
    public var hasTopLevelLimit: Bool {
        tokens.contains { $0.depth == 0 && $0.kind == .word && $0.text.lowercased() == "limit" }
    }

    /// The index of `first` directly followed by `second`, both at depth 0, if any.
    func topLevelKeywordPair(_ first: String, _ second: String) -> Int? {
        for index in tokens.indices.dropLast() {
            let (a, b) = (tokens[index], tokens[index + 1])
            if a.depth == 0, a.kind == .word, b.kind == .word, a.text.lowercased() == first, b.text.lowercased() == second {
                return index
            }
        }
        return nil
    }

    /// Splits SQL into tokens; comments and blanks are dropped, an unterminated quote runs to the end.
    ///
    /// Works on UTF-8 bytes (every SQL delimiter is ASCII); any non-ASCII byte is part of a word.
    static func tokenize(_ sql: String) -> [Token] {
        let bytes = Array(sql.utf8)
        let utf8 = sql.utf8
        var tokens: [Token] = []
        var depth = 0
        var i = 0
        let n = bytes.count
        func isWordByte(_ b: UInt8) -> Bool {
            b >= 0x80 || (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b == 0x5f || (b >= 0x30 && b <= 0x39) || b == 0x24
        }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func emit(_ start: Int, _ end: Int, _ kind: Token.Kind) {
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            let upper = utf8.index(lower, offsetBy: end - start)
            tokens.append(Token(text: sql[lower..<upper], kind: kind, depth: depth))
        }
        while i < n {
            let b = bytes[i]
            let next: UInt8 = i + 1 < n ? bytes[i + 1] : 0
            switch b {
            case 0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c:
                i += 1
            case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
                while i < n && bytes[i] != 0x0a { i += 1 }
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                i += 2
                while i < n && !(bytes[i] == UInt8(ascii: "*") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i = min(n, i + 2)
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "["):
                let close = b == UInt8(ascii: "[") ? UInt8(ascii: "]") : b
                var end = i + 1
                while end < n {
                    if bytes[end] == close {
                        // A doubled quote is an escaped quote, except for brackets.
                        if close != UInt8(ascii: "]"), end + 1 < n, bytes[end + 1] == close {
                            end += 2
                            continue
                        }
                        end += 1
                        break
                    }
                    end += 1
                }
                emit(i, min(end, n), b == UInt8(ascii: "'") ? .string : .quotedIdentifier)
                i = min(end, n)
            case _ where isDigit(b) || (b == UInt8(ascii: ".") && isDigit(next)):
                var end = i + 1
                while end < n && (isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: ".")) { end += 1 }
                emit(i, end, .number)
                i = end
            case _ where isWordByte(b):
                var end = i + 1
                while end < n && isWordByte(bytes[end]) { end += 1 }
                emit(i, end, .word)
                i = end
            default:
                if b == UInt8(ascii: ")") { depth = max(0, depth - 1) }
                emit(i, i + 1, .symbol)
                if b == UInt8(ascii: "(") { depth += 1 }
                i += 1
            }
        }
        return tokens
    }
}
