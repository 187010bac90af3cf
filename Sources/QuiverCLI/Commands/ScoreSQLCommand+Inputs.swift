import ArgumentParser
import Foundation
import QuiverCore
import SQL
import Scoring
import SQLExecution

/// Everything `score sql` reads, read and checked before any query runs.
struct SQLRunInputs {
    var examples: [SQLExample]
    var predictions: [String]
    /// The db_ids the examples use, sorted.
    var databaseIDs: [String]
    var sqlite: SQLiteDatabaseFactory?
    var executors: any QueryExecutorFactory
    var structural: StructuralScorer
    var translate: QueryTranslator?
}

extension ScoreSQLCommand {
    /// Reads gold, predictions and tables, opens every database (or the server), and loads
    /// PostgreSQL when asked; any problem is an ``InputError`` before a query runs.
    func loadInputs() throws -> SQLRunInputs {
        let examples: [SQLExample]
        let predictions: [String]
        do {
            examples = try SQLDatasetReader.readGold(at: URL(fileURLWithPath: gold))
            predictions = compareDialects ? examples.map(\.gold) : try SQLDatasetReader.readPredictions(at: URL(fileURLWithPath: pred), count: examples.count)
        } catch {
            throw InputError(error.description)
        }
        let databaseIDs = Set(examples.map(\.databaseID)).sorted()
        let structural = try structuralScorer(for: Set(databaseIDs))
        let sqlite = dbRoot.map { SQLiteDatabaseFactory(root: URL(fileURLWithPath: $0)) }
        if let sqlite, postgres == nil || loadPostgres || compareDialects { try checkDatabases(databaseIDs, in: sqlite) }
        if let postgres { try checkServer(postgres, databaseIDs: loadPostgres ? [] : databaseIDs) }
        if let postgres, loadPostgres, let sqlite { try load(databaseIDs, from: sqlite, into: postgres) }
        var translate: QueryTranslator?
        if let postgres, translateToPostgres {
            do {
                translate = PostgresTranslation.translator(knownColumns: try PostgresTranslation.knownColumns(url: postgres, databaseIDs: databaseIDs))
            } catch {
                throw InputError("--postgres: cannot read the column names for --translate-to-postgres: \(error)")
            }
        }
        let executors: any QueryExecutorFactory =
            postgres.map { PostgresDatabaseFactory(url: $0, role: postgresRole) } ?? (sqlite ?? SQLiteDatabaseFactory(root: URL(fileURLWithPath: ".")))
        return SQLRunInputs(
            examples: examples, predictions: predictions, databaseIDs: databaseIDs, sqlite: sqlite, executors: executors,
            structural: structural, translate: translate)
    }

    /// Every database file exists, is a regular file, and SQLite reads it.
    private func checkDatabases(_ databaseIDs: [String], in sqlite: SQLiteDatabaseFactory) throws {
        let missing = databaseIDs.filter { !FileManager.default.fileExists(atPath: sqlite.path(for: $0)) }
        if !missing.isEmpty {
            throw InputError(
                "no database file for \(missing.count) db_id(s) (\(missing.prefix(5).joined(separator: ", "))), e.g. "
                    + "'\(sqlite.path(for: missing[0]))'; --db-root must hold <db_id>/<db_id>.sqlite")
        }
        for databaseID in databaseIDs {
            do {
                _ = try sqlite.open(databaseID: databaseID).execute("SELECT count(*) FROM sqlite_master", limits: ExecutionLimits())
            } catch {
                throw InputError("--db-root: '\(sqlite.path(for: databaseID))' cannot be read as an SQLite database: \(error.message)")
            }
        }
    }

