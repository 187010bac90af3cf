import QuiverCore

/// Where an AST node came from in the source text; it never takes part in AST equality.
///
/// Two trees that differ only in positions are the same query, which is what "parses, prints and
/// re-parses to the same AST" needs; so `==` is always true and hashing ignores the span.
public struct SourceSpan: Sendable, Hashable, CustomStringConvertible {
    /// UTF-8 offsets `start ..< end`, or `nil` for a node built in code.
    public var offsets: Range<Int>?

    public init(_ offsets: Range<Int>? = nil) {
        self.offsets = offsets
    }

    /// The span's start and end as line/column locations in `source`.
    public func range(in source: String) -> SourceRange? {
        guard let offsets else { return nil }
        return SourceRange(
            start: SourceLocation(offset: offsets.lowerBound, in: source),
            end: SourceLocation(offset: offsets.upperBound, in: source))
    }

    public static func == (lhs: SourceSpan, rhs: SourceSpan) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    public var description: String {
        offsets.map { "\($0.lowerBound)..<\($0.upperBound)" } ?? "-"
    }
}

/// A name as written: its text, and how it was quoted.
///
/// SQL identifiers are case-insensitive in SQLite; `normalized` gives the lower-cased name used
/// for comparisons, while `name` keeps the spelling for printing.
public struct Identifier: Sendable, Hashable, CustomStringConvertible {
    /// The name as written, without quotes.
    public var name: String
    /// How the name was quoted.
    public var quote: QuoteStyle

    public init(_ name: String, quote: QuoteStyle = .none) {
        self.name = name
        self.quote = quote
    }

    /// The lower-cased name, for case-insensitive matching.
    public var normalized: String { name.lowercased() }

    public var description: String { name }
}
