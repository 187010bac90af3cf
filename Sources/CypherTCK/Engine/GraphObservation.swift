import QuiverCore

/// What the TCK observes of a graph to count a query's side effects.
///
/// The TCK defines side effects as differences between observations before and after the query:
/// node ids, relationship ids, `(entity, key, value)` property triples (so changing a value counts
/// as one removed and one added property), and the set of *distinct* labels in use.
///
/// ```swift
/// let effects = SideEffects(before: observationBefore, after: observationAfter)
/// effects.counts["+nodes"]   // nodes created by the query
/// ```
public struct GraphObservation: Sendable, Hashable {
    /// Ids of the nodes in the graph.
    public var nodeIDs: Set<Int>
    /// Ids of the relationships in the graph.
    public var relationshipIDs: Set<Int>
    /// Property triples as canonical text (entity kind and id, key, ``TCKValueMatcher`` key of the value).
    public var properties: Set<String>
    /// The distinct labels carried by at least one node.
    public var labels: Set<String>

    public init(nodeIDs: Set<Int>, relationshipIDs: Set<Int>, properties: Set<String>, labels: Set<String>) {
        self.nodeIDs = nodeIDs
        self.relationshipIDs = relationshipIDs
        self.properties = properties
        self.labels = labels
    }

    /// The observation of a graph holding exactly `nodes` and `relationships`.
    public init(nodes: [Node], relationships: [Relationship]) {
        var properties = Set<String>()
        for node in nodes {
            for (key, value) in node.properties where !value.isNull {
                properties.insert(Self.triple("n\(node.id)", key, value))
            }
        }
        for relationship in relationships {
            for (key, value) in relationship.properties where !value.isNull {
                properties.insert(Self.triple("r\(relationship.id)", key, value))
            }
        }
        self.init(
            nodeIDs: Set(nodes.map(\.id)), relationshipIDs: Set(relationships.map(\.id)), properties: properties,
            labels: Set(nodes.flatMap(\.labels)))
    }

    /// The canonical text of one `(entity, key, value)` triple (a null value is no property, so never a triple).
    public static func triple(_ entity: String, _ key: String, _ value: Value) -> String {
        "\(entity)\u{1F}\(key)\u{1F}" + TCKValueMatcher.key(value)
    }
}

/// The side effects of a query: the TCK's eight counters, from two observations.
public struct SideEffects: Sendable, Hashable, CustomStringConvertible {
    /// `+nodes`, `-nodes`, `+relationships`, `-relationships`, `+properties`, `-properties`, `+labels`, `-labels`.
    public var counts: [String: Int]

    /// The counter names the TCK uses, in its order.
    public static let names = [
        "+nodes", "-nodes", "+relationships", "-relationships", "+properties", "-properties", "+labels", "-labels",
    ]

    public init(counts: [String: Int]) {
        self.counts = counts
    }

    /// The differences between `before` and `after`.
    public init(before: GraphObservation, after: GraphObservation) {
        counts = [
            "+nodes": after.nodeIDs.subtracting(before.nodeIDs).count,
            "-nodes": before.nodeIDs.subtracting(after.nodeIDs).count,
            "+relationships": after.relationshipIDs.subtracting(before.relationshipIDs).count,
            "-relationships": before.relationshipIDs.subtracting(after.relationshipIDs).count,
            "+properties": after.properties.subtracting(before.properties).count,
            "-properties": before.properties.subtracting(after.properties).count,
            "+labels": after.labels.subtracting(before.labels).count,
            "-labels": before.labels.subtracting(after.labels).count,
        ]
    }

    /// `nil` when these effects are exactly `expected` (unlisted counters are 0), else what differs.
    public func mismatch(expected: [String: Int]) -> String? {
        let unknown = expected.keys.filter { !Self.names.contains($0) }.sorted()
        if !unknown.isEmpty { return "unknown side effect names \(unknown)" }
        let differing = Self.names.filter { (counts[$0] ?? 0) != (expected[$0] ?? 0) }
        guard !differing.isEmpty else { return nil }
        return "side effects differ: "
            + differing.map { "\($0) expected \(expected[$0] ?? 0), got \(counts[$0] ?? 0)" }.joined(separator: ", ")
    }

    public var description: String {
        let nonZero = Self.names.filter { (counts[$0] ?? 0) != 0 }
        return nonZero.isEmpty ? "none" : nonZero.map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
    }
}
