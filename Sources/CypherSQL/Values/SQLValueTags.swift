import QuiverCore

/// The tags of ``SQLValueCodec``'s JSON: `{"~n": id}`, `{"~r": id}`, `{"~p": [ids]}` and
/// `{"~f": "NaN" | "Inf" | "-Inf"}`; read through ``QuiverCore/ValueJSON/decode(_:tags:)``.
enum SQLValueTags {
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
}
