import QuiverCore

/// JSON Lines export: one object per node, then one per relationship, in id order
/// (format documented in `schemas/graph-jsonl.schema.json`).
///
/// `{"kind":"node","id":0,"labels":["Person"],"properties":{"age":42,"name":"Ann"}}`
/// `{"kind":"relationship","id":0,"type":"KNOWS","start":0,"end":1,"properties":{}}`
///
/// Values are written by ``QuiverCore/ValueJSON`` with bare floats: property keys are sorted;
/// integers are JSON integers; floats always carry a `.` or an exponent (`2.0`, `1e+100`), and the
/// non-finite ones are written `{"$float":"NaN"}`, `{"$float":"Inf"}` or `{"$float":"-Inf"}`, and
/// temporal values as their ISO text tagged with their kind (`{"$date":"2015-07-21"}`), so a reader
/// can tell every type apart.
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

    /// A property value in the export's style: the package's one codec, floats written bare.
    static func jsonValue(_ value: Value) -> String { ValueJSON.encode(value, floats: .bare) }

    static func jsonString(_ s: String) -> String { ValueJSON.string(s) }
}
