import CypherSQL
import Foundation
import QuiverCore

/// The backends a test runs on: a real SQLite file always, PostgreSQL when QUIVER_PG_URL names a server.
enum SQLBackends {
    /// A fresh SQLite file graph, and a fresh PostgreSQL schema graph when a server is configured.
    static func scratchGraphs() throws -> [(String, ScratchSQLGraph)] {
        var graphs = [("sqlite", try ScratchSQLGraph(dialect: .sqlite))]
        if let url = ProcessInfo.processInfo.environment["QUIVER_PG_URL"], !url.isEmpty {
            graphs.append(("postgres", try ScratchSQLGraph(dialect: .postgres, postgresURL: url)))
        } else {
            print("skipped: QUIVER_PG_URL not set; PostgreSQL half of the test not run")
        }
        return graphs
    }
}
