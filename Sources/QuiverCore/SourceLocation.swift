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
    /// A line longer than ``excerptWidth`` characters is cut to that many around the column, with
    /// `…` where text was left out, so an error about a 100,000-character query stays readable.
    public func excerpt(at location: SourceLocation) -> String {
        let lines = split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line >= 1, location.line <= lines.count else { return "" }
        let line = lines[location.line - 1]
        var column = max(0, location.column - 1)
        var shown = String(line)
        if line.count > Self.excerptWidth {
            let start = max(0, min(column - Self.excerptWidth / 2, line.count - Self.excerptWidth))
            let lower = line.index(line.startIndex, offsetBy: start)
            let upper = line.index(lower, offsetBy: Self.excerptWidth)
            shown = (start > 0 ? "…" : "") + line[lower..<upper] + (upper < line.endIndex ? "…" : "")
            column += (start > 0 ? 1 : 0) - start
        }
        return shown + "\n" + String(repeating: " ", count: max(0, column)) + "^"
    }

    /// The most characters of a source line an ``excerpt(at:)`` shows.
    public static let excerptWidth = 120
}
