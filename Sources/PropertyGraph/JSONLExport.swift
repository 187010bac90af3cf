import QuiverCore

/// JSON Lines export: one object per node, then one per relationship, in id order
/// (format documented in `schemas/graph-jsonl.schema.json`).
///
/// `{"kind":"node","id":0,"labels":["Person"],"properties":{"age":42,"name":"Ann"}}`
/// `{"kind":"relationship","id":0,"type":"KNOWS","start":0,"end":1,"properties":{}}`
///
/// Property keys are sorted; integers are JSON integers; floats always carry a `.` or an
/// exponent (`2.0`, `1e+100`), and the non-finite ones are written `{"$float":"NaN"}`,
/// `{"$float":"Infinity"}` or `{"$float":"-Infinity"}`, and temporal values as their ISO text tagged
/// with their kind (`{"$date":"2015-07-21"}`), so a reader can tell every type apart.
extension GraphStore {
    /// Calls `body` with each JSONL line (without the newline): nodes first, then relationships.
    public func forEachJSONLine(_ body: (String) throws -> Void) rethrows {
        try forEachNode { id in
            var line = "{\"kind\":\"node\",\"id\":\(id),\"labels\":["
            line += labelNames(of: id).map(Self.jsonString).joined(separator: ",")
            line += "],\"properties\":" + Self.jsonObject(sortedNodeProperties(id)) + "}"
            try body(line)
        }
        try forEachRelationship { id in
            var line = "{\"kind\":\"relationship\",\"id\":\(id),\"type\":" + Self.jsonString(typeName(relationshipType(id)))
            line += ",\"start\":\(startNode(of: id)),\"end\":\(endNode(of: id)),\"properties\":"
            line += Self.jsonObject(sortedRelationshipProperties(id)) + "}"
            try body(line)
        }
    }

    /// The whole graph as JSON Lines text, each line ending in a newline.
    public func jsonLines() -> String {
        var text = ""
        forEachJSONLine { text += $0 + "\n" }
        return text
    }

    /// Writes the JSON Lines export to `path` atomically.
    public func exportJSONL(to path: String) throws {
        var bytes: [UInt8] = []
        forEachJSONLine { line in
            bytes.append(contentsOf: line.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        try FileIO.writeAtomically(bytes, to: path)
    }

    static func jsonObject(_ pairs: [(key: String, value: Value)]) -> String {
        "{" + pairs.map { jsonString($0.key) + ":" + jsonValue($0.value) }.joined(separator: ",") + "}"
    }

    static func jsonValue(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let f):
            if f.isNaN { return "{\"$float\":\"NaN\"}" }
            if f.isInfinite { return f > 0 ? "{\"$float\":\"Infinity\"}" : "{\"$float\":\"-Infinity\"}" }
            let text = "\(f)"
            return text.contains(".") || text.contains("e") ? text : text + ".0"
        case .string(let s): return jsonString(s)
        case .list(let items): return "[" + items.map(jsonValue).joined(separator: ",") + "]"
        case .map(let entries):
            return jsonObject(entries.keys.sorted().map { ($0, entries[$0] ?? .null) })
        case .node(let n): return "{\"$node\":\(n.id)}"
        case .relationship(let r): return "{\"$relationship\":\(r.id)}"
        case .path: return "null"
        case .temporal(let t): return "{" + jsonString("$" + t.kind.rawValue) + ":" + jsonString(t.description) + "}"
        }
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
