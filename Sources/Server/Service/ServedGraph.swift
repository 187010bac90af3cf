import Foundation
import KnowledgeGraph
import PropertyGraph
import Retrieval

/// The graph `quiver serve --graph` serves: a property-graph snapshot (`.qgraph`, or a knowledge
/// graph built by `quiver build`), or a corpus (a JSONL file or a folder of text) built into a
/// knowledge graph on the spot. A knowledge graph can also answer `/ask`.
///
/// ```swift
/// let served = try ServedGraph.load("halvard.quiver")
/// served.knowledge != nil   // true: /ask works
/// ```
public struct ServedGraph {
    /// The property graph Cypher runs on.
    public var store: GraphStore
    /// The knowledge graph and its retrieval index, when the graph is one.
    public var knowledge: KnowledgeBase?

    /// An empty graph (no `--graph`): Cypher writes fill it.
    public init() {
        store = GraphStore()
    }

    /// Loads `path`; a file that is neither a snapshot nor a corpus is a one-line error.
    public static func load(_ path: String) throws(ServiceSetupError) -> ServedGraph {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ServiceSetupError("--graph \(path): no such file or folder; give a snapshot (quiver import, quiver build) or a corpus")
        }
        var served = ServedGraph()
        if isFolder.boolValue || url.pathExtension == "jsonl" {
            var graph = KnowledgeGraph()
            do {
                graph.add(try CorpusReader.read(url))
                try graph.write(to: served.store)
            } catch {
                throw ServiceSetupError("--graph \(path): cannot build a knowledge graph from this corpus: \(error)")
            }
            served.knowledge = KnowledgeBase(graph: graph)
            return served
        }
        do {
            served.store = try GraphStore.load(from: path)
        } catch {
            throw ServiceSetupError("--graph \(path): cannot load the snapshot: \(error)")
        }
        // A snapshot holds a knowledge graph only if `quiver build` wrote it (its KnowledgeGraph node says so).
        if served.store.labelID("KnowledgeGraph") != nil, let graph = try? KnowledgeGraph(store: served.store) {
            served.knowledge = KnowledgeBase(graph: graph)
        }
        return served
    }
}

/// A knowledge graph ready for questions: the graph and its retrieval index, built once.
///
/// ```swift
/// let base = KnowledgeBase(graph: graph)
/// let hits = Retriever(index: base.index).retrieve("Who founded …?", method: .hybrid, limit: 5)
/// ```
public struct KnowledgeBase: Sendable {
    /// The graph.
    public let graph: KnowledgeGraph
    /// Its index (BM25, entity matcher, passage–entity adjacency).
    public let index: RetrievalIndex

    /// Indexes `graph`.
    public init(graph: KnowledgeGraph) {
        self.graph = graph
        index = RetrievalIndex(graph: graph)
    }
}
