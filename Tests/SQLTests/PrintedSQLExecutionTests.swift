import Foundation
import QuiverCore
import SQLExecution
import Testing

@testable import SQL

/// Printed SQL means the same to SQLite: every Spider dev gold query, printed from its AST, returns
/// the same rows as the original text on the rebuilt databases.
@Suite("Printed SQL executes like the original", .enabled(if: DataLocation.item("spider/database") != nil, "skipped: QUIVER_DATA not found"))
struct PrintedSQLExecutionTests {
    @Test("Spider dev gold: printed query returns the same result on SQLite")
    func spiderGoldSameResult() throws {
        let root = try #require(DataLocation.item("spider/database"))
        let lines = DataSetQueries.lines("spider/dev_gold.sql")
        #expect(lines.count == 1034)
        let factory = SQLiteDatabaseFactory(root: root)
        var connections: [String: any QueryExecutor] = [:]
        var failures: [String] = []
        let limits = ExecutionLimits(timeout: .seconds(20))
        for line in lines {
            let parts = line.split(separator: "\t").map(String.init)
            guard parts.count == 2 else { continue }
            let (query, databaseID) = (parts[0], parts[1])
            let connection: any QueryExecutor
            if let open = connections[databaseID] {
                connection = open
            } else {
                connection = try factory.open(databaseID: databaseID)
                connections[databaseID] = connection
            }
            do {
                let printed = SQLPrinter().print(try SQLParser.parse(query))
                let original = try connection.execute(query, limits: limits)
                let again = try connection.execute(printed, limits: limits)
                if original.rows != again.rows { failures.append("different rows: \(query)\n  printed: \(printed)") }
            } catch {
                failures.append("\(error): \(query)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failed: \(failures.prefix(5).joined(separator: "\n"))")
    }
}
