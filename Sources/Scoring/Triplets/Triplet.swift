/// A (subject, relation, object) fact, as scene-graph and knowledge-graph rewards compare them.
///
/// ```swift
/// let t = Triplet("cat", "on", "mat")
/// ```
public struct Triplet: Hashable, Sendable, Codable {
    /// The subject entity.
    public var subject: String
    /// The relation (predicate).
    public var relation: String
    /// The object entity.
    public var object: String

    /// A triplet from its three parts.
    public init(_ subject: String, _ relation: String, _ object: String) {
        self.subject = subject
        self.relation = relation
        self.object = object
    }

    /// Decodes the JSON array form `["subject", "relation", "object"]`.
    public init(from decoder: any Decoder) throws {
        var list = try decoder.unkeyedContainer()
        subject = try list.decode(String.self)
        relation = try list.decode(String.self)
        object = try list.decode(String.self)
        if !list.isAtEnd {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "a triplet has exactly three strings"))
        }
    }

    /// Encodes as `["subject", "relation", "object"]`.
    public func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        try list.encode(subject)
        try list.encode(relation)
        try list.encode(object)
    }

    /// The entities of a triplet set: every subject and object, first occurrence order, no repeats.
    public static func entities(of triplets: [Triplet]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for t in triplets {
            if seen.insert(t.subject).inserted { out.append(t.subject) }
            if seen.insert(t.object).inserted { out.append(t.object) }
        }
        return out
    }
}
