import QuiverCore
import Foundation

/// One line of a graph-pair file such as `$QUIVER_DATA/ged/vectors.jsonl`:
/// `{"g1": graph, "g2": graph, "ged": 3.0, "kind": "near", "networkx_seconds": 0.001}`.
///
/// Only `g1` and `g2` are required; the rest are carried when present (schema:
/// `schemas/ged-pairs.schema.json`).
public struct GraphPair: Codable, Hashable, Sendable {
    /// The first graph.
    public var g1: QueryGraph
    /// The second graph.
    public var g2: QueryGraph
    /// A reference distance (networkx's, in the shared vectors), if given.
    public var ged: Double?
    /// How the pair was made (`near`, `mid`, `far`), if given.
    public var kind: String?
    /// The seconds networkx took on the pair when the file was made, if given.
    public var networkxSeconds: Double?

    private enum CodingKeys: String, CodingKey {
        case g1, g2, ged, kind
        case networkxSeconds = "networkx_seconds"
    }

    /// A pair of graphs with optional reference data.
    public init(g1: QueryGraph, g2: QueryGraph, ged: Double? = nil, kind: String? = nil, networkxSeconds: Double? = nil) {
        self.g1 = g1
        self.g2 = g2
        self.ged = ged
        self.kind = kind
        self.networkxSeconds = networkxSeconds
    }

    /// Reads every non-blank line of a JSONL file; errors name the line.
    ///
    /// ```swift
    /// let pairs = try GraphPair.readLines(of: url)
    /// ```
    public static func readLines(of url: URL) throws -> [GraphPair] {
        let text = try RegularFile.text(url.path)
        var pairs: [GraphPair] = []
        let decoder = JSONDecoder()
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            do {
                try JSONNesting.check(trimmed.utf8)
                pairs.append(try decoder.decode(GraphPair.self, from: Data(trimmed.utf8)))
            } catch {
                throw GraphFileError(path: url.path, line: number + 1, message: "\(error)")
            }
        }
        return pairs
    }
}

/// A graph or graph-pair file that could not be read: which file, which line, what was wrong.
public typealias GraphFileError = FileError
