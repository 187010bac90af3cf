import Foundation

extension KnowledgeGraph {
    /// Writes the graph to a file (written to a temporary file first, then renamed).
    ///
    /// ```swift
    /// try graph.save(to: URL(fileURLWithPath: "kg.quiver"))
    /// ```
    public func save(to url: URL) throws(CorpusError) {
        do {
            let data = try JSONEncoder().encode(self)
            try data.write(to: url, options: .atomic)
        } catch {
            throw CorpusError(path: url.path, message: "cannot write graph: \(error.localizedDescription)")
        }
    }

    /// Reads a graph written by `save(to:)`.
    public static func load(from url: URL) throws(CorpusError) -> KnowledgeGraph {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CorpusError(path: url.path, message: "cannot read graph: \(error.localizedDescription); build one with `quiver build`")
        }
        do {
            return try JSONDecoder().decode(KnowledgeGraph.self, from: data)
        } catch {
            throw CorpusError(path: url.path, message: "not a Quiver knowledge graph file: \(error)")
        }
    }
}
