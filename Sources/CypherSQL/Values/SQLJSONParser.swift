import QuiverCore

/// Reads the JSON of ``SQLValueCodec`` back into values: a small parser over UTF-8 bytes.
struct SQLJSONParser {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }

    func failure(_ what: String) -> QueryError {
        QueryError(.typeError, code: "InvalidStoredValue", phase: .runtime,
                   message: "a stored value is not valid JSON (\(what) at byte \(position))")
    }

    mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    mutating func value(depth: Int) throws(QueryError) -> Value {
        guard depth <= NestingLimit.depth else {
            throw NestingLimit.exceeded("a stored value", at: SourceLocation(line: 1, column: position + 1, offset: position))
        }
        skipSpace()
        guard position < bytes.count else { throw failure("unexpected end") }
        switch bytes[position] {
        case UInt8(ascii: "n"): return try word("null", .null)
        case UInt8(ascii: "t"): return try word("true", .bool(true))
        case UInt8(ascii: "f"): return try word("false", .bool(false))
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "["): return .list(try array(depth: depth))
        case UInt8(ascii: "{"): return try object(depth: depth)
        default: return try number()
        }
    }

    private mutating func word(_ text: String, _ result: Value) throws(QueryError) -> Value {
        let expected = Array(text.utf8)
        guard position + expected.count <= bytes.count, Array(bytes[position..<position + expected.count]) == expected else {
            throw failure("bad literal")
        }
        position += expected.count
        return result
    }

    private mutating func array(depth: Int) throws(QueryError) -> [Value] {
        position += 1
        var items: [Value] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return items
        }
        while true {
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard position < bytes.count else { throw failure("unclosed list") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return items }
            throw failure("expected , or ]")
        }
    }

    private mutating func object(depth: Int) throws(QueryError) -> Value {
        position += 1
        var map: [String: Value] = [:]
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .map(map)
        }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure("expected a key") }
            let key = try string()
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw failure("expected :") }
            position += 1
            map[key] = try value(depth: depth + 1)
            skipSpace()
            guard position < bytes.count else { throw failure("unclosed map") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; break }
            throw failure("expected , or }")
        }
        return try Self.tagged(map) ?? .map(map)
    }

    /// The value a one-key `~` object stands for, or nil for a plain map.
    static func tagged(_ map: [String: Value]) throws(QueryError) -> Value? {
        guard map.count == 1, let (key, inner) = map.first, key.hasPrefix("~") else { return nil }
        switch (key, inner) {
        case ("~n", .int(let id)): return .node(Node(id: Int(id), labels: [], properties: [:]))
        case ("~r", .int(let id)):
            return .relationship(Relationship(id: Int(id), type: "", startID: -1, endID: -1, properties: [:]))
        case ("~f", .string(let spelling)):
            switch spelling {
            case "NaN": return .float(.nan)
            case "Inf": return .float(.infinity)
            case "-Inf": return .float(-.infinity)
            default: return nil
            }
        case ("~p", .list(let ids)):
            var nodes: [Node] = [], relationships: [Relationship] = []
            for (index, item) in ids.enumerated() {
                guard case .int(let id) = item else { return nil }
                if index % 2 == 0 {
                    nodes.append(Node(id: Int(id), labels: [], properties: [:]))
                } else {
                    relationships.append(Relationship(id: Int(id), type: "", startID: -1, endID: -1, properties: [:]))
                }
            }
            return .path(Path(nodes: nodes, relationships: relationships))
        default: return nil
        }
    }

    private mutating func number() throws(QueryError) -> Value {
        let start = position
        var isFloat = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                isFloat = true
            } else if !(byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || (byte >= 0x30 && byte <= 0x39)) {
                break
            }
            position += 1
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if !isFloat, let integer = Int64(text) { return .int(integer) }
        guard let double = Double(text) else { throw failure("bad number") }
        return .float(double)
    }

    private mutating func string() throws(QueryError) -> String {
        position += 1
        var out: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: out, as: UTF8.self)
            }
            if byte != UInt8(ascii: "\\") {
                out.append(byte)
                position += 1
                continue
            }
            position += 1
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                {
                    position += 2
                    let low = try hex4()
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                out += Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
            default: out.append(escape)
            }
        }
        throw failure("unclosed string")
    }

    private mutating func hex4() throws(QueryError) -> UInt32 {
        guard position + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw failure("bad \\u escape") }
        position += 4
        return value
    }
}