    /// The server answers, and holds a schema for each of `databaseIDs`.
    private func checkServer(_ url: String, databaseIDs: [String]) throws {
        let schemas: Set<String>
        do {
            let server = try PostgresDatabase(url: url, role: postgresRole)
            schemas = Set(try server.execute("SELECT nspname FROM pg_namespace", limits: ExecutionLimits()).rows.compactMap { row in
                if case .string(let name)? = row.first { return name }
                return nil
            })
        } catch {
            throw InputError("--postgres: cannot reach the server at \(ScoringRunArguments.redacted(url)): \(error.message)")
        }
        let missing = databaseIDs.filter { !schemas.contains($0.lowercased()) }
        if !missing.isEmpty {
            throw InputError(
                "--postgres: the server has no schema for \(missing.count) db_id(s) (\(missing.prefix(5).joined(separator: ", "))); "
                    + "load them with --load-postgres --db-root DIR")
        }
    }

    /// Exact match, partial components and schema linking need the schemas of `--tables`; without it,
    /// only the gold's hardness is computed.
    private func structuralScorer(for databaseIDs: Set<String>) throws -> StructuralScorer {
        guard let tables else { return ExactSetMatch.structuralScorer(schemas: [:]) }
        let schemas: [String: Schema]
        do {
            // Only the schemas the examples use are indexed (Spider's tables.json has 166, dev uses 20).
            schemas = try SpiderTables.load(from: URL(fileURLWithPath: tables), databaseIDs: databaseIDs)
        } catch {
            throw InputError("--tables: cannot read '\(tables)' as Spider/BIRD tables.json: \(error)")
        }
        let missing = databaseIDs.subtracting(schemas.keys).sorted()
        if !missing.isEmpty {
            throw InputError("--tables: '\(tables)' has no schema for \(missing.count) db_id(s) of the gold file (\(missing.prefix(5).joined(separator: ", ")))")
        }
        return SchemaLinking(schemas: schemas).adding(to: ExactSetMatch.structuralScorer(schemas: schemas))
    }

    private func load(_ databaseIDs: [String], from sqlite: SQLiteDatabaseFactory, into url: String) throws {
        let loader = try PostgresLoader(url: url, readerRole: postgresRole)
        for (number, databaseID) in databaseIDs.enumerated() {
            try loader.load(sqlitePath: sqlite.path(for: databaseID), schema: databaseID.lowercased())
            FileHandle.standardError.write(Data("loaded \(databaseID) into PostgreSQL (\(number + 1)/\(databaseIDs.count))\n".utf8))
        }
    }

    /// The run's header: every option, and the hash of every input file and database.
    func header(for inputs: SQLRunInputs) throws -> ScoringRun {
        var files: [RunInput] = []
        do {
            files.append(try .file(role: "gold", path: gold))
            files.append(try .file(role: "predictions", path: pred))
            if let tables { files.append(try .file(role: "tables", path: tables)) }
            if postgres == nil, let sqlite = inputs.sqlite {
                for databaseID in inputs.databaseIDs {
                    files.append(try .file(role: "database", path: sqlite.path(for: databaseID), databaseID: databaseID))
                }
            }
        } catch {
            throw InputError("cannot hash an input for the run's header: \(error)")
        }
        if let postgres {
            files.append(RunInput(role: "server", note: "PostgreSQL at \(ScoringRunArguments.redacted(postgres)); its contents are not hashed"))
        }
        var arguments = ScoringRunArguments(command: ["score", "sql"])
        arguments.add("--gold", path: gold)
        arguments.add("--pred", path: pred)
        arguments.add("--db-root", path: dbRoot)
        arguments.add("--tables", path: tables)
        arguments.add("--semantics", semantics.rawValue)
        arguments.add("--timeout", String(timeout))
        arguments.add("--jobs", String(jobs))
        arguments.add("--max-rows", String(maxRows))
        arguments.add("--postgres", postgres.map(ScoringRunArguments.redacted))
        arguments.add("--postgres-role", postgresRole)
        arguments.flag("--translate-to-postgres", translateToPostgres)
        arguments.flag("--keep-distinct", keepDistinct)
        arguments.flag("--no-determinism-check", noDeterminismCheck)
        arguments.add("--ves", String(ves))
        arguments.options["load-postgres"] = .bool(loadPostgres)
        return ScoringRun(command: "score sql", arguments: arguments.list, options: arguments.options, inputs: files)
    }
}
