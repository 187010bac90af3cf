import SQL

/// The two databases a property graph can live in, with what differs between them for the compiler.
///
/// ```swift
/// SQLGraphDialect.sqlite.printer.print(query)     // ?1-style parameters, JSON as text
/// SQLGraphDialect.postgres.parameter(3)           // $3
/// ```
public enum SQLGraphDialect: String, Sendable, Hashable, CaseIterable {
    /// SQLite: values are JSON text; Cypher's operators are functions registered on the connection.
    case sqlite
    /// PostgreSQL: values are `jsonb`; Cypher's operators are PL/pgSQL functions in the graph's schema.
    case postgres

    /// The printer for this dialect.
    public var printer: SQLPrinter {
        var printer = SQLPrinter(dialect: self == .sqlite ? .sqlite : .postgres, caseInsensitiveLike: false)
        printer.wrapsBareColumns = false
        return printer
    }

    /// The placeholder of the parameter at 1-based `index`.
    public func parameter(_ index: Int) -> String {
        self == .sqlite ? "?\(index)" : "$\(index)"
    }

    /// The SQL type of a Cypher value column.
    var valueType: String { self == .sqlite ? "TEXT" : "jsonb" }
}
