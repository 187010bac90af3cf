import Foundation
import QuiverCore

/// A `;`-separated Cypher script split into statements, each with where it starts in the script.
///
/// Semicolons inside strings, backtick names and comments do not split.
///
/// ```swift
/// CypherScript.split("CREATE (:A);\nMATCH (n) RETURN n").map(\.text)   // ["CREATE (:A)", "MATCH (n) RETURN n"]
/// ```
public enum CypherScript {
    /// One statement of a script.
    public struct Statement: Sendable, Hashable {
        public var text: String
        /// 1-based line and column of the statement's first character in the script.
        public var line: Int
        public var column: Int

        public init(text: String, line: Int, column: Int) {
            self.text = text
            self.line = line
            self.column = column
        }

        /// `error`, raised by this statement, with its position moved from the statement to `script`
        /// (and the excerpt taken from the script).
        public func locate(_ error: QueryError, in script: String) -> QueryError {
            guard var location = error.location else { return error }
            if location.line == 1 { location.column += column - 1 }
            location.line += line - 1
            var copy = error
            copy.location = location
            copy.excerpt = script.excerpt(at: location)
            return copy
        }
    }

    public static func split(_ script: String) -> [Statement] {
        // The parser's own lexer finds the `;` tokens, so strings, quoted names and comments are
        // read exactly as the parser reads them.
        let bytes = Array(script.utf8)
        var statements: [Statement] = []
        var lexer = Lexer(script)
        var first: Token?
        var last: Token?
        func finish() {
            if let first, let last {
                let text = String(decoding: bytes[first.range.start.offset..<last.range.end.offset], as: UTF8.self)
                statements.append(Statement(text: text, line: first.range.start.line, column: first.range.start.column))
            }
            first = nil
            last = nil
        }
        while true {
            let token: Token
            do { token = try lexer.next() } catch {
                // A lexical error: the rest of the script is one statement, so running it reports
                // the error at its position and the statements before it still run.
                let start = first?.range.start ?? (error as? QueryError)?.location ?? SourceLocation(offset: 0, in: script)
                let text = String(decoding: bytes[start.offset...], as: UTF8.self)
                statements.append(Statement(text: text, line: start.line, column: start.column))
                return statements
            }
            switch token.kind {
            case .endOfInput:
                finish()
                return statements
            case .symbol where token.text == ";":
                finish()
            default:
                if first == nil { first = token }
                last = token
            }
        }
    }
}
