import Foundation

/// The JSON form of a graph: `{"nodes": ["Person", "Movie"], "edges": [[0, 1, "ACTED_IN"]]}`.
///
/// This is the format of `$QUIVER_DATA/ged/vectors.jsonl` (see `schemas/ged-graph.schema.json`).
extension QueryGraph: Codable {
    private enum CodingKeys: String, CodingKey { case nodes, edges }

    /// Decodes `{"nodes": [label], "edges": [[source, target, label]]}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let nodes = try container.decode([String].self, forKey: .nodes)
        var edges: [Edge] = []
        if container.contains(.edges) {
            var list = try container.nestedUnkeyedContainer(forKey: .edges)
            while !list.isAtEnd {
                var triple = try list.nestedUnkeyedContainer()
                let source = try triple.decode(Int.self)
                let target = try triple.decode(Int.self)
                let label = try triple.decode(String.self)
                edges.append(Edge(source, target, label))
            }
        }
        self.init(nodes: nodes, edges: edges)
        if let problem = validationProblem() {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: problem))
        }
    }

    /// Encodes the graph as `{"nodes": [...], "edges": [[s, t, "label"], ...]}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nodes, forKey: .nodes)
        var list = container.nestedUnkeyedContainer(forKey: .edges)
        for e in edges {
            var triple = list.nestedUnkeyedContainer()
            try triple.encode(e.source)
            try triple.encode(e.target)
            try triple.encode(e.label)
        }
    }
}
