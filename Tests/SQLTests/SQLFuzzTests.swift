import Foundation
import QuiverCore
import SQL
import SQLExecution
import Testing

/// Seeded fuzzing of the SQL side: real queries cut, spliced, repeated and sprinkled with hostile
/// tokens go through the parser, the printer and a real SQLite file. Every input must end in a
/// result or a typed error, and the database file must be unchanged. The seed is fixed, so a
/// failure reproduces; QUIVER_FUZZ_SEED and QUIVER_FUZZ_CASES vary it.
@Suite("Fuzzing the SQL parser and executor")
struct SQLFuzzTests {
    static let seed = UInt64(ProcessInfo.processInfo.environment["QUIVER_FUZZ_SEED"] ?? "") ?? 20_261_207
    static let cases = Int(ProcessInfo.processInfo.environment["QUIVER_FUZZ_CASES"] ?? "") ?? 2_000

    static let corpus = [
        "SELECT name, age FROM singer WHERE country = 'France' ORDER BY age DESC LIMIT 2",
        "SELECT country, count(*), avg(age) FROM singer GROUP BY country HAVING count(*) > 1",
        "SELECT T1.name FROM singer AS T1 JOIN singer AS T2 ON T1.country = T2.country WHERE T1.singer_id <> T2.singer_id",
        "SELECT name FROM singer WHERE age > (SELECT avg(age) FROM singer) UNION SELECT 'x'",
        "SELECT DISTINCT country FROM singer EXCEPT SELECT country FROM singer WHERE age < 30",
        "SELECT name FROM singer WHERE name LIKE '%o%' AND rating IS NOT NULL OR age BETWEEN 20 AND 40",
        "SELECT CASE WHEN age > 40 THEN 'old' ELSE 'young' END, substr(name, 1, 2), length(name) FROM singer",
        "SELECT count(*) FROM big WHERE x IN (SELECT x FROM big WHERE x % 7 = 0)",
        "WITH t AS (SELECT country, max(age) AS m FROM singer GROUP BY country) SELECT * FROM t ORDER BY m",
        "SELECT name FROM singer WHERE NOT EXISTS (SELECT 1 FROM big WHERE x = singer.age)",
        "SELECT cast(age AS TEXT) || '-' || name, abs(-age), round(rating, 1) FROM singer",
    ]

    static let hostile = [
        "(", ")", ",", ".", "*", "'", "\"", "`", ";", "--", "/*", "*/", "SELECT", "FROM", "WHERE", "JOIN", "ON",
        "UNION", "GROUP BY", "ORDER BY", "HAVING", "LIMIT", "NOT", "AND", "OR", "IN", "LIKE", "CASE", "END",
        "9223372036854775808", "1e309", "NULL", "DROP TABLE singer", "printf('%.*c', 2147483647, 'x')",
        "zeroblob(2000000000)", "randomblob(1e9)", "\u{0}", "é", "𝔘", "\n", "||", "x'zz'", "?", ":p", "$1",
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c",
    ]

    /// One mutation of `query`: cut, duplicate, repeat (deep nesting, long chains), splice a hostile
    /// token, truncate, or move a span.
    static func mutate(_ query: String, _ rng: inout SeededGenerator) -> String {
        var characters = Array(query)
        guard !characters.isEmpty else { return hostile.randomElement(using: &rng) ?? "" }
        let a = Int.random(in: 0..<characters.count, using: &rng)
        let b = min(characters.count, a + Int.random(in: 1...12, using: &rng))
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: characters.removeSubrange(a..<b)
        case 1:
            let times = [2, 300, 1_500, 5_000].randomElement(using: &rng) ?? 2
            characters.insert(contentsOf: Array(repeating: Array(characters[a..<b]), count: times).joined(), at: b)
        case 2: characters.insert(contentsOf: " " + (hostile.randomElement(using: &rng) ?? "") + " ", at: a)
        case 3: characters.removeSubrange(a..<characters.count)
        case 4:
            let moved = Array(characters[a..<b])
            characters.removeSubrange(a..<b)
            characters.insert(contentsOf: moved, at: Int.random(in: 0...characters.count, using: &rng))
        default: characters.replaceSubrange(a..<b, with: hostile.randomElement(using: &rng) ?? "")
        }
        return String(characters)
    }

    @Test("mutated SQL parses, prints and runs to a result or a typed error; the database never changes")
    func mutatedQueries() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-sqlfuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("fuzz.sqlite").path
        try SQLiteScript.createDatabase(at: path, script: """
            CREATE TABLE singer (singer_id INTEGER PRIMARY KEY, name TEXT, country TEXT, age INT, rating REAL);
            INSERT INTO singer VALUES (1, 'Joe', 'France', 52, 4.5), (2, 'Ann', 'USA', 29, NULL), (3, 'Cy', 'France', 41, 3.0);
            CREATE TABLE big (x INTEGER);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO big SELECT i FROM n;
            """)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let database = try SQLiteDatabase(path: path)
        let limits = ExecutionLimits(timeout: .milliseconds(500), maxRows: 10_000)
        var rng = SeededGenerator(seed: Self.seed)
        var parsed = 0, ran = 0
        for index in 0..<Self.cases {
            var query = Self.corpus[index % Self.corpus.count]
            // Zero mutations now and then keep valid queries in the mix (and their printed forms).
            for _ in 0..<Int.random(in: 0...3, using: &rng) { query = Self.mutate(query, &rng) }
            if let statement = try? SQLParser.parse(query) {
                parsed += 1
                _ = SQLPrinter().print(statement)
                _ = SQLPrinter(dialect: .postgres).print(statement)
            }
            do {
                _ = try database.execute(query, limits: limits)
                ran += 1
            } catch {
                #expect(!error.message.isEmpty, "seed \(Self.seed) case \(index): an error without a message")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the database file changed")
        // The mutations must leave some inputs valid, or the test would only exercise error paths.
        #expect(parsed > Self.cases / 10 && ran > Self.cases / 10, "parsed \(parsed), ran \(ran) of \(Self.cases)")
    }
}
