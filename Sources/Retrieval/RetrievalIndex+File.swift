import Foundation
import KnowledgeGraph
import TextAnalysis

/// The retrieval index saved beside a graph: `kg.quiver` gets `kg.quiver.index`, holding the knowledge
/// graph's image, the BM25 index and the passage–entity adjacency, so that `quiver ask` starts in
/// milliseconds instead of reloading the property graph and re-indexing every passage.
///
/// The file starts with the magic `QVRINDEX`, a format version, and the size and trailing checksum of
/// the graph file it was built from; an index whose graph has changed since is stale and is not used.
extension RetrievalIndex {
    static let fileMagic = Array("QVRINDEX".utf8)
    /// The index-file format version.
    public static let fileFormat = 2

    /// Where the index of a graph file lives.
    ///
    /// ```swift
    /// RetrievalIndex.indexURL(forGraph: URL(fileURLWithPath: "kg.quiver"))   // kg.quiver.index
    /// ```
    public static func indexURL(forGraph graph: URL) -> URL {
        graph.deletingLastPathComponent().appendingPathComponent(graph.lastPathComponent + ".index")
    }

    /// Writes the index beside `graph` (a temporary file, fsynced, then renamed over the target).
    ///
    /// ```swift
    /// try RetrievalIndex(graph: graph).save(besideGraph: URL(fileURLWithPath: "kg.quiver"))
    /// ```
    public func save(besideGraph graphURL: URL) throws(CorpusError) {
        let target = Self.indexURL(forGraph: graphURL)
        guard let stamp = Self.stamp(of: graphURL) else {
            throw CorpusError(path: graphURL.path, message: "cannot read the graph file to stamp its index")
        }
        var writer = BinaryWriter()
        for byte in Self.fileMagic { writer.int(Int(byte)) }
        writer.int(Self.fileFormat)
        writer.int(stamp.size)
        writer.int(stamp.checksum)
        graph.write(to: &writer)
        bm25.write(to: &writer)
        writer.array(adjacency.offsets)
        writer.array(adjacency.targets)
        writer.array(adjacency.weights)
        writer.array(isTitleEdge.map { $0 ? UInt8(1) : 0 })
        writer.array(passageFrequency)
        writer.strings(names.keys)
        writer.array(names.entities)
        writer.int(names.maximumWords)
        do { try Self.writeAtomically(Data(writer.bytes), to: target) } catch {
            throw CorpusError(path: target.path, message: "cannot write the index: \(error)")
        }
    }

    /// Reads the index saved beside `graph`, or nil when there is none or it was built from another
    /// version of the graph file.
    ///
    /// ```swift
    /// let index = try RetrievalIndex.load(besideGraph: URL(fileURLWithPath: "kg.quiver"))
    /// ```
    public static func load(besideGraph graphURL: URL) throws(CorpusError) -> RetrievalIndex? {
        let url = indexURL(forGraph: graphURL)
        guard FileManager.default.fileExists(atPath: url.path), let stamp = stamp(of: graphURL) else { return nil }
        guard let bytes = BinaryReader.contents(ofFile: url.path) else {
            throw CorpusError(path: url.path, message: "cannot read the index")
        }
        var reader = BinaryReader(bytes)
        do {
            let magic = try (0..<fileMagic.count).map { _ throws(BinaryReader.Truncated) in UInt8(truncatingIfNeeded: try reader.int()) }
            guard magic == fileMagic else {
                throw CorpusError(path: url.path, message: "not a Quiver index file; rebuild it with `quiver build`")
            }
            guard try reader.int() == fileFormat else { return nil }
            guard try reader.int() == stamp.size, try reader.int() == stamp.checksum else { return nil }
            let graph = try KnowledgeGraph(reading: &reader)
            let bm25 = try BM25Index(reading: &reader)
            let offsets: [Int32] = try reader.array(), targets: [Int32] = try reader.array()
            let weights: [Float] = try reader.array(), titleEdges: [UInt8] = try reader.array()
            let frequency: [Int32] = try reader.array()
            let nameKeys = try reader.strings(), nameEntities: [Int32] = try reader.array(), maximumWords = try reader.int()
            let nodes = graph.passages.count + graph.entities.count
            guard let adjacency = CompressedAdjacency(offsets: offsets, targets: targets, weights: weights),
                adjacency.nodeCount == nodes, titleEdges.count == targets.count, frequency.count == graph.entities.count,
                bm25.documentCount == graph.passages.count,
                let names = NameIndex(keys: nameKeys, entities: nameEntities, maximumWords: maximumWords),
                nameEntities.allSatisfy({ $0 >= 0 && Int($0) < graph.entities.count })
            else {
                throw CorpusError(path: url.path, message: "index does not match its graph; rebuild it with `quiver build`")
            }
            return RetrievalIndex(graph: graph, analyzer: Analyzer(), bm25: bm25, adjacency: adjacency,
                                  isTitleEdge: titleEdges.map { $0 != 0 }, passageFrequency: frequency, names: names)
        } catch let error as BinaryReader.Truncated {
            throw CorpusError(path: url.path, message: "\(error); rebuild it with `quiver build`")
        } catch let error as CorpusError {
            throw error
        } catch {
            throw CorpusError(path: url.path, message: "\(error)")
        }
    }

    /// The size of a graph file and its last eight bytes (the snapshot's own checksum).
    static func stamp(of graph: URL) -> (size: Int, checksum: Int)? {
        guard let handle = try? FileHandle(forReadingFrom: graph) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size >= 8 else { return nil }
        try? handle.seek(toOffset: size - 8)
        guard let tail = try? handle.read(upToCount: 8), tail.count == 8 else { return nil }
        let checksum = tail.reversed().reduce(0) { $0 << 8 | Int($1) }
        return (Int(size), checksum)
    }

    /// Writes `data` to a temporary file beside `url`, fsyncs it, then renames it over `url`.
    static func writeAtomically(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CorpusError(path: temporary.path, message: "cannot create a temporary file (is the folder writable?)")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, url.path) == 0 else {
                throw CorpusError(path: url.path, message: "cannot rename the temporary file over the index")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
