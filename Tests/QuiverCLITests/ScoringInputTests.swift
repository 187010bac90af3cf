import Foundation
import QuiverCore
import Testing

/// Every broken input of `quiver score` ends the command with exit status 1 and one line, before
/// any example is scored and without writing `--out`.
@Suite(.enabled(if: QuiverBinary.url != nil, "skipped: the quiver binary is not built beside the tests"))
struct ScoringInputTests {
    /// A folder of throw-away inputs.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-inputs-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }

        /// Writes `bytes` to `name` and returns its path.
        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: path)
            return path.path
        }

        func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }
    }

    /// Runs `arguments`, expects exit status 1, one line naming `expected`, and no `out` file.
    func expectRefusal(_ arguments: [String], _ expected: String, out: String? = nil) throws {
        let (status, output) = try QuiverBinary.run(arguments)
        let lines = output.split(separator: "\n")
        #expect(status == 1, "\(output)")
        #expect(lines.count == 1 && lines.first?.hasPrefix("Error: ") == true, "\(output)")
        #expect(output.contains(expected), "\(output)")
        if let out { #expect(!FileManager.default.fileExists(atPath: out)) }
    }

    static let movies = "CREATE (:Movie {title: 'Heat'})"

    @Test func aGraphScriptThatDoesNotLoadIsRefused() throws {
        let folder = try Folder()
        let gold = try folder.file("gold.jsonl", #"{"gold": "MATCH (m:Movie) RETURN m.title"}"# + "\n")
        let out = folder.url.appendingPathComponent("out.jsonl").path
        let broken = try folder.file("broken.cypher", "CREATE (:Movie {title: 'Heat')")
        try expectRefusal(["score", "cypher", "--gold", gold, "--graph", broken, "--out", out], "--graph", out: out)
        let binary = try folder.file("binary.cypher", [0xFF, 0xFE, 0x00, 0x43])
        try expectRefusal(["score", "cypher", "--gold", gold, "--graph", binary, "--out", out], "UTF-8", out: out)
    }

    @Test func cypherCSVsWithRaggedRowsOrBadBytesAreRefused() throws {
        let folder = try Folder()
        let graph = try folder.file("movies.cypher", Self.movies)
        let ragged = try folder.file("ragged.csv", "question,cypher\nq1,MATCH (n) RETURN n\nq2\n")
        try expectRefusal(["score", "cypher", "--gold", ragged, "--graph", graph], "ragged.csv:3: has 1 fields but the header has 2")
        let latin1 = try folder.file("latin1.csv", Array("question,cypher\nq1,MATCH (n) RETURN 'caf".utf8) + [0xE9] + Array("'\n".utf8))
        try expectRefusal(["score", "cypher", "--gold", latin1, "--graph", graph], "latin1.csv:2: is not UTF-8")
    }

    @Test func anUnwritableOutIsRefusedBeforeTheRun() throws {
        let folder = try Folder()
        let gold = try folder.file("gold.jsonl", #"{"gold": "MATCH (m:Movie) RETURN m.title"}"# + "\n")
        let missing = folder.url.appendingPathComponent("no-such-folder/out.jsonl").path
        try expectRefusal(["score", "cypher", "--gold", gold, "--out", missing], "does not exist", out: missing)
        try expectRefusal(["score", "cypher", "--gold", gold, "--out", folder.url.path], "is a folder")
        try expectRefusal(["score", "sql", "--gold", gold, "--pred", gold, "--db-root", folder.url.path, "--out", missing], "--out")
    }

    @Test func anUnreachableServerIsRefused() throws {
        let folder = try Folder()
        let gold = try folder.file("gold.sql", "SELECT 1\tshop\n")
        // Port 1 on the loopback: nothing listens there.
        try expectRefusal(
            ["score", "sql", "--gold", gold, "--pred", gold, "--postgres", "postgresql://nobody:secret@127.0.0.1:1/none"],
            "--postgres: cannot reach the server at postgresql://nobody:***@127.0.0.1:1/none")
    }

    @Test func aDatabaseFileSQLiteCannotReadIsRefused() throws {
        let folder = try Folder()
        let gold = try folder.file("gold.sql", "SELECT 1\tshop\n")
        _ = try folder.file("db/shop/shop.sqlite", "this is not a database, only text that is long enough to have a header")
        try expectRefusal(["score", "sql", "--gold", gold, "--pred", gold, "--db-root", folder.url.appendingPathComponent("db").path],
                          "cannot be read as an SQLite database")
    }

    @Test func tablesWithoutTheGoldsDatabasesAreRefused() throws {
        let folder = try Folder()
        let gold = try folder.file("gold.sql", "SELECT 1\tshop\n")
        let tables = try folder.file("tables.json", "[]")
        try expectRefusal(["score", "sql", "--gold", gold, "--pred", gold, "--db-root", folder.url.path, "--tables", tables],
                          "has no schema for 1 db_id(s)")
    }

    @Test func aFileWithoutGoldIsScoredAgainstAnother() throws {
        let folder = try Folder()
        let graph = try folder.file("movies.cypher", Self.movies)
        let questions = try folder.file("questions.csv", "question,pred\nall titles,MATCH (m:Movie) RETURN m.title\n")
        try expectRefusal(["score", "cypher", "--gold", questions, "--graph", graph], "no `cypher` (gold) column")
        let other = try folder.file("other.jsonl", #"{"pred": "MATCH (x:Movie) RETURN x.title AS t"}"# + "\n")
        let (status, output) = try QuiverBinary.run(["score", "cypher", "--gold", questions, "--against", other, "--graph", graph, "--json"])
        #expect(status == 0, "\(output)")
        #expect(output.contains(#""matched":1"#), "\(output)")
        let (alone, text) = try QuiverBinary.run(["score", "cypher", "--pred", questions, "--against", other, "--graph", graph, "--json"])
        #expect(alone == 0 && text.contains(#""matched":1"#), "\(text)")
    }
}
