import Foundation
import QuiverCore

/// Copies SQLite databases into PostgreSQL, one schema per database, so the same queries can run on both.
///
/// Column types are chosen from the values SQLite actually stores (its types are per value, not per
/// column): only integers → `bigint`; integers and reals → `double precision`; only blobs → `bytea`;
/// anything mixed with text → `text` (numbers written as SQLite prints them); a column with no values
/// falls back to its declared type's affinity. Names are lower-cased, as unquoted PostgreSQL names are,
/// so the SQL written for SQLite finds them. Constraints are not copied: Spider's data breaks some.
///
/// ```swift
/// let loader = try PostgresLoader(url: pgURL)
/// try loader.load(sqlitePath: "spider/database/concert_singer/concert_singer.sqlite", schema: "concert_singer")
/// ```
public final class PostgresLoader {
    private let connection: PostgresConnection
    /// The role that gets read rights on every loaded schema (created `NOLOGIN` if missing), or `nil`.
    public let readerRole: String?

    /// Connects to `url`; creates `readerRole` (`NOLOGIN`) when it does not exist.
    public init(url: String, readerRole: String? = nil) throws(SQLExecutionError) {
        connection = try PostgresConnection(url: url)
        self.readerRole = readerRole
        if let readerRole {
            let literal = "'" + readerRole.replacingOccurrences(of: "'", with: "''") + "'"
            try connection.command(
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = \(literal)) THEN "
                    + "CREATE ROLE \(PostgresDatabase.quoted(readerRole)) NOLOGIN; END IF; END $$")
        }
    }

    /// Replaces schema `schema` with a copy of every table of the SQLite file; returns the tables copied.
    @discardableResult
    public func load(sqlitePath: String, schema: String) throws(SQLExecutionError) -> [String] {
        let source = try SQLiteDatabase(path: sqlitePath)
        let tables = try source.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            limits: .unlimited
        ).rows.compactMap { row -> String? in if case .string(let name) = row.first { name } else { nil } }
        let target = PostgresDatabase.quoted(schema)
        try connection.command("BEGIN")
        do {
            try connection.command("DROP SCHEMA IF EXISTS \(target) CASCADE")
            try connection.command("CREATE SCHEMA \(target)")
            for table in tables { try copy(table: table, from: source, into: target) }
            if let readerRole {
                let role = PostgresDatabase.quoted(readerRole)
                try connection.command("GRANT USAGE ON SCHEMA \(target) TO \(role)")
                try connection.command("GRANT SELECT ON ALL TABLES IN SCHEMA \(target) TO \(role)")
            }
            try connection.command("COMMIT")
        } catch {
            try? connection.command("ROLLBACK")
            throw error
        }
        return tables
    }

    private func copy(table: String, from source: SQLiteDatabase, into schema: String) throws(SQLExecutionError) {
        let quotedSource = PostgresDatabase.quoted(table)
        let declared = try source.execute("PRAGMA table_info(\(quotedSource))", limits: .unlimited).rows.map { row in
            (name: row[1].textValue, type: row[2].textValue)
        }
        let data = try source.execute("SELECT * FROM \(quotedSource)", limits: .unlimited)
        let types = declared.indices.map { index in
            PostgresLoader.columnType(values: data.rows.lazy.map { $0[index] }, declared: declared[index].type)
        }
        let names = declared.map { PostgresDatabase.quoted($0.name.lowercased()) }
        let qualified = schema + "." + PostgresDatabase.quoted(table.lowercased())
        let columnList = zip(names, types).map { "\($0) \($1.rawValue)" }.joined(separator: ", ")
        try connection.command("CREATE TABLE \(qualified) (\(columnList))")
        let lines = data.rows.lazy.map { row in
            zip(row, types).map { PostgresLoader.copyField($0, as: $1) }.joined(separator: "\t")
        }
        try connection.copyIn("COPY \(qualified) (\(names.joined(separator: ", "))) FROM STDIN", lines: lines)
    }

    /// The PostgreSQL column types the loader uses.
    enum ColumnType: String {
        case bigint, double = "double precision", text, bytea
    }

    static func columnType(values: some Sequence<Value>, declared: String) -> ColumnType {
        var sawInt = false, sawFloat = false, sawText = false, sawBlob = false
        for value in values {
            switch value {
            case .null: continue
            case .int: sawInt = true
            case .float: sawFloat = true
            case .map: sawBlob = true
            default: sawText = true
            }
        }
        if sawText || (sawBlob && (sawInt || sawFloat)) { return .text }
        if sawBlob { return .bytea }
        if sawFloat { return .double }
        if sawInt { return .bigint }
        // SQLite's affinity rules (datatype3.html §3.1), in their order.
        let type = declared.uppercased()
        if type.contains("INT") { return .bigint }
        if type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") { return .text }
        if type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB") { return .double }
        return type.contains("BLOB") ? .bytea : .text
    }

    /// One field of COPY's text format: `\N` for NULL, backslash escapes for the separators.
    static func copyField(_ value: Value, as type: ColumnType) -> String {
        switch value {
        case .null: return "\\N"
        case .int(let i): return String(i)
        case .float(let f):
            if f.isNaN { return "NaN" }
            if f.isInfinite { return f > 0 ? "Infinity" : "-Infinity" }
            return type == .text ? sqliteText(f) : "\(f)"
        case .map(let blob):
            if case .string(let hex)? = blob["blob"] { return "\\\\x" + hex }
            return "\\N"
        default:
            return escaped(value.textValue)
        }
    }

    /// How SQLite prints a REAL as text (`%!.15g`): integral values keep a trailing `.0`.
    static func sqliteText(_ f: Double) -> String {
        var text = String(format: "%.15g", f)
        if !text.contains("."), !text.contains("e"), !text.contains("n"), !text.contains("i") { text += ".0" }
        return text
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": continue  // PostgreSQL text cannot hold NUL
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Value {
    /// The value as plain text: strings as they are, numbers as SQLite prints them, NULL empty.
    var textValue: String {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .float(let f): PostgresLoader.sqliteText(f)
        case .null: ""
        default: description
        }
    }
}
