/// Parses the Gherkin subset of the openCypher TCK into a ``GherkinDocument``.
///
/// Comments are whole lines starting with `#` (so commented-out examples rows are skipped);
/// a `#` inside a scenario title is part of the title, as in Cucumber.
///
/// ```swift
/// let document = try GherkinParser.parse(text, file: "clauses/match/Match1.feature")
/// ```
public enum GherkinParser {
    /// Parses one feature file's text; `file` only labels errors.
    public static func parse(_ text: String, file: String = "<feature>") throws(GherkinError) -> GherkinDocument {
        var state = State(file: file)
        // "\r\n" is a single Character in Swift, so splitting on "\n" alone would miss CRLF files.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        var index = 0
        while index < lines.count {
            let raw = lines[index]
            let lineNumber = index + 1
            let trimmed = raw.trimmingWhitespace()
            index += 1
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("\"\"\"") || trimmed.hasPrefix("```") {
                let (docString, next) = try readDocString(lines, from: index - 1, file: file)
                try state.attachDocString(docString, line: lineNumber)
                index = next
                continue
            }
            if trimmed.hasPrefix("|") {
                try state.addTableRow(splitRow(trimmed), line: lineNumber)
                continue
            }
            if trimmed.hasPrefix("@") {
                state.pendingTags += trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
                    .map(String.init).filter { $0.hasPrefix("@") }
                continue
            }
            try state.handleKeywordLine(trimmed, line: lineNumber)
        }
        return try state.finish()
    }

    /// Reads a docstring opened at `start`; returns its content and the index of the line after it.
    private static func readDocString(_ lines: [String], from start: Int, file: String) throws(GherkinError)
        -> (String, Int)
    {
        let opening = lines[start]
        let indent = opening.prefix(while: { $0 == " " || $0 == "\t" }).count
        let delimiter = opening.trimmingWhitespace().hasPrefix("```") ? "```" : "\"\"\""
        var body: [String] = []
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            if line.trimmingWhitespace() == delimiter {
                return (body.joined(separator: "\n"), index + 1)
            }
            // Cucumber strips up to the opening delimiter's indentation from each content line.
            let leading = line.prefix(while: { $0 == " " || $0 == "\t" }).count
            body.append(String(line.dropFirst(min(indent, leading))))
            index += 1
        }
        throw GherkinError(file: file, line: start + 1, message: "docstring opened here is never closed")
    }

    /// Splits `| a | b |` into unescaped, trimmed cells (`\|` → `|`, `\\` → `\`, `\n` → newline).
    static func splitRow(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var characters = Array(row)
        if characters.first == "|" { characters.removeFirst() }
        var index = 0
        var sawClosingPipe = false
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                let next = characters[index + 1]
                switch next {
                case "|": current.append("|")
                case "\\": current.append("\\")
                case "n": current.append("\n")
                default: current.append("\\"); current.append(next)
                }
                index += 2
                continue
            }
            if character == "|" {
                cells.append(current.trimmingWhitespace())
                current = ""
                sawClosingPipe = true
            } else {
                current.append(character)
                sawClosingPipe = false
            }
            index += 1
        }
        if !sawClosingPipe, !current.trimmingWhitespace().isEmpty { cells.append(current.trimmingWhitespace()) }
        return cells
    }
}

/// A malformed feature file: which file, which line, and what was expected.
public struct GherkinError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The feature file, relative to the features directory.
    public var file: String
    /// 1-based line of the problem.
    public var line: Int
    /// What was wrong there.
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(self[first...last])
    }
}
