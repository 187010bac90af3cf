import ArgumentParser
import Foundation
import KnowledgeGraph
import Retrieval

/// Opens what `--graph` or `--corpus` names as a retrieval index: a graph built by `quiver build` (its
/// saved index when it is fresh, else the graph, indexed now), or a corpus (JSONL file or folder), built
/// in memory.
enum IndexLoading {
    /// Indexes kept until the process exits: a one-shot command gains nothing from freeing a hundred
    /// megabytes of small objects at its end, which costs tens of milliseconds. Written once per command,
    /// from its one task.
    nonisolated(unsafe) private static var kept: [RetrievalIndex] = []

    static func load(_ path: String, command: String) throws -> RetrievalIndex {
        let index = try open(path, command: command)
        kept.append(index)
        return index
    }

    private static func open(_ path: String, command: String) throws -> RetrievalIndex {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ValidationError("\(path): no such file or folder; build a graph with `quiver build CORPUS --out kg.quiver`")
        }
        do {
            if url.pathExtension == "quiver" {
                if let index = try RetrievalIndex.load(besideGraph: url) { return index }
                FileHandle.standardError.write(Data("quiver \(command): \(path) has no up-to-date index beside it; indexing now (run `quiver build` again to save one)\n".utf8))
                return RetrievalIndex(graph: try KnowledgeGraph.load(from: url))
            }
            var graph = KnowledgeGraph()
            graph.add(try CorpusReader.read(url))
            return RetrievalIndex(graph: graph)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
