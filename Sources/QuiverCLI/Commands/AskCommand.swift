import ArgumentParser
import Foundation
import KnowledgeGraph
import Retrieval

/// `quiver ask`: retrieves the passages that answer a question, with the paths that reached them.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Rank the passages of a knowledge graph for a question, with explanation paths."
    )

    @Argument(help: "The question.")
    var question: String

    @Option(help: "A graph built by `quiver build` (or a corpus: JSONL file or folder, built on the fly).")
    var graph: String

    @Option(help: "bm25, spreading, ppr or hybrid.")
    var method: RetrievalMethod = .hybrid

    @Option(help: "How many passages to show.")
    var limit = 5

    @Option(name: .customLong("parameter"), help: "Override a retrieval constant, name=value (repeatable).")
    var parameters: [String] = []

    func run() async throws {
        let tuned: RetrievalParameters
        do { tuned = try RetrievalParameters().applying(parameters) } catch {
            throw ValidationError(error.message)
        }
        let knowledgeGraph = try GraphLoading.load(graph)
        let index = RetrievalIndex(graph: knowledgeGraph)
        let retriever = Retriever(index: index, parameters: tuned)
        let seeds = SeedLinker(index: index, parameters: tuned).seeds(for: question)
        let names = seeds.entities.map { knowledgeGraph.entities[Int($0.entity)].name }
        print("question entities: \(names.isEmpty ? "(none)" : names.joined(separator: "; "))")
        let describer = PathDescription(graph: knowledgeGraph)
        for (rank, hit) in retriever.retrieve(question, method: method, limit: limit).enumerated() {
            let passage = knowledgeGraph.passages[Int(hit.passage)]
            print("\(rank + 1). [\(passage.id)] \(passage.title)  score \(String(format: "%.4f", hit.score))")
            let excerpt = passage.text.count > 240 ? String(passage.text.prefix(240)) + "…" : passage.text
            print("   \(excerpt)")
            for path in hit.paths {
                if path.count > 1 {
                    print("   path: " + describer.describe(path))
                } else {
                    print("   path: matched the question's words or entities directly")
                }
            }
        }
    }
}
