import Foundation
import PropertyGraph

extension KnowledgeGraph {
    /// Writes the graph as a property-graph snapshot (`GraphStore.save`: temporary file, fsync, rename).
    ///
    /// ```swift
    /// try graph.save(to: URL(fileURLWithPath: "kg.quiver"))
    /// ```
    public func save(to url: URL) throws(CorpusError) {
        do {
            let store = GraphStore()
            try write(to: store)
            try store.save(to: url.path)
        } catch {
            throw CorpusError(path: url.path, message: "cannot write graph: \(error)")
        }
    }

    /// Reads a graph written by `save(to:)`.
    public static func load(from url: URL) throws(CorpusError) -> KnowledgeGraph {
        let store: GraphStore
        do { store = try GraphStore.load(from: url.path) } catch {
            throw CorpusError(path: url.path, message: "cannot read graph (\(error)); build one with `quiver build`")
        }
        do { return try KnowledgeGraph(store: store) } catch {
            throw CorpusError(path: url.path, message: error.message)
        }
    }
}
