import Foundation
import QuiverCore
import Scoring
import Testing

/// The reward endpoints give the records `quiver score … --out` writes, field for field.
@Suite(.serialized, .enabled(if: ServerProcess.binary != nil, "skipped: the quiver binary is not built beside the tests"))
struct RewardAgreementTests {
    static let spider = DataLocation.item("spider")

    /// All 1,034 Spider dev predictions of a real system, in one batch: the same record per example
    /// as `quiver score sql --out` (every field, `id` and wall-clock timings aside).
    @Test(.enabled(if: spider != nil, "skipped: QUIVER_DATA not found"), arguments: ["strict", "spider-test-suite"])
    func sqlRecordsEqualTheCommandsOutLines(semantics: String) async throws {
        guard let spider = Self.spider else { return }
        let gold = spider.appendingPathComponent("dev_gold.sql"), pred = spider.appendingPathComponent("predictions/c3sql_chatgpt.sql")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-sql-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: out) }
        let (status, output) = try await runQuiver(["score", "sql", "--gold", gold.path, "--pred", pred.path, "--semantics", semantics,
                                              "--db-root", spider.appendingPathComponent("database").path,
                                              "--tables", spider.appendingPathComponent("tables.json").path, "--out", out.path])
        #expect(status == 0, "\(output)")
        let expected = try outRecords(out)

        let examples = try SQLDatasetReader.readGold(at: gold)
        let predictions = try SQLDatasetReader.readPredictions(at: pred, count: examples.count)
        let items = zip(examples, predictions).map { example, prediction in
            ["id": example.index, "prediction": prediction, "gold": example.gold, "db_id": example.databaseID] as [String: Any]
        }
        let body = try JSONSerialization.data(withJSONObject: ["items": items, "options": ["semantics": semantics]])
        let server = try ServerProcess(["--db-root", spider.appendingPathComponent("database").path,
                                        "--tables", spider.appendingPathComponent("tables.json").path])
        defer { server.stop() }
        let (answer, data) = try await server.request("score/sql", body: body)
        let records = object(data)["items"] as? [[String: Any]] ?? []
        #expect(answer == 200 && records.count == 1_034 && expected.count == 1_034)
        var differing: [Int] = []
        for (index, (record, line)) in zip(records, expected).enumerated() {
            var record = record
            #expect(record.removeValue(forKey: "id") as? Int == index)
            if canonical(withoutTimings(record)) != canonical(withoutTimings(line)) { differing.append(index) }
        }
        #expect(differing.isEmpty, "records differ at \(differing.prefix(10))")
        let matched = records.filter { $0["exec_match"] as? Bool == true }.count
        #expect(matched > 700, "\(matched) execution matches")
    }

    @Test func tripleRecordsEqualTheCommandsLines() async throws {
        let lines = [
            #"{"id": "a", "gold": [["cat", "on", "mat"], ["dog", "near", "cat"]], "prediction": [["cat", "on", "mat"]]}"#,
            #"{"id": 7, "gold": [["x", "r", "y"]], "prediction": [["x", "r", "z"]], "initial": [["x", "q", "z"]]}"#,
        ]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-triples-\(UUID().uuidString).jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        for options in [#"{}"#, #"{"similarity": "tokens", "node_weight": 1, "edge_weight": 3}"#] {
            let flags = options == "{}" ? [] : ["--similarity", "tokens", "--node-weight", "1", "--edge-weight", "3"]
            let (status, output) = try await runQuiver(["score", "triples", file.path] + flags)
            #expect(status == 0)
            let expected = output.split(separator: "\n").filter { $0.hasPrefix("{") }.map { object(Data($0.utf8)) }
            let server = try ServerProcess([])
            defer { server.stop() }
            let (answer, data) = try await server.post("score/triples", #"{"items": [\#(lines.joined(separator: ","))], "options": \#(options)}"#)
            let records = object(data)["items"] as? [[String: Any]] ?? []
            #expect(answer == 200 && records.count == 2)
            for (record, line) in zip(records, expected) { #expect(canonical(record) == canonical(line)) }
        }
    }

    /// Text-to-Cypher predictions on the served graph: `score cypher --out` on the same snapshot
    /// (wall-clock `seconds` aside).
    @Test func cypherRecordsEqualTheCommandsOutLines() async throws {
        let graph = try TestGraph.people()
        let examples = [
            ("MATCH (p:Person) RETURN count(p)", "MATCH (p:Person) RETURN count(*)"),
            ("MATCH (p:Person) WHERE p.age > 30 RETURN p.name ORDER BY p.name", "MATCH (p:Person) WHERE p.age >= 31 RETURN p.name ORDER BY p.name"),
            ("MATCH (a)-[:KNOWS]->(b) RETURN a.name", "MATCH (a)-[:KNOWS]->(b) RETURN b.name"),
            ("MATCH (p:Person RETURN p", "MATCH (p:Person) RETURN p.name LIMIT 1"),
            ("CREATE (:Intruder)", "MATCH (p:Person) RETURN count(p)"),
        ]
        let gold = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-cypher-\(UUID().uuidString).jsonl")
        let out = gold.appendingPathExtension("out")
        defer { try? FileManager.default.removeItem(at: gold); try? FileManager.default.removeItem(at: out) }
        let goldLines = try examples.map { String(decoding: try JSONSerialization.data(withJSONObject: ["gold": $0.1, "pred": $0.0]), as: UTF8.self) }
        try goldLines.joined(separator: "\n").write(to: gold, atomically: true, encoding: .utf8)
        let (status, output) = try await runQuiver(["score", "cypher", "--gold", gold.path, "--graph", graph, "--out", out.path])
        #expect(status == 0, "\(output)")
        let expected = try outRecords(out)

        let server = try ServerProcess(["--graph", graph])
        defer { server.stop() }
        let items = examples.enumerated().map { ["id": $0.offset, "prediction": $0.element.0, "gold": $0.element.1] as [String: Any] }
        let (answer, data) = try await server.request("score/cypher", body: try JSONSerialization.data(withJSONObject: ["items": items]))
        let records = object(data)["items"] as? [[String: Any]] ?? []
        #expect(answer == 200 && records.count == examples.count)
        for (record, line) in zip(records, expected) {
            var record = record
            record["id"] = nil
            #expect(canonical(withoutTimings(record)) == canonical(withoutTimings(line)))
        }
        // The prediction that writes was refused, and the served graph is unchanged.
        let (_, count) = try await server.post("cypher", #"{"query": "MATCH (n:Intruder) RETURN count(n)"}"#)
        #expect(integerRows(count) == [[0]])
    }

    @Test func gedRecordsGiveTheDistanceTheCommandPrints() async throws {
        let pairs = [("MATCH (a:Person)-[:KNOWS]->(b) RETURN b", "MATCH (a:Person)-[:LIKES]->(b:Person) RETURN b.name"),
                     ("MATCH (n) RETURN n", "MATCH (n:Movie)<-[:ACTED_IN]-(p) RETURN p")]
        let server = try ServerProcess([])
        defer { server.stop() }
        let items = pairs.map { ["prediction": $0.0, "gold": $0.1] }
        let (answer, data) = try await server.request("score/ged", body: try JSONSerialization.data(withJSONObject: ["items": items]))
        let records = object(data)["items"] as? [[String: Any]] ?? []
        #expect(answer == 200 && records.count == 2)
        for (record, pair) in zip(records, pairs) {
            let (status, output) = try await runQuiver(["ged", pair.0, pair.1])
            let distance = output.split(separator: "\n").first { $0.hasPrefix("distance: ") }.map { Double($0.dropFirst(10)) }
            #expect(status == 0 && record["ged"] as? Double == distance ?? nil, "\(record) vs \(output)")
            #expect(record["proven"] as? Bool == true)
        }
    }
}

/// The example records of a `--out` file, without the run's header line (`{"quiver_run": …}`).
private func outRecords(_ file: URL) throws -> [[String: Any]] {
    try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { object(Data($0.utf8)) }.filter { $0["quiver_run"] == nil }
}

/// A record without its wall-clock fields (`seconds`, `gold_seconds`, `pred_seconds`), which differ run to run.
private func withoutTimings(_ record: [String: Any]) -> [String: Any] {
    record.filter { !["seconds", "gold_seconds", "pred_seconds"].contains($0.key) }
}
