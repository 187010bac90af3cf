import KnowledgeGraph

/// Explanation paths as chains of entities joined by labelled edges: a typed relation the passage
/// states (`Halvard —[BORN_IN]→ Esterby`, or `←[…]—` when the passage states it the other way), or
/// `mentions` when the passage only names the next entity.
///
/// A path of retrieval steps ([passage] → (entity) → [passage] …) reads as the passages' subjects and
/// the bridges between them; the answer, when given, closes the chain.
///
/// ```swift
/// PathDescription(graph: graph).describe(hit.paths[0], answer: 12)
/// // "Kiss and Tell (1945 film) ←[STARRED_IN]— Shirley Temple"
/// ```
public struct PathDescription: Sendable {
    /// The graph the path runs over.
    public let graph: KnowledgeGraph

    /// A describer.
    public init(graph: KnowledgeGraph) {
        self.graph = graph
    }

    /// One labelled hop: from, label, to, and whether the stated relation points backwards.
    public struct Hop: Sendable, Hashable, Codable {
        /// The entity the hop leaves.
        public var from: String
        /// The relation type, or "mentions".
        public var label: String
        /// The entity the hop reaches.
        public var to: String
        /// Whether the passage states the relation from `to` to `from`.
        public var reversed: Bool
    }

    /// The hops of a path, with the answer entity (if any) as the last stop.
    public func hops(_ path: [PathStep], answer: Int32? = nil) -> [Hop] {
        var chain: [(entity: Int32, passage: Int32?)] = []
        for step in path {
            switch step {
            case .passage(let passage):
                let title = graph.titleEntity[Int(passage)]
                if chain.last?.entity == title { chain[chain.count - 1].passage = passage } else { chain.append((title, passage)) }
            case .entity(let entity):
                if chain.last?.entity != entity { chain.append((entity, nil)) }
            }
        }
        if let answer, chain.last?.entity != answer { chain.append((answer, nil)) }
        var hops: [Hop] = []
        for index in chain.indices.dropFirst() {
            let from = chain[index - 1], to = chain[index]
            // The link was read in the passage of either end (the source's, or the target's article).
            let passages = [from.passage, to.passage].compactMap { $0 }
            hops.append(hop(from.entity, to.entity, readIn: passages))
        }
        return hops
    }

    /// The path as one line; a path of a single passage reads as its title.
    public func describe(_ path: [PathStep], answer: Int32? = nil) -> String {
        let hops = hops(path, answer: answer)
        guard let first = hops.first else {
            if case .passage(let passage) = path.first { return name(graph.titleEntity[Int(passage)]) }
            return ""
        }
        var text = first.from
        for hop in hops { text += hop.reversed ? " ←[\(hop.label)]— \(hop.to)" : " —[\(hop.label)]→ \(hop.to)" }
        return text
    }

    /// The phrase of a relation read in the passage between its title entity and the entity, if any
    /// (the label drawings put on the edge between two steps).
    ///
    /// ```swift
    /// describer.connectingPhrase(from: .passage(3), to: .entity(7))   // "starring"
    /// ```
    public func connectingPhrase(from: PathStep, to: PathStep) -> String? {
        let passage: Int32, entity: Int32
        switch (from, to) {
        case (.passage(let p), .entity(let e)), (.entity(let e), .passage(let p)): (passage, entity) = (p, e)
        default: return nil
        }
        let title = graph.titleEntity[Int(passage)]
        let relation = graph.relations.first {
            $0.passage == passage && !$0.phrase.isEmpty
                && (($0.subject == title && $0.object == entity) || ($0.subject == entity && $0.object == title))
        }
        return relation?.phrase
    }

    private func hop(_ from: Int32, _ to: Int32, readIn passages: [Int32]) -> Hop {
        for passage in passages {
            if let relation = graph.relations.first(where: {
                $0.passage == passage && $0.type != RelationType.isA
                    && (($0.subject == from && $0.object == to) || ($0.subject == to && $0.object == from))
            }) {
                return Hop(from: name(from), label: relation.type, to: name(to), reversed: relation.subject == to)
            }
        }
        return Hop(from: name(from), label: "mentions", to: name(to), reversed: false)
    }

    private func name(_ entity: Int32) -> String { graph.entities[Int(entity)].name }
}
