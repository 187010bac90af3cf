/// A statement that changes data or tables: what a compiler emits besides queries.
///
/// The parser reads only queries; these are built by code (the Cypher-to-SQL compiler) and printed
/// by ``SQLPrinter/print(statement:)`` for SQLite or PostgreSQL, values always as parameters.
///
/// ```swift
/// let insert = InsertStatement(table: Identifier("nodes"), columns: [Identifier("id")],
///                              source: .values([[Expression(.parameter("?1"))]]))
/// SQLPrinter().print(statement: .insert(insert))   // INSERT INTO nodes (id) VALUES (?1)
/// ```
public enum SQLStatement: Sendable, Hashable {
    /// A query.
    case select(SelectStatement)
    /// `INSERT INTO … SELECT …` or `VALUES …`.
    case insert(InsertStatement)
    /// `UPDATE … SET … [WHERE …]`.
    case update(UpdateStatement)
    /// `DELETE FROM … [WHERE …]`.
    case delete(DeleteStatement)
    /// `CREATE TEMPORARY TABLE name AS query`.
    case createTableAs(CreateTableAsStatement)
    /// `DROP TABLE IF EXISTS name`.
    case dropTable(Identifier)
}

/// `INSERT INTO table (columns) body`.
public struct InsertStatement: Sendable, Hashable {
    /// The table written to.
    public var table: Identifier
    /// The columns given values, in order.
    public var columns: [Identifier]
    /// The rows: a `SELECT` or `VALUES` body with its clauses.
    public var source: SelectStatement

    /// An insert of `source`'s rows into `columns` of `table`.
    public init(table: Identifier, columns: [Identifier], source: SelectStatement) {
        self.table = table
        self.columns = columns
        self.source = source
    }

    /// An insert of `rows` of values.
    public init(table: Identifier, columns: [Identifier], source body: QueryBody) {
        self.init(table: table, columns: columns, source: SelectStatement(body: body))
    }
}

/// `UPDATE table [AS alias] SET column = value, … [WHERE condition]`.
public struct UpdateStatement: Sendable, Hashable {
    /// The table written to.
    public var table: Identifier
    /// The name the table goes by in the expressions, if any.
    public var alias: Identifier?
    /// The columns set and their new values, in order.
    public var assignments: [Assignment]
    /// Which rows change; `nil` for all.
    public var whereClause: Expression?

    /// One `column = value`.
    public struct Assignment: Sendable, Hashable {
        /// The column set.
        public var column: Identifier
        /// Its new value.
        public var value: Expression

        /// `column = value`.
        public init(column: Identifier, value: Expression) {
            self.column = column
            self.value = value
        }
    }

    /// An update of `table`.
    public init(table: Identifier, alias: Identifier? = nil, assignments: [Assignment], whereClause: Expression?) {
        self.table = table
        self.alias = alias
        self.assignments = assignments
        self.whereClause = whereClause
    }
}

/// `DELETE FROM table [AS alias] [WHERE condition]`.
public struct DeleteStatement: Sendable, Hashable {
    /// The table deleted from.
    public var table: Identifier
    /// The name the table goes by in the condition, if any.
    public var alias: Identifier?
    /// Which rows go; `nil` for all.
    public var whereClause: Expression?

    /// A delete from `table`.
    public init(table: Identifier, alias: Identifier? = nil, whereClause: Expression?) {
        self.table = table
        self.alias = alias
        self.whereClause = whereClause
    }
}

/// `CREATE TEMPORARY TABLE name AS query`: a query's rows kept for the statements after it.
public struct CreateTableAsStatement: Sendable, Hashable {
    /// The new table's name.
    public var name: Identifier
    /// The rows it holds.
    public var query: SelectStatement

    /// A temporary table `name` holding `query`'s rows.
    public init(name: Identifier, query: SelectStatement) {
        self.name = name
        self.query = query
    }
}
