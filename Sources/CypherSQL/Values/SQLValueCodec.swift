import QuiverCore

/// How a Cypher value is stored in a SQL cell: JSON text in SQLite, `jsonb` in PostgreSQL.
///
/// Null is SQL NULL at the top and JSON `null` inside lists and maps. Integers are JSON integers;
/// floats always carry a fraction (`2.0`), and PostgreSQL gets no exponent (its `jsonb` keeps
/// a number's scale, which is how an integer and a float stay apart there); NaN and the infinities
/// are `{"~f":"NaN"}`, `{"~f":"Inf"}`, `{"~f":"-Inf"}`. Graph entities are references: a node
/// `{"~n":7}`, a relationship `{"~r":3}`, a path `{"~p":[n0,r0,n1,…]}` (ids alternating). Map keys are
/// sorted, so equal maps are equal text. Temporal values have no SQL form yet.
///
/// ```swift
/// try SQLValueCodec.encode(.list([1, 2.5, "a"]), for: .sqlite)    // [1,2.5,"a"]
/// try SQLValueCodec.encode(.float(1e20), for: .postgres)          // 100000000000000000000.0
/// try SQLValueCodec.decode("{\"~n\":7}")                          // a node reference with id 7
/// ```
public enum SQLValueCodec {
    /// The cell text of `value`, or `nil` for null.
    public static func encode(_ value: Value, for dialect: SQLGraphDialect) throws(QueryError) -> String? {
        if case .null = value { return nil }
        var out = ""
        try append(value, to: &out, dialect)
        return out
    }

    /// The JSON text of `value` (`null` for null).
    public static func json(_ value: Value, for dialect: SQLGraphDialect) throws(QueryError) -> String {
        var out = ""
        try append(value, to: &out, dialect)
        return out
    }

    static func append(_ value: Value, to out: inout String, _ dialect: SQLGraphDialect) throws(QueryError) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let f): out += float(f, dialect)
        case .string(let s): out += ValueJSON.string(s)
        case .list(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                try append(item, to: &out, dialect)
            }
            out += "]"
        case .map(let map):
            out += "{"
            for (index, key) in map.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                out += ValueJSON.string(key) + ":"
                try append(map[key] ?? .null, to: &out, dialect)
            }
            out += "}"
        case .node(let node): out += "{\"~n\":\(node.id)}"
        case .relationship(let relationship): out += "{\"~r\":\(relationship.id)}"
        case .path(let path):
            var ids: [Int] = []
            for (index, node) in path.nodes.enumerated() {
                ids.append(node.id)
                if index < path.relationships.count { ids.append(path.relationships[index].id) }
            }
            out += "{\"~p\":[" + ids.map(String.init).joined(separator: ",") + "]}"
        case .temporal:
            throw SQLGraphError.unsupported("temporal values")
        case .point:
            throw SQLGraphError.unsupported("spatial values (point)")
        }
    }

    /// A float as JSON that reads back as a float in `dialect`.
    static func float(_ f: Double, _ dialect: SQLGraphDialect) -> String {
        if f.isNaN { return "{\"~f\":\"NaN\"}" }
        if f.isInfinite { return f < 0 ? "{\"~f\":\"-Inf\"}" : "{\"~f\":\"Inf\"}" }
        let text = "\(f)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return text.contains(".") ? text : text + ".0"
        }
        guard dialect == .postgres else { return text }
        return plainDecimal(mantissa: String(text[..<e]), exponent: Int(text[text.index(after: e)...]) ?? 0)
    }

    /// `1.5e3` as `1500.0`, `1e-3` as `0.001`: PostgreSQL's `jsonb` would read an exponent as an integer's scale.
    static func plainDecimal(mantissa: String, exponent: Int) -> String {
        var digits = mantissa
        let negative = digits.hasPrefix("-")
        if negative { digits.removeFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var all = whole + fraction
        var point = whole.count + exponent
        if point <= 0 {
            all = String(repeating: "0", count: 1 - point) + all
            point = 1
        } else if point > all.count {
            all += String(repeating: "0", count: point - all.count)
        }
        var integerPart = String(all.prefix(point))
        var fractionPart = String(all.dropFirst(point))
        while fractionPart.hasSuffix("0") { fractionPart.removeLast() }
        if fractionPart.isEmpty { fractionPart = "0" }
        while integerPart.count > 1, integerPart.hasPrefix("0") { integerPart.removeFirst() }
        return (negative ? "-" : "") + integerPart + "." + fractionPart
    }

    /// The value of a cell's JSON text; entity references come back as bare nodes, relationships
    /// and paths carrying only their ids (see ``SQLEntityResolver``).
    public static func decode(_ text: String) throws(QueryError) -> Value {
        do {
            return try ValueJSON.decode(Array(text.utf8)) { (map: [String: Value]) throws(QueryError) in
                try SQLValueTags.tagged(map)
            }
        } catch where error.code == "InvalidJSON" {
            throw QueryError(.typeError, code: "InvalidStoredValue", phase: .runtime,
                             message: "a stored value is not valid JSON (\(error.message))")
        }
    }
}
