import Cypher
import Foundation
import QuiverCore
import SQL
import SQLExecution

/// A property graph stored in SQLite or PostgreSQL, queried with Cypher compiled to SQL.
///
/// Each query runs in one transaction: a query that fails changes nothing. Features the compiler
/// cannot keep exactly are refused before anything runs, with
/// `not supported on SQL backends: <feature>` (code `NotSupportedOnSQLBackends`).
///
/// ```swift
/// let graph = try SQLGraph(location: "sqlite:/tmp/people.sqlite", create: true)
/// _ = try graph.execute("CREATE (:Person {name: 'Ann'})-[:KNOWS]->(:Person {name: 'Bo'})")
/// let result = try graph.execute("MATCH (a)-[:KNOWS]->(b) RETURN a.name, b.name")
/// result.rows   // [["Ann", "Bo"]]
/// ```
public final class SQLGraph {
    let connection: any SQLGraphConnection

    /// The database's dialect.
    public var dialect: SQLGraphDialect { connection.dialect }

    /// Opens a SQLite file; `create` makes the file (with the layout) when it is missing.
    public init(sqlitePath: String, create: Bool = true) throws(QueryError) {
        if !create, !FileManager.default.fileExists(atPath: sqlitePath) {
            throw QueryError(.procedureError, code: "SQLBackendConnection", phase: .compileTime,
                             message: "no SQLite graph at \(sqlitePath)")
        }
        connection = try SQLiteGraphConnection(path: sqlitePath, create: create)
    }

    /// Opens the graph in `schema` of the PostgreSQL server at `url`; `create` makes the schema and layout.
    public init(postgresURL url: String, schema: String = "public", create: Bool = true) throws(QueryError) {
        connection = try PostgresGraphConnection(url: url, schema: schema, create: create)
    }

