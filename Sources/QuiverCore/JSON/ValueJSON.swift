/// The one JSON encoding of ``Value``s in the package: `quiver cypher --format json` and its batch
/// records (schemas/cypher-result.schema.json), graph JSON Lines exports (schemas/graph-jsonl.schema.json),
/// `--params`, and the values of data-set files.
///
/// Integers are JSON numbers. Floats are told apart from integers in one of two ways
/// (``FloatStyle``): tagged `{"$float": 1.5}` (query results), or a bare JSON number that always
/// has a fraction or an exponent (`2.0`, `1e+100`; exports). Floats JSON cannot write are always
/// tagged, spelled once for the whole package: `{"$float": "NaN"}`, `{"$float": "Inf"}`,
/// `{"$float": "-Inf"}` (the reader also accepts `"Infinity"` and `"-Infinity"`). Maps are
/// `{"$map": {…}}`, nodes `{"$node": {id, labels, properties}}`, relationships
/// `{"$relationship": {id, type, start, end, properties}}`, paths `{"$path": {nodes, relationships}}`;
/// temporal values `{"$date": "2015-07-21"}` (also `$localtime`, `$time`, `$localdatetime`,
/// `$datetime`, `$duration`) with their ISO 8601 text; lists are arrays, strings, booleans and null
/// are themselves. Object keys are sorted.
///
/// ```swift
/// ValueJSON.encode(.float(1))                    // {"$float":1.0}
/// ValueJSON.encode(.float(1), floats: .bare)     // 1.0
/// ValueJSON.encode(.float(.infinity))            // {"$float":"Inf"}
/// try ValueJSON.decode(#"{"$float":"Inf"}"#)    // .float(.infinity)
/// ```
public enum ValueJSON {
    /// How finite floats are written.
    public enum FloatStyle: Sendable {
        /// `{"$float": 1.5}`: a reader that maps JSON numbers to one type still sees a float.
        case tagged
        /// `1.5`, `2.0`: a JSON number that always carries a fraction or an exponent.
        case bare
    }

    /// How NaN is spelled: `{"$float": "NaN"}`.
    public static let nanSpelling = "NaN"
    /// How +∞ is spelled: `{"$float": "Inf"}` (`"Infinity"` is also read).
    public static let infinitySpelling = "Inf"
    /// How −∞ is spelled: `{"$float": "-Inf"}` (`"-Infinity"` is also read).
    public static let negativeInfinitySpelling = "-Inf"

    /// The value as JSON text, floats tagged.
    public static func encode(_ value: Value) -> String { encode(value, floats: .tagged) }

    /// The value as JSON text, finite floats written in `floats` style.
    public static func encode(_ value: Value, floats: FloatStyle) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let f): return float(f, style: floats)
        case .string(let s): return string(s)
        case .list(let items): return "[" + items.map { encode($0, floats: floats) }.joined(separator: ",") + "]"
        case .map(let m): return #"{"$map":"# + object(m, floats: floats) + "}"
        case .node(let n):
            return #"{"$node":{"id":"# + "\(n.id)" + #","labels":"# + "[" + n.labels.map(string).joined(separator: ",")
                + "]" + #","properties":"# + object(n.properties, floats: floats) + "}}"
        case .relationship(let r):
            return #"{"$relationship":{"id":"# + "\(r.id)" + #","type":"# + string(r.type) + #","start":"# + "\(r.startID)"
                + #","end":"# + "\(r.endID)" + #","properties":"# + object(r.properties, floats: floats) + "}}"
        case .path(let p):
            return #"{"$path":{"nodes":["# + p.nodes.map { encode(.node($0), floats: floats) }.joined(separator: ",")
                + #"],"relationships":["# + p.relationships.map { encode(.relationship($0), floats: floats) }.joined(separator: ",")
                + "]}}"
        case .temporal(let t):
            return "{" + string("$" + t.kind.rawValue) + ":" + string(t.description) + "}"
        case .point(let p):
            var fields = #"{"srid":"# + "\(p.crs.rawValue)" + #","x":"# + float(p.x, style: .bare) + #","y":"#
                + float(p.y, style: .bare)
            if let z = p.z { fields += #","z":"# + float(z, style: .bare) }
            return #"{"$point":"# + fields + "}}"
        }
    }

    /// A float in `style`; non-finite floats are always tagged.
    static func float(_ f: Double, style: FloatStyle) -> String {
        if f.isNaN { return #"{"$float":"# + string(nanSpelling) + "}" }
        if f.isInfinite { return #"{"$float":"# + string(f < 0 ? negativeInfinitySpelling : infinitySpelling) + "}" }
        let text = "\(f)"
        switch style {
        case .tagged: return #"{"$float":"# + text + "}"
        case .bare: return text.contains(".") || text.contains("e") ? text : text + ".0"
        }
    }

    /// The float a `$float` spelling stands for, or `nil`.
    static func nonFinite(_ spelling: String) -> Double? {
        switch spelling {
        case nanSpelling: .nan
        case infinitySpelling, "Infinity": .infinity
        case negativeInfinitySpelling, "-Infinity": -.infinity
        default: nil
        }
    }

    /// A JSON object of encoded values with sorted keys.
    public static func object(_ m: [String: Value], floats: FloatStyle = .tagged) -> String {
        "{" + m.keys.sorted().map { string($0) + ":" + encode(m[$0] ?? .null, floats: floats) }.joined(separator: ",") + "}"
    }

    /// A JSON string literal.
    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
