import QuiverCore

/// Splits SQL text (SQLite dialect, as Spider, BIRD and LLMs write it) into tokens: the one
/// tokenizer of the package, for the parser and for every scorer that reads query text.
///
/// ``tokenize(_:)`` is strict (the parser's input: a stray character or an unterminated quote is a
/// located `SyntaxError`); ``scan(_:)`` reads any text, for facts about queries that may not parse
/// (a prediction's words, bigrams, top-level ORDER BY).
///
/// ```swift
/// let tokens = try SQLLexer.tokenize("SELECT `a b` FROM t WHERE x >= 'it''s'")
/// let words = SQLLexer.scan("SELECT 'unterminated").map(\.kind)   // [.word, .string]
/// ```
public enum SQLLexer {
    /// The tokens of `source`, ending with an `.end` token; throws a `SyntaxError` with line and column.
    public static func tokenize(_ source: String) throws(QueryError) -> [SQLToken] {
        var scanner = Scanner(bytes: Array(source.utf8), source: source, lenient: false)
        return try scanner.run()
    }

    /// The tokens of any text, without the `.end` token and without failing: an unterminated quote
    /// runs to the end of the text, and a character SQL has no use for is a one-character symbol.
    public static func scan(_ source: String) -> [SQLToken] {
        var scanner = Scanner(bytes: Array(source.utf8), source: source, lenient: true)
        do {
            return try scanner.run().dropLast()
        } catch {
            // Lenient scanning throws nowhere; the tokens read so far are the answer.
            return scanner.tokens
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        let source: String
        /// Whether to recover from what ``SQLLexer/tokenize(_:)`` rejects.
        let lenient: Bool
        var position = 0
        var tokens: [SQLToken] = []
        /// Parentheses open before the current position.
        var depth = 0

        init(bytes: [UInt8], source: String, lenient: Bool) {
            self.bytes = bytes
            self.source = source
            self.lenient = lenient
        }

        mutating func run() throws(QueryError) -> [SQLToken] {
            while true {
                skipTrivia()
                guard position < bytes.count else { break }
                try scanToken()
            }
            tokens.append(SQLToken(kind: .end, text: "", start: bytes.count, end: bytes.count))
            return tokens
        }

        func peek(_ ahead: Int = 0) -> UInt8? {
            position + ahead < bytes.count ? bytes[position + ahead] : nil
        }

        mutating func skipTrivia() {
            while let byte = peek() {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                    position += 1
                } else if byte == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "-") {
                    while let next = peek(), next != 0x0A { position += 1 }
                } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                    position += 2
                    while position < bytes.count, !(peek() == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/")) {
                        position += 1
                    }
                    position = min(bytes.count, position + 2)
                } else {
                    return
                }
            }
        }

        func error(_ message: String, at offset: Int) -> QueryError {
            QueryError(
                .syntaxError, code: "InvalidToken", phase: .compileTime, message: message,
                location: SourceLocation(offset: offset, in: source)
            ).withSource(source)
        }

        func text(_ start: Int, _ end: Int) -> String {
            String(decoding: bytes[start..<end], as: UTF8.self)
        }

        mutating func emit(_ kind: SQLToken.Kind, _ text: String, from start: Int) {
            if kind == .symbol, text == ")" { depth = max(0, depth - 1) }
            tokens.append(SQLToken(kind: kind, text: text, start: start, end: position, depth: depth))
            if kind == .symbol, text == "(" { depth += 1 }
        }

        static func isWordStart(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte >= 0x80
        }

        static func isWordPart(_ byte: UInt8) -> Bool {
            isWordStart(byte) || isDigit(byte) || byte == UInt8(ascii: "$")
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        mutating func scanToken() throws(QueryError) {
            let start = position
            let byte = bytes[position]
            if (byte == UInt8(ascii: "x") || byte == UInt8(ascii: "X")), peek(1) == UInt8(ascii: "'") {
                position += 1
                let hex = try scanQuoted(closing: UInt8(ascii: "'"), from: start)
                emit(.blob, hex, from: start)
            } else if Self.isWordStart(byte) {
                while let next = peek(), Self.isWordPart(next) { position += 1 }
                emit(.word, text(start, position), from: start)
            } else if Self.isDigit(byte) || (byte == UInt8(ascii: ".") && peek(1).map(Self.isDigit) == true) {
                scanNumber(from: start)
            } else if byte == UInt8(ascii: "'") {
                emit(.string, try scanQuoted(closing: byte, from: start), from: start)
            } else if byte == UInt8(ascii: "\"") {
                emit(.quotedIdentifier(.double), try scanQuoted(closing: byte, from: start), from: start)
            } else if byte == UInt8(ascii: "`") {
                emit(.quotedIdentifier(.backtick), try scanQuoted(closing: byte, from: start), from: start)
            } else if byte == UInt8(ascii: "[") {
                position += 1
                while let next = peek(), next != UInt8(ascii: "]") { position += 1 }
                guard position < bytes.count else {
                    guard lenient else { throw error("unterminated [identifier]", at: start) }
                    emit(.quotedIdentifier(.bracket), text(start + 1, position), from: start)
                    return
                }
                position += 1
                emit(.quotedIdentifier(.bracket), text(start + 1, position - 1), from: start)
            } else if byte == UInt8(ascii: "?") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@")
                || byte == UInt8(ascii: "$")
            {
                position += 1
                while let next = peek(), Self.isWordPart(next) { position += 1 }
                emit(.parameter, text(start, position), from: start)
            } else {
                try scanSymbol(from: start)
            }
        }

        /// Scans a quoted run where a doubled closing quote stands for one quote character.
        mutating func scanQuoted(closing: UInt8, from start: Int) throws(QueryError) -> String {
            position += 1
            var content: [UInt8] = []
            while true {
                guard let next = peek() else {
                    guard lenient else { throw error("unterminated quoted text", at: start) }
                    break
                }
                position += 1
                if next == closing {
                    if peek() == closing {
                        content.append(closing)
                        position += 1
                    } else {
                        break
                    }
                } else {
                    content.append(next)
                }
            }
            return String(decoding: content, as: UTF8.self)
        }

        mutating func scanNumber(from start: Int) {
            if bytes[position] == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
                position += 2
                while let next = peek(), next.isHexDigit { position += 1 }
                emit(.integer, text(start, position), from: start)
                return
            }
            var isReal = false
            while let next = peek(), Self.isDigit(next) { position += 1 }
            if peek() == UInt8(ascii: ".") {
                isReal = true
                position += 1
                while let next = peek(), Self.isDigit(next) { position += 1 }
            }
            if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
                var ahead = 1
                if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { ahead = 2 }
                if let digit = peek(ahead), Self.isDigit(digit) {
                    isReal = true
                    position += ahead
                    while let next = peek(), Self.isDigit(next) { position += 1 }
                }
            }
            emit(isReal ? .real : .integer, text(start, position), from: start)
        }

        static let twoCharacterSymbols: Set<String> = ["<=", ">=", "==", "!=", "<>", "||", "<<", ">>", "->", "::"]

        mutating func scanSymbol(from start: Int) throws(QueryError) {
            if position + 2 < bytes.count + 0, text(start, min(bytes.count, start + 3)) == "->>" {
                position += 3
                emit(.symbol, "->>", from: start)
                return
            }
            if position + 1 < bytes.count, Self.twoCharacterSymbols.contains(text(start, start + 2)) {
                position += 2
                emit(.symbol, text(start, position), from: start)
                return
            }
            let single = "(),.;*/%+-<>=&|~!"
            let byte = bytes[position]
            guard single.utf8.contains(byte) || lenient else {
                throw error("unexpected character `\(text(start, start + 1))`", at: start)
            }
            position += 1
            emit(.symbol, text(start, position), from: start)
        }
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x46) || (self >= 0x61 && self <= 0x66)
    }
}
