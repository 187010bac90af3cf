/// A position in query text: 1-based line and column, and the UTF-8 offset.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The location of a UTF-8 offset in `text`; columns count characters, not bytes.
    ///
    /// ```swift
    /// SourceLocation(offset: 6, in: "MATCH\n(n)")   // line 2, column 1
    /// ```
    public init(offset: Int, in text: String) {
        var line = 1
        var column = 1
        var consumed = 0
        for character in text {
            let width = character.utf8.count
            if consumed + width > offset { break }
            consumed += width
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.init(line: line, column: column, offset: offset)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open span of query text, `start ..< end` in UTF-8 offsets.
public struct SourceRange: Sendable, Hashable {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }
}

extension String {
    /// The source line that holds `location`, with a caret under its column, for error messages.
    ///
    /// ```
    /// MATCH (n) RETURN m
    ///                  ^
    /// ```
    ///
    /// A line longer than 120 characters is cut to the 120 around the column, with `…` marking
    /// the cuts, so that an error in a huge generated query stays readable.
    public func excerpt(at location: SourceLocation) -> String {
        let lines = split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line >= 1, location.line <= lines.count else { return "" }
        let line = Array(lines[location.line - 1])
        var column = max(0, location.column - 1)
        let window = 120
        guard line.count > window else {
            return String(line) + "\n" + String(repeating: " ", count: column) + "^"
        }
        let lower = max(0, min(column - window / 2, line.count - window))
        let upper = min(line.count, lower + window)
        var shown = String(line[lower..<upper])
        column -= lower
        if lower > 0 {
            shown = "…" + shown
            column += 1
        }
        if upper < line.count { shown += "…" }
        return shown + "\n" + String(repeating: " ", count: column) + "^"
    }
}
