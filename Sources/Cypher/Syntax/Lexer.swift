import QuiverCore

/// Splits Cypher text into tokens, skipping whitespace and `//` / `/* */` comments.
///
/// Number literals are checked for shape here (`0x` alone, `12ab` → `InvalidNumberLiteral`);
/// their values are checked by the parser, which knows whether a minus sign precedes them.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var offset = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Every token of the text, ending with one `.endOfInput`.
    static func tokenize(_ text: String) throws -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column, offset: offset) }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private mutating func advance() {
        let scalar = scalars[index]
        index += 1
        offset += UTF8.width(scalar)
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    private func error(_ code: String, _ message: String, at location: SourceLocation) -> QueryError {
        QueryError(.syntaxError, code: code, phase: .compileTime, message: message, location: location)
    }

    private mutating func skipTrivia() throws {
        while let c = peek() {
            if Lexer.isWhitespace(c) {
                advance()
            } else if c == "/", peek(1) == "/" {
                while let d = peek(), d != "\n" { advance() }
            } else if c == "/", peek(1) == "*" {
                let start = location
                advance(); advance()
                while true {
                    guard let d = peek() else {
                        throw error("UnexpectedSyntax", "unterminated comment; expected '*/'", at: start)
                    }
                    if d == "*", peek(1) == "/" { advance(); advance(); break }
                    advance()
                }
            } else {
                return
            }
        }
    }

    // ASCII answers without Unicode's property tables (a lookup each, and most of a short query's lexing
    // time); the tables decide only for other scalars, where they give the same answers for ASCII.

    private static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == " " || ("\t"..."\r").contains(c) }
        return c.properties.isWhitespace
    }

    private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }

    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == "_" || isASCIILetter(c) }
        return c.properties.isAlphabetic
    }

    private static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == "_" || isASCIILetter(c) || ("0"..."9").contains(c) }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    private static func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c >= "0" && c <= "9"
    }

    private func text(from start: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<index])
        return String(view)
    }

    mutating func next() throws -> Token {
        try skipTrivia()
        let start = location
        let startIndex = index
        func token(_ kind: Token.Kind, _ text: String) -> Token {
            Token(kind: kind, text: text, range: SourceRange(start: start, end: location))
        }
        guard let c = peek() else { return token(.endOfInput, "") }
        if Lexer.isIdentifierStart(c) {
            while let d = peek(), Lexer.isIdentifierPart(d) { advance() }
            return token(.identifier, text(from: startIndex))
        }
        if Lexer.isDigit(c) || (c == "." && Lexer.isDigit(peek(1))) {
            return try number(start: start, startIndex: startIndex)
        }
        switch c {
        case "`":
            return token(.quotedIdentifier, try quotedIdentifier(start: start))
        case "'", "\"":
            return token(.string, try string(quote: c, start: start))
        case "$":
            advance()
            if peek() == "`" {
                return token(.parameter, try quotedIdentifier(start: start))
            }
            let nameStart = index
            while let d = peek(), Lexer.isIdentifierPart(d) { advance() }
            guard index > nameStart else {
                throw error("UnexpectedSyntax", "expected a parameter name after '$'", at: start)
            }
            return token(.parameter, text(from: nameStart))
        default:
            break
        }
        for symbol in ["..", "<>", "!=", "<=", ">=", "=~", "+=", "||"] {
            let scalarsOfSymbol = Array(symbol.unicodeScalars)
            if peek() == scalarsOfSymbol[0], peek(1) == scalarsOfSymbol[1] {
                advance(); advance()
                return token(.symbol, symbol)
            }
        }
        if "()[]{},.:|;+-*/%^=<>&!".unicodeScalars.contains(c) {
            advance()
            return token(.symbol, String(c))
        }
        if c.isASCII {
            throw error("UnexpectedSyntax", "unexpected character '\(c)'", at: start)
        }
        throw error("InvalidUnicodeCharacter",
                    "invalid character '\(c)' (U+\(String(c.value, radix: 16, uppercase: true)))", at: start)
    }

    private mutating func quotedIdentifier(start: SourceLocation) throws -> String {
        advance()
        var name = String.UnicodeScalarView()
        while true {
            guard let d = peek() else {
                throw error("UnexpectedSyntax", "unterminated quoted name; expected '`'", at: start)
            }
            advance()
            if d == "`" {
                if peek() == "`" { advance(); name.append("`"); continue }
                return String(name)
            }
            name.append(d)
        }
    }

    private mutating func string(quote: Unicode.Scalar, start: SourceLocation) throws -> String {
        advance()
        var value = String.UnicodeScalarView()
        while true {
            guard let d = peek() else {
                throw error("UnexpectedSyntax", "unterminated string literal; expected \(quote)", at: start)
            }
            if d == quote { advance(); return String(value) }
            if d != "\\" { value.append(d); advance(); continue }
            let escapeStart = location
            advance()
            guard let e = peek() else { continue }
            advance()
            switch e {
            case "\\", "'", "\"": value.append(e)
            case "b": value.append("\u{08}")
            case "f": value.append("\u{0C}")
            case "n": value.append("\n")
            case "r": value.append("\r")
            case "t": value.append("\t")
            case "u", "U":
                let width = e == "u" ? 4 : 8
                var hex = ""
                for _ in 0..<width {
                    guard let h = peek(), h.properties.isASCIIHexDigit else { break }
                    hex.unicodeScalars.append(h)
                    advance()
                }
                guard hex.count == width, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw error("InvalidUnicodeLiteral", "invalid unicode escape; expected \\\(e) and \(width) hex digits",
                                at: escapeStart)
                }
                value.append(scalar)
            default:
                // Unknown escapes keep both characters, as Neo4j does.
                value.append("\\")
                value.append(e)
            }
        }
    }

    private mutating func number(start: SourceLocation, startIndex: Int) throws -> Token {
        var kind = Token.Kind.integer
        if peek() == "0", let x = peek(1), x == "x" || x == "X" || x == "o" || x == "O" {
            advance(); advance()
            while let d = peek(), Lexer.isIdentifierPart(d) { advance() }
            let literal = text(from: startIndex)
            let digits = literal.dropFirst(2)
            let hex = x == "x" || x == "X"
            let valid = !digits.isEmpty && digits.unicodeScalars.allSatisfy {
                hex ? $0.properties.isASCIIHexDigit : ($0 >= "0" && $0 <= "7")
            }
            return Token(kind: valid ? .integer : .malformedNumber, text: literal, range: SourceRange(start: start, end: location))
        }
        while Lexer.isDigit(peek()) { advance() }
        if peek() == ".", Lexer.isDigit(peek(1)) {
            kind = .float
            advance()
            while Lexer.isDigit(peek()) { advance() }
        }
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1) == "-" || peek(1) == "+"
            if Lexer.isDigit(peek(sign ? 2 : 1)) {
                kind = .float
                advance()
                if sign { advance() }
                while Lexer.isDigit(peek()) { advance() }
            }
        }
        if let d = peek(), Lexer.isIdentifierPart(d) {
            while let d = peek(), Lexer.isIdentifierPart(d) { advance() }
            kind = .malformedNumber
        }
        return Token(kind: kind, text: text(from: startIndex), range: SourceRange(start: start, end: location))
    }
}
