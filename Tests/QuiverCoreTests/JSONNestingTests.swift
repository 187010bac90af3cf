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
