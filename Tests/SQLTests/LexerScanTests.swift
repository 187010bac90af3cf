import Testing
@testable import SQL

@Suite struct LexerScanTests {
    @Test func scanningReadsWhatTokenizingRejects() {
        let tokens = SQLLexer.scan("SELECT 'open # [x")
        #expect(tokens.map(\.kind) == [.word, .string])
        #expect(tokens[1].text == "open # [x")
        let stray = SQLLexer.scan("SELECT a # b")
        #expect(stray.map(\.text) == ["SELECT", "a", "#", "b"])
    }

    @Test func scanningAgreesWithTokenizingOnValidSQL() throws {
        let sql = "SELECT count(*) FROM (SELECT `a b` FROM t WHERE x >= 'it''s') -- done"
        #expect(SQLLexer.scan(sql) == Array(try SQLLexer.tokenize(sql).dropLast()))
    }

    @Test func tokensKnowTheirParenthesisDepth() {
        let tokens = SQLLexer.scan("SELECT a FROM (SELECT b ORDER BY b) ORDER BY a")
        let orders = tokens.filter { $0.isWord("order") }.map(\.depth)
        #expect(orders == [1, 0])
        #expect(tokens.first { $0.isSymbol("(") }?.depth == 0 && tokens.first { $0.isSymbol(")") }?.depth == 0)
    }

    @Test func commentsAndBlanksScanToNothing() {
        #expect(SQLLexer.scan("  -- only a comment\n/* and another */ ").isEmpty)
    }
}
