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

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownDigests(message: String, digest: String) {
        #expect(SHA256.hex(of: Array(message.utf8)) == digest)
    }

    @Test func aMillionAsInUnevenPieces() {
        var hash = SHA256()
        var left = 1_000_000, piece = 1
        while left > 0 {
            let n = min(piece, left)
            hash.update([UInt8](repeating: UInt8(ascii: "a"), count: n))
            left -= n
            piece = piece * 3 % 997 + 1
        }
        #expect(hash.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
