/// Rendering of values as openCypher literals, the form the TCK and `quiver cypher` print.
extension Value: CustomStringConvertible {
    /// The value written as a Cypher literal: `'text'`, `1.0`, `[1, null]`, `{k: 2}`,
    /// `(:A {name: 'x'})`, `[:T {k: 1}]`, `<(:A)-[:T]->(:B)>`.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let f): return Value.floatLiteral(f)
        case .string(let s): return Value.quoted(s)
        case .list(let l): return "[" + l.map(\.description).joined(separator: ", ") + "]"
        case .map(let m): return Value.mapLiteral(m)
        case .node(let n): return Value.nodeLiteral(n)
        case .relationship(let r): return Value.relationshipLiteral(r)
        case .path(let p): return Value.pathLiteral(p)
        case .temporal(let t): return t.description
        case .point(let p): return p.description
        }
    }

    /// A float as Cypher prints it: always with a fraction or exponent, `NaN`, `Inf`, `-Inf`.
    public static func floatLiteral(_ f: Double) -> String {
        if f.isNaN { return "NaN" }
        if f.isInfinite { return f < 0 ? "-Inf" : "Inf" }
        let text = "\(f)"
        return text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) ? text : text + ".0"
    }

    public static func quoted(_ s: String) -> String {
        var out = "'"
        for character in s {
            switch character {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(character)
            }
        }
        return out + "'"
    }

    static func mapLiteral(_ m: [String: Value]) -> String {
        "{" + m.keys.sorted().map { "\($0): \(m[$0] ?? .null)" }.joined(separator: ", ") + "}"
    }

    static func nodeLiteral(_ n: Node) -> String {
        let labels = n.labels.map { ":" + $0 }.joined()
        let props = n.properties.isEmpty ? "" : (labels.isEmpty ? "" : " ") + mapLiteral(n.properties)
        return "(" + labels + props + ")"
    }

    static func relationshipLiteral(_ r: Relationship) -> String {
        let props = r.properties.isEmpty ? "" : " " + mapLiteral(r.properties)
        return "[:" + r.type + props + "]"
    }

    static func pathLiteral(_ p: Path) -> String {
        guard let first = p.nodes.first else { return "<>" }
        var text = "<" + nodeLiteral(first)
        for (index, rel) in p.relationships.enumerated() where index + 1 < p.nodes.count {
            let from = p.nodes[index]
            let forward = rel.startID == from.id
            text += (forward ? "-" : "<-") + relationshipLiteral(rel) + (forward ? "->" : "-")
            text += nodeLiteral(p.nodes[index + 1])
        }
        return text + ">"
    }
}
