import Foundation
import QuiverCore
import SQLExecution

/// A graph in storage of its own that is removed when the value goes away: a SQLite file in a
/// temporary directory, or a PostgreSQL schema with a unique name (dropped with everything in it).
///
/// The TCK's SQL backends run each scenario on one, so scenarios never see each other's data.
///
/// ```swift
/// let scratch = try ScratchSQLGraph(dialect: .sqlite)
/// _ = try scratch.graph.execute("CREATE (:A)")
/// // the file is gone once `scratch` is released
/// ```
public final class ScratchSQLGraph {
    /// The graph.
    public let graph: SQLGraph
    private let cleanup: () -> Void

    /// A fresh graph: a new SQLite file, or a new schema on the PostgreSQL server at `postgresURL`.
    public init(dialect: SQLGraphDialect, postgresURL: String? = nil) throws(QueryError) {
        switch dialect {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("quiver-sqlgraph-\(UUID().uuidString)", isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw QueryError(.procedureError, code: "SQLBackendConnection", phase: .compileTime,
                                 message: "cannot make a temporary directory for a SQLite graph: \(error)")
            }
            let path = directory.appendingPathComponent("graph.sqlite").path
            graph = try SQLGraph(sqlitePath: path, create: true)
            // Throw-away data: no waiting for the disk on every commit.
            try graph.connection.run("PRAGMA synchronous = OFF", [], timeout: nil)
            _ = try graph.connection.query("PRAGMA journal_mode = MEMORY", [], timeout: nil)
            cleanup = { try? FileManager.default.removeItem(at: directory) }
        case .postgres:
            guard let url = postgresURL else {
                throw QueryError(.procedureError, code: "SQLBackendConnection", phase: .compileTime,
                                 message: "a PostgreSQL scratch graph needs the server's URL (postgres://…)")
            }
            let schema = "quiver_scratch_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            graph = try SQLGraph(postgresURL: url, schema: schema, create: true)
            let connection = graph.connection
            cleanup = {
                try? connection.run("DROP SCHEMA IF EXISTS \(PostgresDatabase.quoted(schema)) CASCADE", [], timeout: nil)
            }
        }
    }

    deinit { cleanup() }
}
