import KnowledgeGraph
import Retrieval

extension Drawing {
    /// The retrieval behind an answer: the question, the ranked passages, and every explanation
    /// path from a seed (an entity of the question, or a passage matched by its words) to a passage,
    /// with the phrase that links each step where the passage states one.
    ///
    /// ```swift
    /// let hits = retriever.retrieve(question, method: .hybrid, limit: 5)
    /// let drawing = Drawing(question: question, hits: hits, graph: knowledgeGraph)
    /// ```
    public init(question: String, hits: [RankedPassage], graph: KnowledgeGraph) {
        self.init()
        let describer = PathDescription(graph: graph)
        add(Node(id: "question", caption: Self.shortened(question, to: 60), kind: "question", details: ["question": question]))
        for (rank, hit) in hits.enumerated() {
            let passage = graph.passages[Int(hit.passage)]
            add(Node(id: Self.id(.passage(hit.passage)), caption: "\(rank + 1). \(Self.shortened(passage.title, to: 40))",
                     kind: "passage",
                     details: ["id": passage.id, "score": String(hit.score), "text": Self.shortened(passage.text, to: 240)]))
        }
        // Paths share steps: each edge is drawn once.
        var drawn = Set<[String]>()
        func link(_ from: String, _ to: String, _ label: String) {
            if drawn.insert([from, to, label]).inserted { add(Edge(from: from, to: to, label: label)) }
        }
        for hit in hits {
            for path in hit.paths {
                guard let first = path.first else { continue }
                for step in path { add(node(for: step, graph: graph)) }
                link("question", Self.id(first), path.count > 1 ? "seed" : "matched")
                for (from, to) in zip(path, path.dropFirst()) {
                    link(Self.id(from), Self.id(to), describer.connectingPhrase(from: from, to: to) ?? "")
                }
            }
        }
    }

    private func node(for step: PathStep, graph: KnowledgeGraph) -> Node {
        switch step {
        case .entity(let entity):
            let found = graph.entities[Int(entity)]
            return Node(id: Self.id(step), caption: Self.shortened(found.name, to: 40), kind: "entity",
                        details: ["name": found.name, "kind": found.kind.rawValue])
        case .passage(let passage):
            let found = graph.passages[Int(passage)]
            return Node(id: Self.id(step), caption: Self.shortened(found.title, to: 40), kind: "passage",
                        details: ["id": found.id, "text": Self.shortened(found.text, to: 240)])
        }
    }

    private static func id(_ step: PathStep) -> String {
        switch step {
        case .entity(let entity): "e\(entity)"
        case .passage(let passage): "p\(passage)"
        }
    }
}
