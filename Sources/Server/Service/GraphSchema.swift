import Cypher
import PropertyGraph
import QuiverCore

/// `GET /schema`: what a graph holds, for people and for agents writing Cypher: node and
/// relationship counts, each label and relationship type with its count, the (label)-[type]->(label)
/// patterns that occur with their counts, and the property keys.
///
/// ```swift
/// let json = GraphSchema(snapshot: database.snapshot()).json
/// ```
public struct GraphSchema: Sendable {
    /// One `(from)-[type]->(to)` shape and how many relationships have it.
    public struct Pattern: Sendable, Hashable {
        /// The start node's first label (`""` when it has none).
        public var from: String
        /// The relationship type.
        public var type: String
        /// The end node's first label (`""` when it has none).
        public var to: String
        /// Relationships of this shape.
        public var count: Int
    }

    /// Live nodes.
    public var nodeCount: Int
    /// Live relationships.
    public var relationshipCount: Int
    /// Labels with their node counts, by name.
    public var labels: [(name: String, count: Int)]
    /// Relationship types with their counts, by name.
    public var types: [(name: String, count: Int)]
    /// Every shape a relationship has, most frequent first (then by name); each end is named by its
    /// node's first label (the one interned first), an unlabelled end by `""`.
    public var patterns: [Pattern]
    /// Property keys, sorted.
    public var propertyKeys: [String]

    /// Reads the schema of `snapshot` (one pass over its relationships).
    public init(snapshot: GraphSnapshot) {
        let store = snapshot.store
        nodeCount = snapshot.nodeCount
        relationshipCount = snapshot.relationshipCount
        labels = store.labelNames.enumerated().map { ($1, store.nodeCount(label: $0)) }.filter { $0.count > 0 }.sorted { $0.name < $1.name }
        types = store.typeNames.enumerated().map { ($1, store.relationshipCount(type: $0)) }.filter { $0.count > 0 }.sorted { $0.name < $1.name }
        propertyKeys = store.propertyKeyNames.sorted()
        var counts: [[Int]: Int] = [:]
        var firstLabel: [Int: Int] = [:]
        func label(_ node: Int) -> Int {
            if let known = firstLabel[node] { return known }
            let found = store.labels(of: node).min() ?? -1
            firstLabel[node] = found
            return found
        }
        store.forEachRelationship { relationship in
            counts[[label(store.startNode(of: relationship)), store.relationshipType(relationship), label(store.endNode(of: relationship))], default: 0] += 1
        }
        patterns = counts.map { key, count in
            Pattern(from: key[0] < 0 ? "" : store.labelName(key[0]), type: store.typeName(key[1]),
                    to: key[2] < 0 ? "" : store.labelName(key[2]), count: count)
        }.sorted { a, b in a.count != b.count ? a.count > b.count : (a.from, a.type, a.to) < (b.from, b.type, b.to) }
    }

    /// `{"nodes", "relationships", "labels": [{name, count}], "relationship_types": [{name, count}],
    /// "patterns": [{from, type, to, count}], "property_keys": […]}`.
    public var json: String {
        func named(_ list: [(name: String, count: Int)]) -> String {
            "[" + list.map { #"{"name":"# + ValueJSON.string($0.name) + #","count":\#($0.count)}"# }.joined(separator: ",") + "]"
        }
        let shapes = patterns.map {
            #"{"from":"# + ValueJSON.string($0.from) + #","type":"# + ValueJSON.string($0.type) + #","to":"#
                + ValueJSON.string($0.to) + #","count":\#($0.count)}"#
        }
        return #"{"nodes":\#(nodeCount),"relationships":\#(relationshipCount),"labels":"# + named(labels)
            + #","relationship_types":"# + named(types) + #","patterns":["# + shapes.joined(separator: ",")
            + #"],"property_keys":["# + propertyKeys.map(ValueJSON.string).joined(separator: ",") + "]}"
    }
}
