import QuiverCore

/// A recursive-descent parser for the SQLite dialect of SELECT queries.
///
/// Accepts what Spider, BIRD and LLMs write: joins of every kind, aliases with and without `AS`,
/// subqueries anywhere, compound queries, CTEs, CASE, CAST, window functions, quoted identifiers.
///
/// ```swift
/// let query = try SQLParser.parse("SELECT T1.name FROM singer AS T1 WHERE T1.age > 30")
/// let text = SQLPrinter().print(query)
/// ```
public struct SQLParser {
    var tokens: [SQLToken]
    var index = 0
    let source: String
    /// How deep the tree under construction is at the current token (see ``descend(_:)``).
    var depth = 0

    init(source: String) throws(QueryError) {
        self.source = source
        self.tokens = try SQLLexer.tokenize(source)
    }

    /// Parses one SELECT statement (trailing semicolons allowed) into an AST with source spans.
    ///
    /// Input nested deeper than ``NestingLimit/depth`` (parentheses, subqueries, operator chains)
    /// is a `ResourceLimit` / `NestingLimit` error at the token where the limit was crossed.
    public static func parse(_ source: String) throws(QueryError) -> SelectStatement {
        try StackGuard.run(needing: StackGuard.queryStack) { () throws(QueryError) in
            var parser = try SQLParser(source: source)
            let statement = try parser.parseSelectStatement()
            while parser.current.isSymbol(";") { parser.index += 1 }
            guard parser.current.kind == .end else {
                throw parser.unexpected("the end of the query")
            }
            return statement
        }
    }

    /// Parses one expression, e.g. for tests and for DDL defaults.
    public static func parseExpression(_ source: String) throws(QueryError) -> Expression {
        try StackGuard.run(needing: StackGuard.queryStack) { () throws(QueryError) in
            var parser = try SQLParser(source: source)
            let expression = try parser.parseExpression()
            guard parser.current.kind == .end else { throw parser.unexpected("the end of the expression") }
            return expression
        }
    }

    // MARK: - Nesting

    /// Enters one more level of the tree: a parenthesis, a subquery, an operand of an operator
    /// chain. Throws before the tree gets deeper than ``NestingLimit/depth``, so neither the
    /// parser nor any later pass over the tree (printer, query graphs, scoring, and the tree's
    /// own deallocation) recurses deeper than that. Pair each call with `depth -= 1`.
    mutating func descend(_ what: String) throws(QueryError) {
        guard depth < NestingLimit.depth else {
            throw NestingLimit.exceeded(what, at: SourceLocation(offset: current.start, in: source)).withSource(source)
        }
        depth += 1
    }

    // MARK: - Token helpers

    var current: SQLToken { tokens[index] }

    func peek(_ ahead: Int = 1) -> SQLToken {
        tokens[min(index + ahead, tokens.count - 1)]
    }

    mutating func advance() -> SQLToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// Consumes the word `keyword` if it is next.
    mutating func accept(_ keyword: String) -> Bool {
        guard current.isWord(keyword) else { return false }
        index += 1
        return true
    }

    /// Consumes the symbol `symbol` if it is next.
    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        index += 1
        return true
    }

    mutating func expect(_ keyword: String) throws(QueryError) {
        guard accept(keyword) else { throw unexpected(keyword.uppercased()) }
    }

    mutating func expectSymbol(_ symbol: String) throws(QueryError) {
        guard acceptSymbol(symbol) else { throw unexpected("`\(symbol)`") }
    }

    /// The error for a token that does not fit: says what was found, where, and what was expected.
    func unexpected(_ expected: String) -> QueryError {
        let token = current
        let found = token.kind == .end ? "the end of the query" : "`\(source.utf8Slice(token.start, token.end))`"
        return QueryError(
            .syntaxError, code: "UnexpectedToken", phase: .compileTime,
            message: "expected \(expected) but found \(found)",
            location: SourceLocation(offset: token.start, in: source)
        ).withSource(source)
    }

    /// The span from `start` to the end of the last consumed token.
    func span(from start: Int) -> SourceSpan {
        let end = index > 0 ? tokens[index - 1].end : start
        return SourceSpan(start..<max(start, end))
    }

    /// Words that end an expression or a FROM item, so they can never be an alias written without AS.
    static let reserved: Set<String> = [
        "select", "from", "where", "group", "having", "order", "limit", "offset", "union", "intersect",
        "except", "join", "inner", "left", "right", "full", "cross", "natural", "on", "using", "as",
        "window", "and", "or", "not", "is", "in", "like", "glob", "between", "then", "when", "else", "end",
        "case", "values", "with", "collate", "escape", "asc", "desc", "nulls", "outer", "regexp", "match",
        "isnull", "notnull", "filter", "over", "returning", "distinct", "all", "null", "by", "exists",
        "indexed", "cast",
    ]

    /// An identifier token: an unreserved word or a quoted identifier.
    mutating func parseIdentifier(allowReserved: Bool = false) throws(QueryError) -> Identifier {
        let token = current
        switch token.kind {
        case .word where allowReserved || !Self.reserved.contains(token.text.lowercased()):
            index += 1
            return Identifier(token.text)
        case .quotedIdentifier(let style):
            index += 1
            return Identifier(token.text, quote: style)
        default:
            throw unexpected("a name")
        }
    }

    /// An alias after an optional AS; string aliases are accepted after AS.
    mutating func parseAlias() throws(QueryError) -> (Identifier, explicitAs: Bool)? {
        if accept("as") {
            if current.kind == .string {
                return (Identifier(advance().text, quote: .single), true)
            }
            return (try parseIdentifier(allowReserved: true), true)
        }
        switch current.kind {
        case .word where !Self.reserved.contains(current.text.lowercased()):
            return (try parseIdentifier(), false)
        case .quotedIdentifier:
            return (try parseIdentifier(), false)
        default:
            return nil
        }
    }
}

extension String {
    /// The text between two UTF-8 offsets.
    func utf8Slice(_ start: Int, _ end: Int) -> String {
        let bytes = Array(utf8)
        let lower = max(0, min(start, bytes.count))
        let upper = max(lower, min(end, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
