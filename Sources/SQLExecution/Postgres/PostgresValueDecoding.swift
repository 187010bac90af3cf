import QuiverCore

/// Turns PostgreSQL's text-format values into ``QuiverCore/Value``s by column type.
enum PostgresValueDecoding {
    // Type OIDs from pg_type.dat; stable across server versions.
    static let bool: UInt32 = 16, bytea: UInt32 = 17, int8: UInt32 = 20, int2: UInt32 = 21, int4: UInt32 = 23
    static let oid: UInt32 = 26, float4: UInt32 = 700, float8: UInt32 = 701, numeric: UInt32 = 1700

    static func value(text: String, typeOID: UInt32) -> Value {
        switch typeOID {
        case int2, int4, int8, oid:
            return Int64(text).map(Value.int) ?? .string(text)
        case float4, float8:
            return double(text).map(Value.float) ?? .string(text)
        case numeric:
            // NUMERIC has no SQLite twin; integral values come back as integers (SUM over integers is
            // NUMERIC in PostgreSQL but INTEGER in SQLite), the rest as doubles.
            if !text.contains("."), let integer = Int64(text) { return .int(integer) }
            return double(text).map(Value.float) ?? .string(text)
        case bool:
            return .bool(text == "t")
        case bytea:
            return ResultSet.blob(hexBytes(text))
        default:
            return .string(text)
        }
    }

    private static func double(_ text: String) -> Double? {
        switch text {
        case "NaN": .nan
        case "Infinity": .infinity
        case "-Infinity": -.infinity
        default: Double(text)
        }
    }

    /// Decodes bytea's hex output format (`\x0a1b…`).
    private static func hexBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var utf8 = text.utf8.dropFirst(2).makeIterator()
        while let high = utf8.next(), let low = utf8.next() {
            guard let h = nibble(high), let l = nibble(low) else { break }
            bytes.append(h << 4 | l)
        }
        return bytes
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
