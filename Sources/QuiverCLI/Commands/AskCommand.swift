import ArgumentParser
import Foundation
import GraphDrawing
import KnowledgeGraph
import LLM
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

    @Option(help: "bm25, spreading, ppr, hybrid or tree-search.")
    var method: RetrievalMethod = .hybrid

    @Option(parsing: .unconditional, help: "How many passages to show (1 to 10,000).")
    var limit = 5

    @Option(name: .customLong("parameter"), help: "Override a retrieval constant, name=value (repeatable).")
    var parameters: [String] = []

    @Option(help: "A model endpoint to write an answer from the passages (default: QUIVER_LLM_BASE_URL, if set).")
    var llmBaseURL: String?

    @Option(help: "The model name (default: QUIVER_LLM_MODEL).")
    var llmModel: String?

    @Option(help: "Output: text, or a picture of the question, passages and paths: dot (Graphviz) or mermaid.")
    var format: PictureFormat = .text

    func validate() throws {
        try CountOption.validate(limit, "--limit", in: 1...10_000)
        try ParameterOverrides.validate(parameters)
    }

    func run() async throws {
        let tuned = try ParameterOverrides.parameters(parameters)
        let knowledgeGraph = try GraphLoading.load(graph)
        let index = RetrievalIndex(graph: knowledgeGraph)
        let retriever = Retriever(index: index, parameters: tuned)
        let hits = retriever.retrieve(question, method: method, limit: limit)
        if let picture = format.drawingFormat {
            print(picture.render(Drawing(question: question, hits: hits, graph: knowledgeGraph)), terminator: "")
            return
        }
        let seeds = SeedLinker(index: index, parameters: tuned).seeds(for: question)
        let names = seeds.entities.map { knowledgeGraph.entities[Int($0.entity)].name }
        print("question entities: \(names.isEmpty ? "(none)" : names.joined(separator: "; "))")
        let describer = PathDescription(graph: knowledgeGraph)
        for (rank, hit) in hits.enumerated() {
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
        // An answer only when a model is configured: retrieval alone stays offline.
        if let configuration = try? LLMConfiguration.fromEnvironment(baseURL: llmBaseURL, model: llmModel) {
            let passages = hits.map { knowledgeGraph.passages[Int($0.passage)] }
            do {
                let answer = try await AnswerGenerator(client: LLMClient(configuration: configuration))
                    .answer(question, passages: passages)
                print("answer: \(answer)")
            } catch {
                FileHandle.standardError.write(Data("quiver ask: no answer: \(error)\n".utf8))
                throw ExitCode.failure
            }
        } else if llmBaseURL != nil || llmModel != nil {
            throw ValidationError("both an endpoint (--llm-base-url) and a model (--llm-model) are needed for an answer")
        }
    }
}
