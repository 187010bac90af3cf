import ArgumentParser
import Foundation
import SQL
import SQLExecution
import Scoring

/// `quiver synth-db`: writes a synthetic SQLite database for one schema of a `tables.json`.
struct SynthDBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth-db",
        abstract: "Create an SQLite database with seeded synthetic rows for one schema of a Spider/BIRD tables.json.",
        discussion: """
            Tables, column types, primary and foreign keys come from --tables. Rows are deterministic
            for a given --seed. With --queries (a gold file: Spider/BIRD dev.json, mini-dev JSON, or
            `SQL<TAB>db_id` lines), the literals those queries of --db compare columns with, and the
            columns they join, shape the values, so the queries return rows.
            """)

    @Option(help: "Spider/BIRD tables.json holding the schema.")
    var tables: String

    @Option(help: "The db_id of the schema to create.")
    var db: String

    @Option(help: "The SQLite file to write (replaced if it exists).")
    var out: String

    @Option(parsing: .unconditional, help: "Rows per table (1 to 10,000,000).")
    var rows: Int = 50

    @Option(parsing: .unconditional, help: "Seed of the random values (0 to 2^64 - 1).")
    var seed: UInt64 = 1

    @Option(help: "Gold file whose queries on --db shape the values (dev.json, mini-dev JSON, or SQL<TAB>db_id lines).")
    var queries: String?

    /// The most rows per table `--rows` accepts: ten million, a database of gigabytes.
    static let maximumRows = 10_000_000

    mutating func validate() throws {
        try CountOption.validate(rows, "--rows", in: 1...SynthDBCommand.maximumRows)
    }

    func run() throws {
        let schemas: [String: Schema]
        do {
            schemas = try SpiderTables.load(from: URL(fileURLWithPath: tables))
        } catch {
            let reason = (error as? SpiderTables.ReadError)?.message ?? error.localizedDescription
            throw InputError("--tables: cannot read '\(tables)' as Spider/BIRD tables.json: \(reason)")
        }
        guard let schema = schemas[db] else {
            throw InputError(
                "--db: no schema '\(db)' in '\(tables)'; it has \(schemas.count): \(schemas.keys.sorted().prefix(8).joined(separator: ", "))…")
        }
        var texts: [String] = []
        if let queries {
            do {
                texts = try SQLDatasetReader.readGold(at: URL(fileURLWithPath: queries)).filter { $0.databaseID == db }.map(\.gold)
            } catch {
                throw InputError("--queries: \(error.description)")
            }
        }
        let script = SyntheticDatabase(schema: schema, rowsPerTable: rows, seed: seed, queries: texts).script()
        let target = URL(fileURLWithPath: out)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: temporary)
        do {
            try SQLiteScript.createDatabase(at: temporary.path, script: script)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if error.kind == .connection {
                throw InputError("--out: cannot write '\(out)': \(error); check that its folder exists and is writable")
            }
            throw InputError("the schema '\(db)' of '\(tables)' gave a script SQLite refused: \(error.message)")
        }
        // rename(2) replaces an existing file atomically: a reader never sees half a database.
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw InputError("--out: cannot write '\(out)': \(reason)")
        }
        FileHandle.standardError.write(
            Data("wrote \(out): \(schema.tables.count) tables × \(rows) rows, \(texts.count) queries of '\(db)' read\n".utf8))
    }
}
