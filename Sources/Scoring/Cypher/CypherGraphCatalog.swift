import Foundation
import QuiverCore

/// Which graph each database uses: one graph for every example, or a folder of graph folders
/// named by database.
///
/// ```swift
/// let catalog = try CypherGraphCatalog(path: "text2cypher/graphs")
/// catalog.location(for: "movies")   // "text2cypher/graphs/movies"; nil for a database without a folder
/// ```
public struct CypherGraphCatalog: Sendable {
    /// The `--graph` path.
    public var path: String
    /// Database names with a graph folder, when `path` is a folder of graph folders; else `nil`.
    public var databases: [String]?

    public init(path: String) throws(FileError) {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw FileError(path: path, message: "no such file or folder; give a Cypher script, a graph folder (or a folder of them) or a snapshot")
        }
        if CypherGraphLoader.isFolder(path), CypherGraphLoader.scriptFiles(inGraphFolder: path).isEmpty {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            let graphs = names.filter {
                !CypherGraphLoader.scriptFiles(inGraphFolder: URL(fileURLWithPath: path).appendingPathComponent($0).path).isEmpty
            }
            guard !graphs.isEmpty else {
                throw FileError(path: path, message: "the folder holds no .cypher script and no graph folders (<database>/scripts/*.cypher)")
            }
            databases = graphs
        } else {
            databases = nil
        }
    }

    /// Where the graph of `database` is, or `nil` when the catalog has none for it.
    public func location(for database: String?) -> String? {
        guard let databases else { return path }
        guard let database, databases.contains(database) else { return nil }
        return URL(fileURLWithPath: path).appendingPathComponent(database).path
    }
}
