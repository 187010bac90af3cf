import QuiverCore

/// One lexical token of Cypher text.
///
/// Keywords are not a separate kind: they are `identifier` tokens that the parser compares
/// case-insensitively, because Cypher lets most keywords also serve as names (`n.count`, `:Match`).
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A bare name; `text` is the name as written.
        case identifier
        /// A backtick-quoted name; `text` is the name with quotes removed and ``` `` ``` unescaped.
        case quotedIdentifier
        /// An integer literal; `text` is as written (`42`, `0x1F`, `0o17`).
        case integer
        /// A float literal; `text` is as written (`1.5`, `.5`, `1e3`).
        case float
        /// A number-like word that is not a valid number (`0x`, `12ab`); an error where an expression is expected.
        case malformedNumber
        /// A string literal; `text` is the decoded value.
        case string
        /// `$name`; `text` is the name without `$`.
        case parameter
        /// Punctuation or an operator; `text` is the symbol (`(`, `..`, `<>`, `=~`, …).
        case symbol
        /// The `endOfInput` case.
        case endOfInput
    }

    var kind: Kind
    var text: String
    var range: SourceRange
    /// `text` in upper case for bare identifiers (keyword tests happen many times per token).
    let keyword: String?

    init(kind: Kind, text: String, range: SourceRange) {
        self.kind = kind
        self.text = text
        self.range = range
        keyword = kind == .identifier ? text.uppercased() : nil
    }

    var start: SourceLocation { range.start }

    /// Whether this is the bare keyword `word` (case-insensitive; `word` must be upper case).
    func isKeyword(_ word: String) -> Bool {
        keyword == word
    }

    /// Whether this is the symbol `symbol`.
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }

    /// A short description for error messages, e.g. `'MATCH'`, `end of input`.
    var display: String {
        switch kind {
        case .endOfInput: "end of input"
        case .string: "string literal"
        case .parameter: "'$\(text)'"
        case .quotedIdentifier: "'`\(text)`'"
        default: "'\(text)'"
        }
    }
}
