import KnowledgeGraph

/// Human-readable explanation paths: passages in brackets, entities in parentheses, and, where the
/// passage states a relation to the entity, the connecting phrase on the arrow.
///
/// ```swift
/// PathDescription(graph: graph).describe(hit.paths[0])
/// // "[Kiss and Tell (1945 film)] —starring then 17-year-old→ (Shirley Temple) → [Shirley Temple]"
/// ```
public struct PathDescription: Sendable {
    /// The graph the path runs over.
    public let graph: KnowledgeGraph

    /// A describer.
    public init(graph: KnowledgeGraph) {
        self.graph = graph
    }

    /// The path as one line.
    public func describe(_ path: [PathStep]) -> String {
        var text = ""
        for (position, step) in path.enumerated() {
            if position > 0 {
                let phrase = connectingPhrase(from: path[position - 1], to: step)
                text += phrase.map { " —\($0)→ " } ?? " → "
            }
            switch step {
            case .entity(let entity): text += "(\(graph.entities[Int(entity)].name))"
            case .passage(let passage): text += "[\(graph.passages[Int(passage)].title)]"
            }
        }
        return text
    }

    /// The phrase of a relation read in the passage between its title entity and the entity, if any
    /// (what ``describe(_:)`` writes on the arrow between two steps).
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
}
