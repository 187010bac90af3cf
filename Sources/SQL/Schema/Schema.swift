/// A database schema: tables with their columns, primary keys and foreign keys.
///
/// Built from a Spider/BIRD `tables.json` entry (``SpiderTables``), from `CREATE TABLE` text
/// (``DDLSchemaReader``), or by introspecting a live database (SQLExecution).
///
/// ```swift
/// let schemas = try SpiderTables.load(from: url)     // [db_id: Schema]
/// schemas["concert_singer"]?.table(named: "singer")?.columns.map(\.name)
/// ```
public struct Schema: Sendable, Hashable {
    /// The database id (`db_id`).
    public var databaseID: String
    /// The tables, in `tables.json` or DDL order.
    public var tables: [Table]
    /// The foreign keys.
    public var foreignKeys: [ForeignKey]

    public init(databaseID: String, tables: [Table], foreignKeys: [ForeignKey] = []) {
        self.databaseID = databaseID
        self.tables = tables
        self.foreignKeys = foreignKeys
    }

    /// The table called `name` (case-insensitive).
    public func table(named name: String) -> Table? {
        let key = name.lowercased()
        return tables.first { $0.name.lowercased() == key }
    }

    /// Every column, numbered as in `tables.json` (`*` is column 0, then table by table).
    public var globalColumns: [(table: String, column: String)] {
        [("", "*")] + tables.flatMap { table in table.columns.map { (table.name, $0.name) } }
    }

    /// Lower-cased names of every column of every table.
    public var columnNames: Set<String> {
        Set(tables.flatMap { $0.columns.map { $0.name.lowercased() } })
    }

    /// A table: its name as stored, its natural-language name, columns and primary key.
    public struct Table: Sendable, Hashable {
        /// The name in the database (`table_names_original`).
        public var name: String
        /// The natural-language name (`table_names`), or the name itself.
        public var naturalName: String
        /// The columns in declaration order.
        public var columns: [Column]
        /// Names of the primary-key columns.
        public var primaryKey: [String]

        public init(name: String, naturalName: String? = nil, columns: [Column], primaryKey: [String] = []) {
            self.name = name
            self.naturalName = naturalName ?? name
            self.columns = columns
            self.primaryKey = primaryKey
        }

        /// Whether the table has a column called `name` (case-insensitive).
        public func hasColumn(_ name: String) -> Bool {
            let key = name.lowercased()
            return columns.contains { $0.name.lowercased() == key }
        }
    }

    /// A column: its name as stored, natural-language name and declared type.
    public struct Column: Sendable, Hashable {
        /// The name in the database (`column_names_original`).
        public var name: String
        /// The natural-language name (`column_names`), or the name itself.
        public var naturalName: String
        /// The type as declared (`tables.json` uses text, number, time, boolean, others).
        public var type: String

        public init(name: String, naturalName: String? = nil, type: String = "") {
            self.name = name
            self.naturalName = naturalName ?? name
            self.type = type
        }
    }

    /// `table.column REFERENCES referencedTable.referencedColumn`.
    public struct ForeignKey: Sendable, Hashable {
        /// The referencing table.
        public var table: String
        /// The referencing column.
        public var column: String
        /// The referenced table.
        public var referencedTable: String
        /// The referenced column.
        public var referencedColumn: String

        public init(table: String, column: String, referencedTable: String, referencedColumn: String) {
            self.table = table
            self.column = column
            self.referencedTable = referencedTable
            self.referencedColumn = referencedColumn
        }
    }
}
