/// Reading JSON text into values: the inverse of ``ValueJSON/encode(_:floats:)``.
extension ValueJSON {
    /// Parses JSON text to a value: integers stay integers, numbers with a fraction or exponent are
    /// floats, and the tags ``encode(_:floats:)`` writes (`{"$float": …}`, `{"$map": …}`, temporal
    /// kinds) are understood; `{"$float": "Infinity"}` is read as well as `"Inf"`.
    ///
    /// Arrays and objects nested deeper than ``NestingLimit/depth`` are a `ResourceLimit` /
    /// `NestingLimit` error at the bracket that crossed the limit; the reader never recurses deeper.
    public static func decode(_ text: String) throws(QueryError) -> Value {
        try decode(Array(text.utf8), tags: nil)
    }

    /// How a JSON dialect reads a one-key object: the value it stands for, or nil for a plain map.
    public typealias TagReader = ([String: Value]) throws(QueryError) -> Value?

    /// Parses JSON bytes as ``decode(_:)`` does, but with another dialect's tags: `tags` decides
    /// what each object stands for (`$` tags are then plain keys).
    ///
    /// ```swift
    /// try ValueJSON.decode(Array(#"{"~n": 3}"#.utf8)) { map in map["~n"].map { _ in .null } }
    /// ```
    public static func decode(_ bytes: [UInt8], tags: TagReader?) throws(QueryError) -> Value {
        func parse() throws(QueryError) -> Value {
            var parser = Parser(bytes: bytes, tags: tags)
            let value = try parser.value()
            parser.skipSpace()
            guard parser.index == parser.bytes.count else { throw parser.failure("unexpected text after the JSON value") }
            return value
        }
        // ~7 KB of stack per level in unoptimised builds: text that cannot nest 64 levels deep runs
        // on any thread; deeper text gets a query's stack (a thread of its own when this one is short).
        var brackets = 0
        for byte in bytes where byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
            brackets += 1
            if brackets > 64 { return try StackGuard.run(needing: StackGuard.queryStack, parse) }
        }
        return try parse()
    }

    private struct Parser {
        let bytes: [UInt8]
        /// Another dialect's tags, or nil for ValueJSON's own.
        let tags: TagReader?
        var index = 0
        /// Arrays and objects open around the current byte.
        var depth = 0

        func failure(_ message: String) -> QueryError {
            QueryError(.argumentError, code: "InvalidJSON", phase: .compileTime, message: "JSON at byte \(index): \(message)")
        }

        /// Enters one more array or object, or throws past ``NestingLimit/depth``; pair with `depth -= 1`.
        mutating func descend() throws(QueryError) {
            guard depth < NestingLimit.depth else {
                let location = SourceLocation(offset: index, in: String(decoding: bytes, as: UTF8.self))
                throw JSONNesting.exceeded(limit: NestingLimit.depth, at: location)
            }
            depth += 1
        }

        mutating func skipSpace() {
            while index < bytes.count, [32, 9, 10, 13].contains(bytes[index]) { index += 1 }
        }

        mutating func value() throws(QueryError) -> Value {
            skipSpace()
            guard index < bytes.count else { throw failure("unexpected end") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                try descend()
                defer { depth -= 1 }
                let map = try object()
                if let tags { return try tags(map) ?? .map(map) }
                return try tagged(map)
            case UInt8(ascii: "["):
                try descend()
                defer { depth -= 1 }
                return .list(try array())
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default:
                return try number()
            }
        }

        // `object()`, `array()` and `tagged(_:)` are apart from `value()` so that each level of
        // nesting costs the stack only their small frames.

        /// `{…}`, the current byte being `{`.
        mutating func object() throws(QueryError) -> [String: Value] {
            index += 1
            var m: [String: Value] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return m
            }
            while true {
                skipSpace()
                guard case .string(let key) = try value() else { throw failure("object keys must be strings") }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
                index += 1
                m[key] = try value()
                skipSpace()
                guard index < bytes.count else { throw failure("unexpected end") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
                index += 1
                return m
            }
        }

        /// `[…]`, the current byte being `[`.
        mutating func array() throws(QueryError) -> [Value] {
            index += 1
            var items: [Value] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return items
            }
            while true {
                items.append(try value())
                skipSpace()
                guard index < bytes.count else { throw failure("unexpected end") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
                index += 1
                return items
            }
        }

        /// An object as a value: `{"$float": …}`, `{"$map": …}` and temporal tags understood.
        func tagged(_ m: [String: Value]) throws(QueryError) -> Value {
            if m.count == 1, let tagged = m["$float"] {
                switch tagged {
                case .float, .int: return .float(tagged.numericValue ?? 0)
                case .string(let spelling):
                    guard let special = ValueJSON.nonFinite(spelling) else { throw failure("bad $float value") }
                    return .float(special)
                default: throw failure("bad $float value")
                }
            }
            if m.count == 1, case .map(let inner)? = m["$map"] { return .map(inner) }
            if m.count == 1, case .map(let fields)? = m["$point"] {
                guard case .int(let srid)? = fields["srid"], let crs = Point.CRS(rawValue: Int(srid)),
                      let x = fields["x"]?.numericValue, let y = fields["y"]?.numericValue
                else { throw failure("bad $point value: give {\"srid\", \"x\", \"y\"[, \"z\"]}") }
                return .point(Point(crs: crs, x: x, y: y, z: fields["z"]?.numericValue))
            }
            if m.count == 1, let entry = m.first, entry.key.hasPrefix("$"), case .string(let text) = entry.value,
               let kind = TemporalValue.Kind(rawValue: String(entry.key.dropFirst())) {
                return .temporal(try TemporalValue.parse(text, as: kind))
            }
            return .map(m)
        }

        mutating func literal(_ word: String, _ v: Value) throws(QueryError) -> Value {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else { throw failure("unexpected token") }
            index += w.count
            return v
        }

        mutating func number() throws(QueryError) -> Value {
            let start = index
            while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if let i = Int64(text) { return .int(i) }
            if let f = Double(text) { return .float(f) }
            throw failure("bad number `\(text)`")
        }

        mutating func string() throws(QueryError) -> String {
            index += 1
            var out: [UInt8] = []
            while index < bytes.count {
                let b = bytes[index]
                index += 1
                if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                guard b == UInt8(ascii: "\\"), index < bytes.count else { out.append(b); continue }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    // A UTF-16 surrogate pair spells one scalar beyond the BMP.
                    if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                       bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        code = 0x10000 + ((code - 0xD800) << 10) + (try hex4() &- 0xDC00)
                    }
                    out.append(contentsOf: Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8))
                default: out.append(e)
                }
            }
            throw failure("unterminated string")
        }

        mutating func hex4() throws(QueryError) -> UInt32 {
            guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
            else { throw failure("bad \\u escape") }
            index += 4
            return code
        }
    }
}
