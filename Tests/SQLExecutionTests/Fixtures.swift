import Foundation
import SQLExecution

/// A throw-away directory with a small SQLite database, removed when the fixture is released.
final class SQLiteFixture {
    let directory: URL
    let path: String

    /// `bigRows` rows in table `big`, so a three-way cross join has `bigRows³` rows.
    init(bigRows: Int = 1000) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-sqlexec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("fixture.sqlite").path
        try SQLiteScript.createDatabase(at: path, script: """
            CREATE TABLE singer (singer_id INTEGER PRIMARY KEY, name TEXT, country TEXT, age INT, rating REAL, photo BLOB);
            INSERT INTO singer VALUES (1, 'Joe', 'France', 52, 4.5, x'00ff10');
            INSERT INTO singer VALUES (2, 'Ann', 'USA', 29, NULL, NULL);
            INSERT INTO singer VALUES (3, 'Cy', 'France', 41, 3.0, NULL);
            CREATE INDEX singer_name ON singer (name);
            CREATE TABLE big (x INTEGER);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(bigRows)) INSERT INTO big SELECT i FROM n;
            """)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The bytes of every file in the directory (the database and anything SQLite might have left beside it).
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }
}

/// The PostgreSQL URL of the throw-away server `scripts/test.sh` starts, if any.
let postgresURL = ProcessInfo.processInfo.environment["QUIVER_PG_URL"]
