import Foundation
import QuiverCore
import Testing
@testable import Cypher

/// Parses the gold Cypher of real Text-to-Cypher data sets: the front end must read what scorers feed it.
@Suite("Syntax over Text-to-Cypher gold queries", .enabled(if: DataLocation.root() != nil, "skipped: QUIVER_DATA not found"))
struct SyntaxText2CypherTests {
    /// Rows of an RFC 4180 CSV file (quoted fields may hold commas, quotes and newlines).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", let next = iterator.next(), next != "\n" { pending = next }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    static func report(_ lines: [String], name: String) {
        guard let path = ProcessInfo.processInfo.environment["QUIVER_FRONTEND_REPORT"] else { return }
        try? lines.joined(separator: "\n\n").write(toFile: path + "." + name, atomically: true, encoding: .utf8)
    }

    @Test("neo4j-labs gold queries that Neo4j accepts do parse")
    func neo4jLabs() throws {
        let url = try #require(DataLocation.item("text2cypher/neo4j-labs/text2cypher_claudeopus.csv"))
        let rows = Self.csvRows(try String(contentsOf: url, encoding: .utf8))
        let header = try #require(rows.first)
        let cypher = try #require(header.firstIndex(of: "cypher"))
        let syntaxError = try #require(header.firstIndex(of: "syntax_error"))
        let valid = rows.dropFirst().filter { $0.count == header.count && $0[syntaxError] == "False" }
        var failures: [String] = []
        var analysisFailures: [String] = []
        for row in valid {
            do {
                let query = try CypherParser.parse(row[cypher])
                do { _ = try SemanticAnalyzer.analyze(query) } catch {
                    analysisFailures.append("\(row[cypher])\n\(error)")
                }
            } catch {
                failures.append("\(row[cypher])\n\(error)")
            }
        }
        Self.report(failures, name: "neo4jlabs")
        Self.report(analysisFailures, name: "neo4jlabs-analysis")
        let parsed = valid.count - failures.count
        let analysed = parsed - analysisFailures.count
        #expect(valid.count >= 4700)
        // Floors: what the front end achieved; they only go up.
        #expect(parsed >= 4776, "parsed \(parsed) of \(valid.count)")
        #expect(analysed >= 4776, "analysed \(analysed) of \(valid.count)")
    }

    @Test("cy-spider gold queries parse and analyse")
    func cySpider() throws {
        let url = try #require(DataLocation.item("text2cypher/cy-spider/train.json"))
        let items = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]] ?? []
        let queries = items.compactMap { $0["query"] as? String }
        var failures: [String] = []
        for query in queries {
            do { _ = try SemanticAnalyzer.compile(query) } catch { failures.append("\(query)\n\(error)") }
        }
        Self.report(failures, name: "cyspider")
        let compiled = queries.count - failures.count
        #expect(queries.count >= 4000)
        // Floor: what the front end achieved; it only goes up.
        #expect(compiled >= 4327, "compiled \(compiled) of \(queries.count)")
    }
}
