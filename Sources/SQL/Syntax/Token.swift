/// One lexical token of SQL text, with its UTF-8 byte range in the source.
///
/// ```swift
/// let tokens = try SQLLexer.tokenize("SELECT 1")   // [keyword SELECT, integer 1, end]
/// ```
public struct SQLToken: Sendable, Hashable {
    /// The token's kind; identifiers and keywords share `.word` (SQLite lets most keywords be names).
    public var kind: Kind
    /// The token's text: for quoted identifiers and strings, the unquoted, unescaped content.
    public var text: String
    /// UTF-8 offset where the token starts.
    public var start: Int
    /// UTF-8 offset just after the token.
    public var end: Int
    /// For `.word` tokens, the lower-cased text, so keyword tests are plain comparisons.
    public var lowercased: String
    /// How many parentheses enclose the token (0 = top level; a parenthesis itself counts as outside).
    public var depth: Int

    /// A token of `kind` spanning the UTF-8 offsets `start..<end`, `depth` parentheses deep.
    public init(kind: Kind, text: String, start: Int, end: Int, depth: Int = 0) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.depth = depth
        self.lowercased = kind == .word ? text.lowercased() : ""
    }

    /// The kinds of token the SQLite dialect has.
    public enum Kind: Sendable, Hashable {
        /// An unquoted word: a keyword or a bare identifier.
        case word
        /// A quoted identifier, with the quote style used.
        case quotedIdentifier(QuoteStyle)
        /// A `'single-quoted'` string literal.
        case string
        /// An integer literal (decimal or `0x` hexadecimal), kept as written.
        case integer
        /// A real literal, kept as written.
        case real
        /// A blob literal `X'..'`; `text` holds the hex digits.
        case blob
        /// A parameter: `?`, `?1`, `:name`, `@name`, `$name`.
        case parameter
        /// Punctuation or an operator, e.g. `(`, `,`, `<=`, `||`.
        case symbol
        /// The end of input.
        case end
    }

    /// Whether this is the unquoted word `keyword`, given in lower case (the match is case-insensitive).
    public func isWord(_ keyword: String) -> Bool {
        kind == .word && lowercased == keyword
    }

    /// Whether this is the symbol `symbol`.
    public func isSymbol(_ symbol: String) -> Bool {
        kind == .symbol && text == symbol
    }
}

/// How an identifier was quoted in the source: SQLite accepts `"x"`, `` `x` `` and `[x]`.
public enum QuoteStyle: String, Sendable, Hashable, CaseIterable {
    case none
    case double
    case backtick
    case bracket
    /// A `'string'` used as a name (SQLite accepts `AS 'alias'`).
    case single
}
