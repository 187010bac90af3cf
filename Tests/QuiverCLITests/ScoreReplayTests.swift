import Foundation
import QuiverCore
import SQLExecution
import Testing

/// A scoring run is reproduced from the header of its `--out` file alone: `quiver score replay`
/// re-runs it and finds every record equal; a changed input or record is found and named.
@Suite(.enabled(if: QuiverBinary.url != nil, "skipped: the quiver binary is not built beside the tests"))
struct ScoreReplayTests {
    typealias Folder = ScoringInputTests.Folder

    /// `score sql` on a small shop database: gold, predictions, the database, and the `--out` path.
    func shopRun(_ folder: Folder) throws -> (arguments: [String], out: String, pred: String) {
        let database = folder.url.appendingPathComponent("db/shop/shop.sqlite")
        try FileManager.default.createDirectory(at: database.deletingLastPathComponent(), withIntermediateDirectories: true)
        try SQLiteScript.createDatabase(at: database.path, script: """
            CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT, price REAL);
            INSERT INTO item VALUES (1, 'pen', 1.5), (2, 'ink', 3.0), (3, 'pad', 1.5);
            """)
        let gold = try folder.file("gold.sql", "SELECT name FROM item ORDER BY price\tshop\nSELECT count(*) FROM item\tshop\nSELECT name FROM item\tshop\n")
        let pred = try folder.file("pred.sql", "SELECT name FROM item ORDER BY price, name\n-- nothing\nSELECT nme FROM item\n")
        let out = folder.url.appendingPathComponent("run.jsonl").path
        let arguments = ["score", "sql", "--gold", gold, "--pred", pred, "--db-root", folder.url.appendingPathComponent("db").path,
                         "--semantics", "bird", "--jobs", "2", "--out", out]
        return (arguments, out, pred)
    }

    @Test func aRunIsReproducedFromItsHeaderAlone() throws {
        let folder = try Folder()
        let run = try shopRun(folder)
        let (status, output) = try QuiverBinary.run(run.arguments)
        try #require(status == 0, "\(output)")
        let lines = try String(contentsOfFile: run.out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4 && lines[0].hasPrefix(#"{"quiver_run":"#))
        // The replay works from the file alone, wherever it is started.
        let (replayed, report) = try QuiverBinary.run(["score", "replay", run.out])
        #expect(replayed == 0 && report.contains("every record equal"), "\(report)")
    }

    @Test func aChangedRecordOrInputIsFound() throws {
        let folder = try Folder()
        let run = try shopRun(folder)
        let (status, output) = try QuiverBinary.run(run.arguments)
        try #require(status == 0, "\(output)")
        let text = try String(contentsOfFile: run.out, encoding: .utf8)
        let tampered = folder.url.appendingPathComponent("tampered.jsonl").path
        try text.replacingOccurrences(of: #""exec_match":false"#, with: #""exec_match":true"#).write(toFile: tampered, atomically: true, encoding: .utf8)
        let (differs, report) = try QuiverBinary.run(["score", "replay", tampered])
        #expect(differs == 1 && report.contains("exec_match: true → false"), "\(report)")

        try "SELECT name FROM item\n\n\n".write(toFile: run.pred, atomically: true, encoding: .utf8)
        let (changed, message) = try QuiverBinary.run(["score", "replay", run.out])
        #expect(changed == 1 && message.contains("predictions '\(run.pred)' changed since the run"), "\(message)")
    }

    @Test func aFileWithoutAHeaderIsRefused() throws {
        let folder = try Folder()
        let file = try folder.file("plain.jsonl", #"{"index": 0}"# + "\n")
        let (status, output) = try QuiverBinary.run(["score", "replay", file])
        #expect(status == 1 && output.contains("does not start with a run header"), "\(output)")
    }

    @Test func aCypherRunIsReproducedToo() throws {
        let folder = try Folder()
        let graph = try folder.file("movies.cypher", "CREATE (:Movie {title: 'Heat', year: 1995}), (:Movie {title: 'Ronin', year: 1998})")
        let gold = try folder.file("gold.jsonl", """
            {"gold": "MATCH (m:Movie) RETURN m.title ORDER BY m.year", "pred": "MATCH (m:Movie) RETURN m.title ORDER BY m.title"}
            {"gold": "MATCH (m:Movie) RETURN count(m)", "pred": "MATCH (m) RETURN count(*)"}

            """)
        let out = folder.url.appendingPathComponent("cypher.jsonl").path
        let (status, output) = try QuiverBinary.run(["score", "cypher", "--gold", gold, "--graph", graph, "--out", out])
        try #require(status == 0, "\(output)")
        let (replayed, report) = try QuiverBinary.run(["score", "replay", out])
        #expect(replayed == 0 && report.contains("on 2 examples"), "\(report)")
    }

    /// The Done-when run: the official-semantics scoring of a real prediction file, replayed.
    @Test(.enabled(if: DataLocation.item("spider/predictions/c3sql_chatgpt.sql") != nil, "skipped: QUIVER_DATA not found"))
    func aSpiderRunIsReproducedFromItsHeader() throws {
        let spider = try #require(DataLocation.item("spider"))
        let folder = try Folder()
        let out = folder.url.appendingPathComponent("c3.jsonl").path
        let (status, output) = try QuiverBinary.run([
            "score", "sql", "--gold", spider.appendingPathComponent("dev_gold.sql").path,
            "--pred", spider.appendingPathComponent("predictions/c3sql_chatgpt.sql").path,
            "--db-root", spider.appendingPathComponent("database").path, "--tables", spider.appendingPathComponent("tables.json").path,
            "--semantics", "spider-test-suite", "--jobs", "2", "--out", out,
        ])
        try #require(status == 0, "\(output.suffix(500))")
        let (replayed, report) = try QuiverBinary.run(["score", "replay", out])
        #expect(replayed == 0 && report.contains("on 1034 examples") && report.contains("every record equal"), "\(report)")
    }
}
