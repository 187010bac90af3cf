import Testing
@testable import QuiverCore

@Suite struct ValueJSONTests {
    @Test("non-finite floats have one spelling, tagged in both styles", arguments: [ValueJSON.FloatStyle.tagged, .bare])
    func nonFiniteSpellings(style: ValueJSON.FloatStyle) throws {
        #expect(ValueJSON.encode(.float(.infinity), floats: style) == #"{"$float":"Inf"}"#)
        #expect(ValueJSON.encode(.float(-.infinity), floats: style) == #"{"$float":"-Inf"}"#)
        #expect(ValueJSON.encode(.float(.nan), floats: style) == #"{"$float":"NaN"}"#)
        for text in [#"{"$float":"Inf"}"#, #"{"$float":"Infinity"}"#] {
            #expect(try ValueJSON.decode(text) == .float(.infinity))
        }
        #expect(try ValueJSON.decode(#"{"$float":"-Infinity"}"#) == .float(-.infinity))
        #expect(throws: QueryError.self) { try ValueJSON.decode(#"{"$float":"inf"}"#) }
    }

    @Test func finiteFloatsAreTaggedOrCarryAFraction() throws {
        #expect(ValueJSON.encode(.float(2)) == #"{"$float":2.0}"#)
        #expect(ValueJSON.encode(.float(2), floats: .bare) == "2.0")
        #expect(ValueJSON.encode(.float(1e100), floats: .bare) == "1e+100")
        #expect(try ValueJSON.decode("2.0") == .float(2))
        #expect(try ValueJSON.decode("2") == .int(2))
    }

    @Test func valuesRoundTrip() throws {
        let values: [Value] = [
            .null, .bool(true), .int(-3), .float(0.25), .string("a\"b\n\u{1}"), .list([.int(1), .float(.nan)]),
            .map(["k": .list([]), "z": .float(-.infinity)]),
        ]
        for value in values {
            let decoded = try ValueJSON.decode(ValueJSON.encode(value))
            // NaN is not equal to itself; compare the encodings instead.
            #expect(ValueJSON.encode(decoded) == ValueJSON.encode(value))
        }
    }
}
