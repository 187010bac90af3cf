import QuiverCore

/// `LOAD CSV [WITH HEADERS] FROM url AS variable [FIELDTERMINATOR 'c']`: one row per CSV record.
///
/// With headers the variable is a map from the header names to the fields (strings, or null for
/// an empty field); without, a list of the fields. URLs are `file:///name.csv`, resolved against
/// the import directory of the run's ``ExecutionOptions``, never outside it.
///
/// ```swift
/// let query = try CypherParser.parse("LOAD CSV WITH HEADERS FROM 'file:///people.csv' AS row RETURN row.name")
/// ```
public struct LoadCSV: Sendable, Hashable {
    /// Whether the first record names the fields (`WITH HEADERS`).
    public var withHeaders: Bool
    /// The URL expression.
    public var source: Expression
    /// The variable each record is bound to.
    public var variable: Variable
    /// The field separator given by `FIELDTERMINATOR`, if any (default `,`).
    public var fieldTerminator: String?
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(withHeaders: Bool, source: Expression, variable: Variable, fieldTerminator: String?, range: SourceRange) {
        self.withHeaders = withHeaders
        self.source = source
        self.variable = variable
        self.fieldTerminator = fieldTerminator
        self.range = range
    }
}
