import QuiverCore
import Testing

@testable import Cypher

/// `--params` JSON nested past the nesting limit is a typed error, never a stack overflow.
@Suite struct ValueJSONNestingTests {
    static func arrays(_ levels: Int, closed: Bool = true) -> String {
        String(repeating: "[", count: levels) + (closed ? String(repeating: "]", count: levels) : "")
    }

    static func objects(_ levels: Int, closed: Bool = true) -> String {
        String(repeating: #"{"a":"#, count: levels) + "1" + (closed ? String(repeating: "}", count: levels) : "")
    }

    @Test(arguments: [
        arrays(60_000), arrays(60_000, closed: false), objects(60_000), objects(60_000, closed: false),
        "{\"p\":\n" + arrays(60_000) + "}",
    ])
    func jsonPastTheLimitIsANestingLimitError(text: String) throws {
        let error = try #require(throws: QueryError.self) { try ValueJSON.decode(text) }
        #expect(error.code == "NestingLimit" && error.category == .resourceLimit)
        #expect(error.message.contains("\(NestingLimit.depth)"))
        let location = try #require(error.location)
        #expect(location.offset < text.utf8.count)
    }

    @Test func theErrorSaysWhereTheLimitWasCrossed() throws {
        let text = "{\"p\":\n  " + Self.arrays(5_000) + "}"
        let error = try #require(throws: QueryError.self) { try ValueJSON.decode(text) }
        // The object is level 1; the 1,000th `[` opens level 1,001, at column 3 + 999.
        #expect(error.location?.line == 2 && error.location?.column == 3 + NestingLimit.depth - 1)
    }

    @Test(arguments: [arrays(NestingLimit.depth), objects(NestingLimit.depth)])
    func jsonAtTheLimitDecodes(text: String) throws {
        _ = try ValueJSON.decode(text)
    }

    @Test func deepValuesEncodeAndDecodeBack() throws {
        // A map is written `{"$map": {…}}`, two levels each, so maps round-trip to half the limit.
        for text in [Self.arrays(NestingLimit.depth), Self.objects(NestingLimit.depth / 2)] {
            let value = try ValueJSON.decode(text)
            #expect(try ValueJSON.decode(ValueJSON.encode(value)) == value)
        }
    }
}
