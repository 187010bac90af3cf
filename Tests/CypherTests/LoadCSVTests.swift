import Foundation
import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// LOAD CSV reads only from the import directory, with Neo4j's field rules.
@Suite struct LoadCSVTests {
    /// A fresh import directory holding `people.csv` and `semi.csv`, and a file beside it that must stay unreadable.
    func importDirectory() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-loadcsv-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("import")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "name,age,city\nAnn,30,Oslo\n\"Bob, Jr.\",25,\nCid,41,\"\"\n".write(
            to: folder.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
        try "a;b\n1;2\n".write(to: folder.appendingPathComponent("semi.csv"), atomically: true, encoding: .utf8)
        try "secret\n42\n".write(to: root.appendingPathComponent("secret.csv"), atomically: true, encoding: .utf8)
        return folder.path
    }

    @Test func withHeadersBindsMapsAndEmptyFieldsAreNull() throws {
        let options = ExecutionOptions(importDirectory: try importDirectory())
        let result = try CypherEngine.execute(
            "LOAD CSV WITH HEADERS FROM 'file:///people.csv' AS row RETURN row.name, toInteger(row.age), row.city",
            on: GraphStore(), options: options)
        #expect(result.rows == [
            [.string("Ann"), .int(30), .string("Oslo")],
            [.string("Bob, Jr."), .int(25), .null],
            [.string("Cid"), .int(41), .string("")],
        ])
    }

    @Test func withoutHeadersBindsListsAndFieldTerminatorSplits() throws {
        let options = ExecutionOptions(importDirectory: try importDirectory())
        let plain = try CypherEngine.execute("LOAD CSV FROM 'file:///people.csv' AS row RETURN row[0] LIMIT 2",
                                             on: GraphStore(), options: options)
        #expect(plain.rows == [[.string("name")], [.string("Ann")]])
        let semi = try CypherEngine.execute(
            "LOAD CSV WITH HEADERS FROM 'file:///semi.csv' AS row FIELDTERMINATOR ';' RETURN row.a, row.b",
            on: GraphStore(), options: options)
        #expect(semi.rows == [[.string("1"), .string("2")]])
    }

    @Test func loadedRowsDriveWrites() throws {
        let graph = GraphStore()
        let options = ExecutionOptions(importDirectory: try importDirectory())
        _ = try CypherEngine.execute(
            "LOAD CSV WITH HEADERS FROM 'file:///people.csv' AS row MERGE (p:Person {name: row.name}) SET p += row, p.age = toInteger(row.age)",
            on: graph, options: options)
        let rows = try CypherEngine.execute("MATCH (p:Person) RETURN p.name, p.age, p.city ORDER BY p.age", on: graph).rows
        #expect(rows == [[.string("Bob, Jr."), .int(25), .null], [.string("Ann"), .int(30), .string("Oslo")],
                         [.string("Cid"), .int(41), .string("")]])
    }

    @Test(arguments: ["file:///../secret.csv", "file:///%2E%2E/secret.csv", "file:///sub/../../secret.csv", "/etc/passwd", "ftp://host/x.csv"])
    func pathsOutsideTheImportDirectoryAreRefused(url: String) throws {
        let options = ExecutionOptions(importDirectory: try importDirectory())
        #expect(throws: QueryError.self) {
            _ = try CypherEngine.execute("LOAD CSV FROM '\(url)' AS row RETURN row", on: GraphStore(), options: options)
        }
        do {
            _ = try CypherEngine.execute("LOAD CSV FROM '\(url)' AS row RETURN row", on: GraphStore(), options: options)
        } catch {
            #expect(error.code == "LoadCSVNotAllowed")
        }
    }

    @Test func withoutAnImportDirectoryNothingIsRead() throws {
        do {
            _ = try CypherEngine.execute("LOAD CSV FROM 'file:///people.csv' AS row RETURN row", on: GraphStore())
            Issue.record("LOAD CSV ran without an import directory")
        } catch {
            #expect(error.code == "LoadCSVNotAllowed")
        }
    }

    @Test func remoteURLsReadTheLocalFileOnlyWhenAllowed() throws {
        let folder = try importDirectory()
        let query = "LOAD CSV WITH HEADERS FROM 'https://example.org/data/semi.csv' AS row FIELDTERMINATOR ';' RETURN row.a"
        #expect(throws: QueryError.self) {
            _ = try CypherEngine.execute(query, on: GraphStore(), options: ExecutionOptions(importDirectory: folder))
        }
        let result = try CypherEngine.execute(
            query, on: GraphStore(), options: ExecutionOptions(importDirectory: folder, remoteURLsFromImportDirectory: true))
        #expect(result.rows == [[.string("1")]])
    }

    @Test func parsesIntoTheLoadCSVClause() throws {
        let query = try CypherParser.parse("LOAD CSV WITH HEADERS FROM 'file:///x.csv' AS r FIELDTERMINATOR '\\t' RETURN r")
        guard case .loadCSV(let load) = query.first.clauses[0] else {
            Issue.record("expected a LOAD CSV clause")
            return
        }
        #expect(load.withHeaders)
        #expect(load.variable.name == "r")
        #expect(load.fieldTerminator == "\t")
        #expect(throws: QueryError.self) { _ = try CypherParser.parse("LOAD CSV FROM 'x' AS r FIELDTERMINATOR ';;' RETURN r") }
    }
}

/// The execution timeout stops long queries with ResourceLimit / Timeout.
@Suite struct ExecutionTimeoutTests {
    @Test func aLongQueryIsStoppedAtItsTimeout() throws {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            // Rows flow one at a time (a huge range() list would be built in one call, before any check).
            _ = try CypherEngine.execute("UNWIND range(1, 2000) AS a UNWIND range(1, 2000) AS b UNWIND range(1, 2000) AS c WITH c WHERE c % 7 = 0 RETURN count(*)",
                                         on: GraphStore(), options: ExecutionOptions(timeout: .milliseconds(200)))
            Issue.record("the query finished instead of timing out")
        } catch {
            #expect(error.category == .resourceLimit)
            #expect(error.code == "Timeout")
        }
        #expect(clock.now - start < .seconds(5))
    }

    @Test func aPatternSearchWithoutOutputRowsIsStoppedToo() throws {
        let graph = GraphStore()
        _ = try CypherEngine.execute("UNWIND range(1, 300) AS i CREATE (:N {i: i})", on: graph)
        do {
            _ = try CypherEngine.execute("MATCH (a:N), (b:N), (c:N) WHERE a.i + b.i + c.i < 0 RETURN count(*)",
                                         on: graph, options: ExecutionOptions(timeout: .milliseconds(100)))
            Issue.record("the query finished instead of timing out")
        } catch {
            #expect(error.code == "Timeout")
        }
    }

    @Test func aQuickQueryIsUnaffected() throws {
        let result = try CypherEngine.execute("UNWIND range(1, 1000) AS x RETURN sum(x)", on: GraphStore(),
                                              options: ExecutionOptions(timeout: .seconds(30)))
        #expect(result.rows == [[.int(500500)]])
    }

    @Test func apocCollToSetKeepsFirstOccurrences() throws {
        let result = try CypherEngine.execute("RETURN apoc.coll.toSet([3, 1, 3, 2, 1]) AS s, apoc.coll.sum([1, 2.5]) AS t",
                                              on: GraphStore())
        #expect(result.rows == [[.list([.int(3), .int(1), .int(2)]), .float(3.5)]])
    }
}
