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
        public enum Kind: Sendable, Hashable { case word, number, string, quotedIdentifier, symbol }
        public var text: Substring
        public var kind: Kind
        public var depth: Int
    }

    public let tokens: [Token]

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
    static func tokenize(_ sql: String) -> [Token] {
        var tokens: [Token] = []
        var depth = 0
        var index = sql.startIndex
        func emit(_ start: String.Index, _ end: String.Index, _ kind: Token.Kind) {
            tokens.append(Token(text: sql[start..<end], kind: kind, depth: depth))
        }
        while index < sql.endIndex {
            let character = sql[index]
            let next = sql.index(after: index)
            if character.isWhitespace {
                index = next
            } else if character == "-", next < sql.endIndex, sql[next] == "-" {
                index = sql[index...].firstIndex(of: "\n") ?? sql.endIndex
            } else if character == "/", next < sql.endIndex, sql[next] == "*" {
                index = sql[next...].range(of: "*/")?.upperBound ?? sql.endIndex
            } else if character == "'" || character == "\"" || character == "`" || character == "[" {
                let close: Character = character == "[" ? "]" : character
                var end = next
                while end < sql.endIndex {
                    if sql[end] == close {
                        let after = sql.index(after: end)
                        // A doubled quote is an escaped quote, except for brackets.
                        if close != "]", after < sql.endIndex, sql[after] == close {
                            end = sql.index(after: after)
                            continue
                        }
                        end = after
                        break
                    }
                    end = sql.index(after: end)
                }
                emit(index, end, character == "'" ? .string : .quotedIdentifier)
                index = end
            } else if character.isLetter || character == "_" {
                let end = sql[index...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") } ?? sql.endIndex
                emit(index, end, .word)
                index = end
            } else if character.isNumber || (character == "." && next < sql.endIndex && sql[next].isNumber) {
                let end = sql[index...].firstIndex { !($0.isNumber || $0 == "." || $0.isLetter) } ?? sql.endIndex
                emit(index, end, .number)
                index = end
            } else {
                if character == ")" { depth = max(0, depth - 1) }
                emit(index, next, .symbol)
                if character == "(" { depth += 1 }
                index = next
            }
        }
        return tokens
    }
}
