import Cypher
import QuiverCore
import SQL
import SQLExecution

/// How a compiled expression's SQL value holds its Cypher value.
enum SlotKind: Sendable, Hashable {
    /// A Cypher value in the codec's JSON (text in SQLite, `jsonb` in PostgreSQL); NULL is null.
    case value
    /// A node's id.
    case node
    /// A relationship's id.
    case relationship
    /// A SQL truth value (NULL is unknown).
    case boolean
}

/// A compiled expression and how it holds its value.
struct Typed {
    var sql: SQL.Expression
    var kind: SlotKind
}

/// One column of a frame: where a Cypher variable lives between clauses.
struct FrameColumn: Hashable {
    var name: String
    var column: String
    var kind: SlotKind
}

/// The rows between two clauses: a table (a CTE or a temporary table) and the variables it holds.
struct Frame {
    /// The table's name; nil for the single empty row a query starts from.
    var table: String?
    var columns: [FrameColumn]
    /// A column that orders the rows (after ORDER BY or UNWIND), if any.
    var ordinal: String?

    static let unit = Frame(table: nil, columns: [], ordinal: nil)

    func column(_ name: String) -> FrameColumn? { columns.first { $0.name == name } }

    /// The variables as expressions over the table under `alias`.
    func scope(alias: String) -> ExpressionScope {
        var scope = ExpressionScope()
        for column in columns {
            scope.variables[column.name] = Typed(sql: SQLBuild.column(alias, column.column), kind: column.kind)
        }
        return scope
    }

    /// Every column with the ordinal, as select items over `alias`.
    func passThrough(alias: String) -> [(SQL.Expression, String?)] {
        var items = columns.map { (SQLBuild.column(alias, $0.column), Optional($0.column)) }
        if let ordinal { items.append((SQLBuild.column(alias, ordinal), ordinal)) }
        return items
    }
}

/// The names an expression can see: variables of the frame, and locals of comprehensions.
struct ExpressionScope {
    var variables: [String: Typed] = [:]
    /// The property JSON of node and relationship variables joined in the current SELECT, so
    /// their properties are read without a lookup.
    var properties: [String: SQL.Expression] = [:]
    /// Expressions already computed (grouping keys, aggregates), by ``Cypher/Expression/structuralKey``.
    var replacements: [String: Typed] = [:]
}

/// What the compiler accumulates for one SQL statement: its CTEs and its parameters.
final class StatementBuilder {
    let dialect: SQLGraphDialect
    private(set) var parameters: [SQLValue] = []
    var ctes: [CommonTableExpression] = []
    var recursive = false
    /// Set when an expression calls `rand()`: the next CTE is materialized, so each row draws once
    /// (SQLite would otherwise copy the expression into every place that reads the column).
    var drawsRandom = false

    init(dialect: SQLGraphDialect) { self.dialect = dialect }

    /// A parameter holding `value` as it is bound.
    func bind(_ value: SQLValue) -> SQL.Expression {
        parameters.append(value)
        return SQL.Expression(.parameter(dialect.parameter(parameters.count)))
    }

    /// A Cypher value as a bound parameter in the value representation (NULL for null).
    func bindValue(_ value: Value) throws(QueryError) -> SQL.Expression {
        guard let text = try SQLValueCodec.encode(value, for: dialect) else { return nullValue }
        let parameter = bind(.text(text))
        return dialect == .postgres ? SQLBuild.cast(parameter, "jsonb") : parameter
    }

    /// Text (a key, label or type name) as a bound parameter.
    func bindText(_ text: String) -> SQL.Expression {
        let parameter = bind(.text(text))
        return dialect == .postgres ? SQLBuild.cast(parameter, "text") : parameter
    }

    /// An integer as a bound parameter.
    func bindInteger(_ value: Int) -> SQL.Expression {
        let parameter = bind(.integer(Int64(value)))
        return dialect == .postgres ? SQLBuild.cast(parameter, "bigint") : parameter
    }

    /// The null of the value representation.
    var nullValue: SQL.Expression {
        dialect == .postgres ? SQLBuild.cast(SQLBuild.null, "jsonb") : SQLBuild.null
    }

    /// Adds a CTE and returns its name.
    func addCTE(_ name: String, columns: [String] = [], _ query: SelectStatement) {
        ctes.append(CommonTableExpression(name: Identifier(name), columns: columns.map { Identifier($0) },
                                          materialized: drawsRandom ? true : nil, query: query))
        drawsRandom = false
    }

    /// The statement `query` preceded by the CTEs gathered so far.
    func finish(_ query: SelectStatement) -> SelectStatement {
        guard !ctes.isEmpty else { return query }
        var statement = query
        var tables = ctes
        if let existing = query.with { tables += existing.tables }
        statement.with = WithClause(recursive: recursive || query.with?.recursive == true, tables: tables)
        return statement
    }
}

/// Unique names for the tables and columns of one compiled query.
final class NameSource {
    private var counter = 0
    func next(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)\(counter)"
    }
}
