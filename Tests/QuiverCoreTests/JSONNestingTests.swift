import Testing

@testable import QuiverCore

/// The pre-scan finds JSON nested deeper than a limit, without recursion, and ignores brackets in strings.
@Suite struct JSONNestingTests {
    static let deep = [
        String(repeating: "[", count: 60_000) + String(repeating: "]", count: 60_000),
        String(repeating: "[", count: 60_000),
        String(repeating: #"{"a":"#, count: 60_000) + "1" + String(repeating: "}", count: 60_000),
        String(repeating: #"{"a":"#, count: 60_000),
    ]

    @Test(arguments: deep)
    func deepJSONIsANestingLimitError(text: String) throws {
        let error = try #require(throws: QueryError.self) { try JSONNesting.check(text.utf8) }
        #expect(error.code == "NestingLimit" && error.category == .resourceLimit)
        #expect(error.message.contains("\(JSONNesting.foundationDepth)"))
    }

    @Test func theLimitIsExactAndLocated() throws {
        let limit = 10
        try JSONNesting.check(("[" + String(repeating: "[", count: limit - 1) + String(repeating: "]", count: limit)).utf8, limit: limit)
        let text = "{\n  \"é\": " + String(repeating: "[", count: limit) + String(repeating: "]", count: limit) + "}"
        let error = try #require(throws: QueryError.self) { try JSONNesting.check(text.utf8, limit: limit) }
        // Level 1 is the object; the 10th `[` opens level 11, at column 8 + 9 (characters, not bytes).
        #expect(error.location?.line == 2 && error.location?.column == 17)
    }

    @Test func bracketsInsideStringsAreText() throws {
        let text = #"{"a": "[[[[[[[[[[[[ \" [[[[[[", "b": ["]]]]]]"]}"#
        try JSONNesting.check(text.utf8, limit: 2)
    }
}

/// Error excerpts of very long lines show the part around the column.
@Suite struct ExcerptTests {
    @Test func aLongLineIsCutAroundTheColumn() {
        let text = String(repeating: "a", count: 1_000) + "X" + String(repeating: "b", count: 1_000)
        let excerpt = text.excerpt(at: SourceLocation(offset: 1_000, in: text))
        let lines = excerpt.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].count == String.excerptWidth + 2)
        // The caret stands under the X.
        let caret = lines[1].count - 1
        #expect(Array(lines[0])[caret] == "X")
    }

    @Test func shortLinesAreShownWhole() {
        let text = "MATCH (n)\nRETURN m"
        #expect(text.excerpt(at: SourceLocation(line: 2, column: 8, offset: 17)) == "RETURN m\n       ^")
    }
}
