import ArgumentParser
import Foundation
import KnowledgeGraph

/// `quiver build`: builds a knowledge graph from a corpus, offline, and saves it.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a knowledge graph from a folder of .txt/.md files or a JSONL corpus (offline extractor)."
    )

    @Argument(help: "A folder of .txt/.md files, or a JSONL file of {id,title,text}.")
    var corpus: String

    @Option(help: "Where to write the graph (a property-graph snapshot, queryable with Cypher).")
    var out: String = "kg.quiver"

    @Option(help: "Documents longer than this many words are split into passages of whole sentences.")
    var maximumWords = 512

    @Option(help: "Add the documents to this existing graph instead of starting empty (incremental insert).")
    var into: String?

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
            graph.add(Array(documents[done..<end]))
            done = end
            progress("\rextracting: \(bar(done, documents.count)) \(done)/\(documents.count) documents")
        }
        progress("\nwriting \(out)…\n")
        do { try graph.save(to: URL(fileURLWithPath: out)) } catch { throw ValidationError("\(error)") }
        let elapsed = clock.now - start
        progress("built \(graph.passages.count) passages, \(graph.entities.count) entities, \(graph.mentions.count) mentions, \(graph.relations.count) relations in \(elapsed)\n")
        print(out)
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
