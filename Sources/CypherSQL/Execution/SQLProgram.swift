import QuiverCore
import SQL
import SQLExecution

/// A compiled Cypher query: the SQL statements to run in order, in one transaction.
///
/// ```swift
/// let program = try CypherSQLCompiler.compile(prepared, parameters: [:], dialect: .sqlite)
/// program.sql(for: .sqlite)   // the statements as text, for EXPLAIN
/// ```
public struct SQLProgram: Sendable {
    /// The steps, in order.
    public var steps: [SQLStep]
    /// The result columns (empty for a query without RETURN).
    public var columns: [String]

    /// Whether any step changes data.
    public var writes: Bool {
        steps.contains {
            switch $0 {
            case .run(.createTableAs, _), .run(.dropTable, _), .query, .check: false
            default: true
            }
        }
    }

    /// Every statement's text, numbered, with its parameters.
    public func sql(for dialect: SQLGraphDialect) -> [String] {
        let printer = dialect.printer
        return steps.map { step in
            switch step {
            case .run(let statement, let parameters): printer.print(statement: statement) + Self.describe(parameters)
            case .query(let query, let parameters, _): printer.print(query) + Self.describe(parameters)
            case .check(let query, let parameters, let error):
                "-- fails with \(error.code) when this returns a row\n" + printer.print(query) + Self.describe(parameters)
            case .merge(let merge):
                "-- MERGE, for each row of \(merge.frameTable):\n"
                    + merge.perRow.map { printer.print(statement: $0.statement) + Self.describe($0.parameters) }
                    .joined(separator: ";\n")
            }
        }
    }

    private static func describe(_ parameters: [SQLValue]) -> String {
        guard !parameters.isEmpty else { return "" }
        return "\n-- parameters: " + parameters.enumerated().map { index, value in
            switch value {
            case .null: "\(index + 1)=NULL"
            case .integer(let i): "\(index + 1)=\(i)"
            case .real(let d): "\(index + 1)=\(d)"
            case .text(let t): "\(index + 1)=" + ValueJSON.string(t)
            case .blob(let b): "\(index + 1)=<\(b.count) bytes>"
            }
        }.joined(separator: ", ")
    }
}

/// One step of a ``SQLProgram``.
public enum SQLStep: Sendable {
    /// A statement run for its effect.
    case run(SQLStatement, [SQLValue])
    /// The query whose rows are the result.
    case query(SelectStatement, [SQLValue], columns: [String])
    /// A query that must return no row; a row means the error.
    case check(SelectStatement, [SQLValue], failWith: QueryError)
    /// MERGE: statements run once per row of a table.
    case merge(MergeStep)
}

/// A statement with one parameter that receives the row number.
public struct RowStatement: Sendable {
    /// The statement.
    public var statement: SQLStatement
    /// Its parameters; those at `rowParameters` are replaced by the row number.
    public var parameters: [SQLValue]
    /// The indexes in `parameters` of the row number.
    public var rowParameters: [Int]
    /// Run only when the row matched (`true`), only when it did not (`false`), or always (`nil`).
    public var when: Bool?

    func bound(_ row: Int64) -> [SQLValue] {
        var values = parameters
        for index in rowParameters where index < values.count { values[index] = .integer(row) }
        return values
    }
}

/// MERGE for each row of `frameTable`: try the match (which copies matches into the output table);
/// when the count of output rows for the row is 0, create and copy; then the ON MATCH / ON CREATE sets.
public struct MergeStep: Sendable {
    /// The input rows, numbered in `_r`.
    public var frameTable: String
    /// The output rows.
    public var outputTable: String
    /// The statements for one row, in order (each filtered by the row number).
    public var perRow: [RowStatement]
    /// Counts the output rows of the row after the match statement (`perRow[0]`).
    public var count: RowStatement
}