    /// Opens `sqlite:FILE` or a `postgres://` / `postgresql://` URL; the graph's schema is `schema`,
    /// else the URL's `schema=NAME` query item (taken out before connecting), else `public`.
    public convenience init(location: String, schema: String? = nil, create: Bool = true) throws(QueryError) {
        if location.hasPrefix("sqlite:") {
            try self.init(sqlitePath: String(location.dropFirst("sqlite:".count)), create: create)
        } else if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            let (url, named) = Self.splitSchema(location)
            try self.init(postgresURL: url, schema: schema ?? named ?? "public", create: create)
        } else {
            throw QueryError(.procedureError, code: "SQLBackendConnection", phase: .compileTime,
                             message: "`\(location)` is neither sqlite:FILE nor a postgres:// URL")
        }
    }

    /// `postgres://h/db?schema=g&sslmode=disable` → (`postgres://h/db?sslmode=disable`, `g`).
    static func splitSchema(_ url: String) -> (String, String?) {
        guard let question = url.firstIndex(of: "?") else { return (url, nil) }
        var schema: String?
        var kept: [Substring] = []
        for item in url[url.index(after: question)...].split(separator: "&") {
            if item.hasPrefix("schema=") {
                schema = String(item.dropFirst("schema=".count)).removingPercentEncoding
            } else {
                kept.append(item)
            }
        }
        let base = String(url[..<question])
        return (kept.isEmpty ? base : base + "?" + kept.joined(separator: "&"), schema)
    }

    /// Compiles `text` without running it: the program, for EXPLAIN and tests.
    public func compile(_ text: String, parameters: [String: Value] = [:]) throws(QueryError) -> SQLProgram {
        try CypherSQLCompiler.compile(text, parameters: parameters, dialect: dialect)
    }

    /// Runs one Cypher statement. `EXPLAIN <query>` returns the SQL instead, one row per statement.
    public func execute(_ text: String, parameters: [String: Value] = [:], timeout: Duration? = nil) throws(QueryError)
        -> QueryResult
    {
        if let query = Self.explained(text) {
            let program = try compile(query, parameters: parameters)
            return QueryResult(columns: ["sql"], rows: program.sql(for: dialect).map { [.string($0)] })
        }
        let program = try compile(text, parameters: parameters)
        return try run(program, timeout: timeout)
    }

    /// The query after `EXPLAIN`, or nil.
    static func explained(_ text: String) -> String? {
        let trimmed = text.drop { $0.isWhitespace }
        guard trimmed.prefix(7).uppercased() == "EXPLAIN", let next = trimmed.dropFirst(7).first, next.isWhitespace else {
            return nil
        }
        return String(trimmed.dropFirst(8))
    }

    /// Runs a compiled program in one transaction.
    public func run(_ program: SQLProgram, timeout: Duration? = nil) throws(QueryError) -> QueryResult {
        let printer = dialect.printer
        try connection.begin(writing: program.writes)
        do throws(QueryError) {
            var rows: [[SQLValue]] = []
            for step in program.steps {
                switch step {
                case .run(let statement, let parameters):
                    try connection.run(printer.print(statement: statement), parameters, timeout: timeout)
                case .query(let query, let parameters, _):
                    rows = try connection.query(printer.print(query), parameters, timeout: timeout)
                case .check(let query, let parameters, let error):
                    if try !connection.query(printer.print(query), parameters, timeout: timeout).isEmpty { throw error }
                case .merge(let merge):
                    try runMerge(merge, printer: printer, timeout: timeout)
                }
            }
            let values = try SQLEntityResolver(connection: connection).resolve(rows, columns: program.columns.count)
            try connection.commit()
            return QueryResult(columns: program.columns, rows: values)
        } catch {
            connection.rollback()
            throw error
        }
    }

    private func runMerge(_ merge: MergeStep, printer: SQLPrinter, timeout: Duration?) throws(QueryError) {
        let rowsQuery = SQLBuild.select([(SQLBuild.column("f", SQLGraphLayout.rowColumn), nil)],
                                        from: SQLBuild.table(merge.frameTable, as: "f"),
                                        orderBy: [OrderingTerm(expression: SQLBuild.column("f", SQLGraphLayout.rowColumn))])
        let rows = try connection.query(printer.print(rowsQuery), [], timeout: timeout).compactMap { $0.first?.integer }
        let texts = merge.perRow.map { printer.print(statement: $0.statement) }
        let countText = printer.print(statement: merge.count.statement)
        for row in rows {
            var matched = false
            for (index, statement) in merge.perRow.enumerated() {
                if let when = statement.when, when != matched { continue }
                try connection.run(texts[index], statement.bound(row), timeout: timeout)
                if index == 0 {
                    let count = try connection.query(countText, merge.count.bound(row), timeout: timeout)
                    matched = (count.first?.first?.integer ?? 0) > 0
                }
            }
        }
    }
}

/// Compiles Cypher text to a ``SQLProgram`` for a dialect: parse and analyse with the engine's
/// front end (same errors as the in-memory engine), then the SQL compiler.
///
/// ```swift
/// let program = try CypherSQLCompiler.compile("MATCH (n:Person) RETURN n.name", dialect: .postgres)
/// print(program.sql(for: .postgres).joined(separator: ";\n"))
/// ```
public enum CypherSQLCompiler {
    /// The program for `text` with `parameters`.
    public static func compile(_ text: String, parameters: [String: Value] = [:], dialect: SQLGraphDialect)
        throws(QueryError) -> SQLProgram
    {
        let prepared = try CypherEngine.prepare(text, parameterNames: Set(parameters.keys))
        guard let query = prepared.query else {
            throw SQLGraphError.unsupported("schema commands (indexes and constraints)")
        }
        do {
            return try StackGuard.run(needing: 8 << 20 + min(text.utf8.count, NestingLimit.depth + 1) * (64 << 10)) {
                () throws(QueryError) -> SQLProgram in
                try QueryCompiler(dialect: dialect, parameters: parameters).compile(query)
            }
        } catch {
            throw error.withSource(text)
        }
    }
}
