import QuiverCore

extension CypherParser {
    /// The rest of `LOAD CSV [WITH HEADERS] FROM url AS variable [FIELDTERMINATOR 'c']`, after `LOAD`.
    mutating func parseLoadCSV(start: SourceLocation) throws -> LoadCSV {
        try expectKeyword("CSV")
        var withHeaders = false
        if current.isKeyword("WITH") && peek().isKeyword("HEADERS") {
            advance()
            advance()
            withHeaders = true
        }
        try expectKeyword("FROM")
        let source = try parseExpression()
        try expectKeyword("AS")
        let variable = try parseVariable()
        var terminator: String?
        if acceptKeyword("FIELDTERMINATOR") {
            guard current.kind == .string else { throw unexpected("a one-character string after FIELDTERMINATOR") }
            let text = current.text
            guard text.utf8.count == 1 else {
                throw error("InvalidFieldTerminator",
                            "FIELDTERMINATOR must be a single one-byte character such as ',' or '\\t', found '\(text)'",
                            at: current.start)
            }
            terminator = text
            advance()
        }
        return LoadCSV(withHeaders: withHeaders, source: source, variable: variable, fieldTerminator: terminator,
                       range: range(from: start))
    }
}
