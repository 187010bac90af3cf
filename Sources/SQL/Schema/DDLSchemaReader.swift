import QuiverCore

/// Reads a ``Schema`` from `CREATE TABLE` statements (SQLite DDL, as in `sqlite_master.sql` or a `.sql` dump).
///
/// Column names, declared types, primary keys (inline or as a table constraint) and foreign keys
/// (inline `REFERENCES` or `FOREIGN KEY (...) REFERENCES t (...)`) are read; other statements are skipped.
///
/// ```swift
/// let schema = try DDLSchemaReader.read("CREATE TABLE singer (id INTEGER PRIMARY KEY, name TEXT)", databaseID: "db")
/// ```
public enum DDLSchemaReader {
    /// The schema described by the `CREATE TABLE` statements in `ddl`.
    public static func read(_ ddl: String, databaseID: String) throws(QueryError) -> Schema {
        var reader = Reader(tokens: try SQLLexer.tokenize(ddl))
        var schema = Schema(databaseID: databaseID, tables: [])
        while reader.current.kind != .end {
            if reader.current.isWord("create") {
                if let (table, keys) = reader.createTable() {
                    schema.tables.append(table)
                    schema.foreignKeys += keys
                }
            } else {
                reader.index += 1
            }
        }
        return schema
    }

    struct Reader {
        var tokens: [SQLToken]
        var index = 0

        var current: SQLToken { tokens[index] }

        mutating func advance() {
            if index < tokens.count - 1 { index += 1 }
        }

        mutating func accept(_ word: String) -> Bool {
            guard current.isWord(word) else { return false }
            advance()
            return true
        }

        /// A name token's text (word, quoted identifier or string).
        mutating func name() -> String? {
            switch current.kind {
            case .word, .quotedIdentifier, .string:
                let text = current.text
                advance()
                return text
            default:
                return nil
            }
        }

        /// A parenthesized list of names, e.g. `(a, b)`.
        mutating func nameList() -> [String] {
            guard current.isSymbol("(") else { return [] }
            advance()
            var names: [String] = []
            while !current.isSymbol(")"), current.kind != .end {
                if let name = name() { names.append(name) } else { advance() }
                if current.isSymbol(",") { advance() }
            }
            advance()
            return names
        }

        /// Skips to the end of the statement.
        mutating func skipStatement() {
            while !current.isSymbol(";"), current.kind != .end { advance() }
            advance()
        }

        mutating func createTable() -> (Schema.Table, [Schema.ForeignKey])? {
            advance()
            _ = accept("temp") || accept("temporary")
            guard accept("table") else {
                skipStatement()
                return nil
            }
            if accept("if") {
                _ = accept("not")
                _ = accept("exists")
            }
            guard var tableName = name() else { return nil }
            if current.isSymbol(".") {
                advance()
                tableName = name() ?? tableName
            }
            guard current.isSymbol("(") else {
                skipStatement()
                return nil
            }
            advance()
            var table = Schema.Table(name: tableName, columns: [])
            var keys: [Schema.ForeignKey] = []
            while !current.isSymbol(")"), current.kind != .end {
                definition(of: &table, keys: &keys)
                if current.isSymbol(",") { advance() }
            }
            skipStatement()
            return (table, keys)
        }

        static let constraintWords: Set<String> = ["primary", "foreign", "unique", "check", "constraint"]

        /// One column definition or table constraint, up to the next top-level comma.
        mutating func definition(of table: inout Schema.Table, keys: inout [Schema.ForeignKey]) {
            if current.kind == .word, Self.constraintWords.contains(current.text.lowercased()) {
                if accept("constraint") { _ = name() }
                if accept("primary") {
                    _ = accept("key")
                    table.primaryKey += nameList()
                } else if accept("foreign") {
                    _ = accept("key")
                    let columns = nameList()
                    if accept("references"), let target = name() {
                        let targetColumns = nameList()
                        for (offset, column) in columns.enumerated() {
                            let referenced = targetColumns.count > offset ? targetColumns[offset] : column
                            keys.append(Schema.ForeignKey(
                                table: table.name, column: column, referencedTable: target, referencedColumn: referenced))
                        }
                    }
                }
                skipToComma()
                return
            }
            guard let columnName = name() else {
                skipToComma()
                return
            }
            var typeWords: [String] = []
            while current.kind == .word, !Self.columnConstraintWords.contains(current.text.lowercased()) {
                typeWords.append(current.text)
                advance()
            }
            if current.isSymbol("("), !typeWords.isEmpty {
                var sizes: [String] = []
                advance()
                while !current.isSymbol(")"), current.kind != .end {
                    if !current.isSymbol(",") { sizes.append(current.text) }
                    advance()
                }
                advance()
                typeWords[typeWords.count - 1] += "(" + sizes.joined(separator: ",") + ")"
            }
            table.columns.append(Schema.Column(name: columnName, type: typeWords.joined(separator: " ")))
            var depth = 0
            while current.kind != .end, !(depth == 0 && (current.isSymbol(",") || current.isSymbol(")"))) {
                if current.isSymbol("(") { depth += 1 }
                if current.isSymbol(")") { depth -= 1 }
                if depth == 0, accept("primary") {
                    table.primaryKey.append(columnName)
                } else if depth == 0, accept("references"), let target = name() {
                    let referenced = nameList().first ?? columnName
                    keys.append(Schema.ForeignKey(
                        table: table.name, column: columnName, referencedTable: target, referencedColumn: referenced))
                } else {
                    advance()
                }
            }
        }

        static let columnConstraintWords: Set<String> = [
            "primary", "not", "null", "unique", "check", "default", "collate", "references", "generated", "as",
            "constraint",
        ]

        mutating func skipToComma() {
            var depth = 0
            while current.kind != .end, !(depth == 0 && (current.isSymbol(",") || current.isSymbol(")"))) {
                if current.isSymbol("(") { depth += 1 }
                if current.isSymbol(")") { depth -= 1 }
                advance()
            }
        }
    }
}
