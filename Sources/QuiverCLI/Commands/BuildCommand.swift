import ArgumentParser
import Foundation
import KnowledgeGraph
import LLM
import QuiverCore
import Retrieval

/// `quiver build`: builds a knowledge graph from a corpus, offline, and saves it.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a knowledge graph from a folder of .txt/.md files or a JSONL corpus (offline unless --llm)."
    )

    @Argument(help: "A folder of .txt/.md files, or a JSONL file of {id,title,text}.")
    var corpus: String

    @Option(help: "Where to write the graph (a property-graph snapshot, queryable with Cypher).")
    var out: String = "kg.quiver"

    @Option(parsing: .unconditional, help: "Documents longer than this many words (1 to 1,000,000) are split into passages of whole sentences.")
    var maximumWords = 512

    @Option(help: "Add the documents to this existing graph instead of starting empty (incremental insert).")
    var into: String?

    @Flag(help: "Extract triples with an OpenAI-compatible model instead of the offline extractor.")
    var llm = false

    @Option(help: "The model endpoint, e.g. http://127.0.0.1:8000/v1 (default: QUIVER_LLM_BASE_URL).")
    var llmBaseURL: String?

    @Option(help: "The model name (default: QUIVER_LLM_MODEL).")
    var llmModel: String?

    @Option(help: "A folder where model replies are cached, so a rebuild costs no requests.")
    var llmCache: String?

    func validate() throws {
        try CountOption.validate(maximumWords, "--maximum-words", in: 1...1_000_000)
    }

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let documents: [CorpusDocument]
        do { documents = try CorpusReader.read(URL(fileURLWithPath: corpus)) } catch {
            throw ValidationError("\(error)")
        }
        guard !documents.isEmpty else {
            throw ValidationError("\(corpus): no documents found; expected .txt/.md files or JSONL lines {\"id\",\"title\",\"text\"}")
        }
        let folder = URL(fileURLWithPath: out).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("--out \(out): the folder \(folder) does not exist")
        }
        var graph = KnowledgeGraph(chunker: Chunker(maximumWords: maximumWords))
        if let into {
            do { graph = try KnowledgeGraph.load(from: URL(fileURLWithPath: into)) } catch {
                throw ValidationError("\(error)")
            }
        }
        let batch = 256
        var done = 0
        while done < documents.count {
            let end = min(done + batch, documents.count)
            let slice = Array(documents[done..<end])
            if let extractor = try llmExtractor() {
                let extractions = try await extractPassages(of: slice, chunker: graph.chunker, with: extractor)
                graph.add(slice) { text, _ in extractions[text] ?? Extraction() }
            } else {
                graph.add(slice)
            }
            done = end
            progress("\rextracting: \(bar(done, documents.count)) \(done)/\(documents.count) documents")
        }
        progress("\nwriting \(out) and its retrieval index…\n")
        let outURL = URL(fileURLWithPath: out)
        do {
            try graph.save(to: outURL)
            try RetrievalIndex(graph: graph).save(besideGraph: outURL)
        } catch {
            throw ValidationError("\(error)")
        }
        let elapsed = clock.now - start
        progress("built \(graph.passages.count) passages, \(graph.entities.count) entities, \(graph.mentions.count) mentions, \(graph.relations.count) typed relations in \(elapsed.inSeconds.formatted(.number.precision(.fractionLength(2)))) s\n")
        print(out)
    }

    private func llmExtractor() throws -> LLMExtractor? {
        guard llm else { return nil }
        do {
            var configuration = try LLMConfiguration.fromEnvironment(baseURL: llmBaseURL, model: llmModel)
            configuration.cacheDirectory = llmCache.map { URL(fileURLWithPath: $0, isDirectory: true) }
            return LLMExtractor(client: LLMClient(configuration: configuration))
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// The model's extraction of every passage the graph will cut the documents into, keyed by text.
    private func extractPassages(
        of documents: [CorpusDocument], chunker: Chunker, with extractor: LLMExtractor
    ) async throws -> [String: Extraction] {
        let passages = documents.flatMap { document in
            chunker.chunks(of: document.text).map { range in
                let bytes = Array(document.text.utf8)[range]
                return CorpusDocument(id: document.id, title: document.title, text: String(decoding: bytes, as: UTF8.self))
            }
        }
        do {
            return try await extractor.extract(passages)
        } catch {
            FileHandle.standardError.write(Data("quiver build: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    private func bar(_ done: Int, _ total: Int) -> String {
        let width = 30
        let filled = total == 0 ? width : done * width / total
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
    }

    private func progress(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
