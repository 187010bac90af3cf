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
    }

    public static func split(_ script: String) -> [Statement] {
        var statements: [Statement] = []
        var current = ""
        var line = 1, column = 1
        var startLine = 1, startColumn = 1
        var quote: Character?
        var inLineComment = false, inBlockComment = false
        var previous: Character = " "
        var started = false
        for character in script {
            defer {
                if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                previous = character
            }
            if inLineComment {
                if character == "\n" { inLineComment = false }
                current.append(character)
                continue
            }
            if inBlockComment {
                if previous == "*" && character == "/" { inBlockComment = false }
                current.append(character)
                continue
            }
            if let q = quote {
                if character == q && previous != "\\" { quote = nil }
                current.append(character)
                continue
            }
            if character == ";" {
                append(&statements, current, startLine, startColumn)
                current = ""
                started = false
                continue
            }
            if !started && !character.isWhitespace {
                started = true
                startLine = line
                startColumn = column
            }
            if character == "'" || character == "\"" || character == "`" { quote = character }
            if previous == "/" && character == "/" { inLineComment = true }
            if previous == "/" && character == "*" { inBlockComment = true }
            if started { current.append(character) }
        }
        append(&statements, current, startLine, startColumn)
        return statements
    }

    private static func append(_ statements: inout [Statement], _ text: String, _ line: Int, _ column: Int) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("//") || trimmed.contains("\n") else { return }
        statements.append(Statement(text: trimmed, line: line, column: column))
    }
}
