import Cypher
import Foundation
import PropertyGraph
import QuiverCore

/// Loads the graph a Text-to-Cypher example runs on, from what the data sets ship.
///
/// `--graph PATH` may be:
/// - a **Cypher script** (`.cypher`, `.cql`): run statement by statement on an empty graph; schema
///   commands run too (indexes speed up lookups, single-property node constraints are checked
///   while the script loads); `LOAD CSV` reads from the `import/` folder beside
///   the script's folder (neo4j-graph-examples' layout), else from the script's own folder, and
///   `https://…/name.csv` URLs read `name.csv` there (never fetched);
/// - a **graph folder**: its `scripts/*.cypher` (or `*.cypher`) in name order, with `import/` as above;
/// - a **folder of graph folders** named by database (`graphs/movies`, `graphs/northwind`): each
///   example uses the folder named by its `database`;
/// - anything else: a Quiver **snapshot** (`quiver import`, `quiver cypher --save`).
///
/// ```swift
/// let catalog = try CypherGraphCatalog(path: "text2cypher/graphs")
/// let movies = try catalog.location(for: "movies").map(CypherGraphLoader.load)
/// ```
public enum CypherGraphLoader {
    /// Loads the graph at `path` (a script, a graph folder or a snapshot).
    public static func load(_ path: String) throws(FileError) -> GraphStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FileError(path: path, message: "no such file or folder; give a Cypher script, a graph folder or a snapshot")
        }
        if isDirectory.boolValue {
            let scripts = scriptFiles(inGraphFolder: path)
            guard !scripts.isEmpty else {
                throw FileError(path: path, message: "no .cypher script in the folder or in its scripts/ folder")
            }
            let store = GraphStore(), schema = SchemaCatalog()
            for script in scripts {
                try run(script: script, importDirectory: importDirectory(forGraphFolder: path), on: store, schema: schema)
            }
            return store
        }
        if ["cypher", "cql"].contains(URL(fileURLWithPath: path).pathExtension.lowercased()) {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            let beside = folder.deletingLastPathComponent().appendingPathComponent("import").path
            let store = GraphStore()
            try run(script: path, importDirectory: isFolder(beside) ? beside : folder.path, on: store, schema: SchemaCatalog())
            return store
        }
        do {
            return try GraphStore.load(from: path)
        } catch {
            throw FileError(path: path, message: "not a Cypher script (.cypher) and not a readable snapshot: \(error)")
        }
    }

    /// The `.cypher` scripts of a graph folder, in name order: those in `scripts/`, else at the top.
    static func scriptFiles(inGraphFolder path: String) -> [String] {
        for folder in [URL(fileURLWithPath: path).appendingPathComponent("scripts").path, path] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            let scripts = names.filter { $0.hasSuffix(".cypher") || $0.hasSuffix(".cql") }.sorted()
            if !scripts.isEmpty { return scripts.map { URL(fileURLWithPath: folder).appendingPathComponent($0).path } }
        }
        return []
    }

    static func importDirectory(forGraphFolder path: String) -> String {
        let folder = URL(fileURLWithPath: path).appendingPathComponent("import").path
        return isFolder(folder) ? folder : path
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Runs every statement of the script at `path` on `store`, schema commands on `schema`; the
    /// first failing statement stops it.
    static func run(script path: String, importDirectory: String, on store: GraphStore, schema: SchemaCatalog) throws(FileError) {
        let text = try RegularFile.text(path)
        let options = ExecutionOptions(importDirectory: importDirectory, remoteURLsFromImportDirectory: true)
        for statement in CypherScript.split(text) {
            do {
                _ = try CypherEngine.execute(statement.text, on: store, schema: schema, options: options)
            } catch {
                throw FileError(path: path, message: "\(statement.locate(error, in: text))")
            }
        }
    }
}
