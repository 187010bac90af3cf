import QuiverCore

/// Parses the TCK's value notation (result tables, parameters) into ``QuiverCore/Value``.
///
/// Nodes and relationships in the notation have no identity: parsed nodes get negative ids and
/// relationships inside a path get endpoints that record each hop's direction, so
/// ``TCKValueMatcher`` can compare them structurally.
///
/// ```swift
/// try TCKValueParser.parse("[1, 2.0, 'a', (:A {k: null}), <(:A)-[:T]->()>]")
/// ```
public struct TCKValueParser {
    private let bytes: [UInt8]
    private var position = 0
    private var nextNodeID = -1

    private init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The value written in `text`, which must hold exactly one value (surrounding spaces allowed).
    public static func parse(_ text: String) throws(TCKValueError) -> Value {
        var parser = TCKValueParser(text)
        let value = try parser.parseValue()
        parser.skipSpaces()
        guard parser.position == parser.bytes.count else { throw parser.error("unexpected text after the value") }
        return value
    }

    private mutating func parseValue() throws(TCKValueError) -> Value {
        skipSpaces()
        guard let byte = peek() else { throw error("expected a value") }
        switch byte {
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "["): return try parseListOrRelationship()
        case UInt8(ascii: "{"): return .map(try parseMap())
        case UInt8(ascii: "("): return .node(try parseNode())
        case UInt8(ascii: "<"): return .path(try parsePath())
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            let word = readWord()
            switch word {
            case "null": return .null
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "NaN": return .float(.nan)
            case "Inf", "Infinity": return .float(.infinity)
            default: throw error(word.isEmpty ? "unexpected character" : "unknown word `\(word)`")
            }
        }
    }

    private mutating func parseNumber() throws(TCKValueError) -> Value {
        let start = position
        if peek() == UInt8(ascii: "-") || peek() == UInt8(ascii: "+") { position += 1 }
        let word = readWord()
        if word == "Inf" || word == "Infinity" {
            return .float(bytes[start] == UInt8(ascii: "-") ? -.infinity : .infinity)
        }
        position = start
        if peek() == UInt8(ascii: "-") || peek() == UInt8(ascii: "+") { position += 1 }
        var isFloat = false
        while let byte = peek() {
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if isDigit {
                position += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                isFloat = true
                position += 1
                if byte != UInt8(ascii: "."), peek() == UInt8(ascii: "-") || peek() == UInt8(ascii: "+") {
                    position += 1
                }
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isFloat, let double = Double(text) { return .float(double) }
        if !isFloat, let integer = Int64(text) { return .int(integer) }
        throw error("malformed number `\(text)`", at: start)
    }

    private mutating func parseString() throws(TCKValueError) -> String {
        let start = position
        guard let quote = next() else { throw error("expected a string") }
        var output: [UInt8] = []
        while let byte = next() {
            if byte == quote { return String(decoding: output, as: UTF8.self) }
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                continue
            }
            guard let escaped = next() else { break }
            switch escaped {
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "u"):
                let hex = String(decoding: bytes[position..<min(position + 4, bytes.count)], as: UTF8.self)
                guard hex.count == 4, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw error("malformed \\u escape")
                }
                position += 4
                output += Array(String(Character(scalar)).utf8)
            default: output.append(escaped)
            }
        }
        throw error("unterminated string", at: start)
    }

    private mutating func parseListOrRelationship() throws(TCKValueError) -> Value {
        position += 1
        skipSpaces()
        if peek() == UInt8(ascii: ":") {
            position -= 1
            return .relationship(try parseRelationship())
        }
        var elements: [Value] = []
        if consume("]") { return .list(elements) }
        repeat {
            elements.append(try parseValue())
            skipSpaces()
        } while consume(",")
        try expect("]")
        return .list(elements)
    }

    private mutating func parseMap() throws(TCKValueError) -> [String: Value] {
        try expect("{")
        var map: [String: Value] = [:]
        skipSpaces()
        if consume("}") { return map }
        repeat {
            skipSpaces()
            let key = try parseName()
            try expect(":")
            map[key] = try parseValue()
            skipSpaces()
        } while consume(",")
        try expect("}")
        return map
    }

    private mutating func parseNode() throws(TCKValueError) -> Node {
        try expect("(")
        var labels: [String] = []
        skipSpaces()
        while consume(":") {
            labels.append(try parseName())
            skipSpaces()
        }
        let properties = peek() == UInt8(ascii: "{") ? try parseMap() : [:]
        try expect(")")
        defer { nextNodeID -= 1 }
        return Node(id: nextNodeID, labels: labels, properties: properties)
    }

    private mutating func parseRelationship() throws(TCKValueError) -> Relationship {
        try expect("[")
        try expect(":")
        let type = try parseName()
        skipSpaces()
        let properties = peek() == UInt8(ascii: "{") ? try parseMap() : [:]
        try expect("]")
        return Relationship(id: -1, type: type, startID: -1, endID: -1, properties: properties)
    }

    /// `<(:A)-[:T]->(:B)<-[:S]-()>`: each hop's arrow decides which node starts the relationship.
    private mutating func parsePath() throws(TCKValueError) -> Path {
        try expect("<")
        var nodes = [try parseNode()]
        var relationships: [Relationship] = []
        skipSpaces()
        while !consume(">") {
            let backward = consume("<-")
            if !backward { try expect("-") }
            var relationship = try parseRelationship()
            let forward = consume("->")
            if !forward { try expect("-") }
            guard backward != forward else { throw error("a path hop needs exactly one arrow head") }
            let node = try parseNode()
            let previous = nodes[nodes.count - 1].id
            (relationship.startID, relationship.endID) = forward ? (previous, node.id) : (node.id, previous)
            relationship.id = -(relationships.count + 1)
            relationships.append(relationship)
            nodes.append(node)
            skipSpaces()
        }
        return Path(nodes: nodes, relationships: relationships)
    }

    /// A label, type or map key: an identifier or a `` `backquoted` `` name.
    private mutating func parseName() throws(TCKValueError) -> String {
        skipSpaces()
        if consume("`") {
            let start = position
            while let byte = peek(), byte != UInt8(ascii: "`") { position += 1 }
            let name = String(decoding: bytes[start..<position], as: UTF8.self)
            try expect("`")
            return name
        }
        let name = readWord()
        guard !name.isEmpty else { throw error("expected a name") }
        return name
    }

    private mutating func readWord() -> String {
        let start = position
        while let byte = peek(), byte >= 0x80 || byte == UInt8(ascii: "_")
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        {
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func next() -> UInt8? {
        defer { position += 1 }
        return peek()
    }

    private mutating func skipSpaces() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
    }

    private mutating func consume(_ token: String) -> Bool {
        skipSpaces()
        let tokenBytes = Array(token.utf8)
        guard position + tokenBytes.count <= bytes.count,
            Array(bytes[position..<position + tokenBytes.count]) == tokenBytes
        else { return false }
        position += tokenBytes.count
        return true
    }

    private mutating func expect(_ token: String) throws(TCKValueError) {
        guard consume(token) else { throw error("expected `\(token)`") }
    }

    private func error(_ message: String, at offset: Int? = nil) -> TCKValueError {
        TCKValueError(text: String(decoding: bytes, as: UTF8.self), offset: offset ?? position, message: message)
    }
}

/// TCK value text that does not parse: the text, the UTF-8 offset, and what was expected there.
public struct TCKValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value text that failed to parse.
    public var text: String
    /// UTF-8 offset of the problem in `text`.
    public var offset: Int
    /// What was expected there.
    public var message: String

    public var description: String { "\(message) at offset \(offset) in `\(text)`" }
}
