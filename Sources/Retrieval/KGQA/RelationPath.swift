/// One step of a relation path: a relation type and the direction it is followed in.
///
/// ```swift
/// let hop = Hop(relation: graph.typeID("directed_by")!, forward: false)   // from people to their films
/// ```
public struct Hop: Sendable, Hashable, Codable {
    /// The relation type id.
    public var relation: Int
    /// Subject → object when true, object → subject when false.
    public var forward: Bool

    /// A hop.
    public init(relation: Int, forward: Bool) {
        self.relation = relation
        self.forward = forward
    }

    /// The same relation followed the other way.
    public var reversed: Hop { Hop(relation: relation, forward: !forward) }
}

/// A relation path as names, for output and for gold paths: `["directed_by", "^directed_by", "has_genre"]`,
/// a leading `^` marking a hop followed from object to subject.
///
/// ```swift
/// RelationPathText.describe([Hop(relation: 0, forward: false)], in: graph)   // ["^directed_by"]
/// ```
public enum RelationPathText {
    /// Names of the hops, `^` before a reversed one.
    public static func describe(_ hops: [Hop], in graph: EntityGraph) -> [String] {
        hops.map { ($0.forward ? "" : "^") + graph.store.typeName($0.relation) }
    }

    /// A Cypher-style picture of the path: `(topic)-[:directed_by]->()<-[:directed_by]-()`.
    public static func pattern(_ hops: [Hop], in graph: EntityGraph) -> String {
        var text = "(topic)"
        for (index, hop) in hops.enumerated() {
            let name = CypherQueryText.quoted(graph.store.typeName(hop.relation))
            let node = index == hops.count - 1 ? "(answer)" : "()"
            text += hop.forward ? "-[:\(name)]->\(node)" : "<-[:\(name)]-\(node)"
        }
        return text
    }
}
