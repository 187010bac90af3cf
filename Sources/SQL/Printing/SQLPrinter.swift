/// Prints an AST back to SQL text, in the SQLite dialect or the PostgreSQL dialect.
///
/// Parentheses are written where precedence needs them, so `parse(print(ast)) == ast`.
///
/// ```swift
/// let query = try SQLParser.parse("SELECT a FROM t LIMIT 2, 5")
/// SQLPrinter().print(query)                         // SELECT a FROM t LIMIT 2, 5
/// SQLPrinter(dialect: .postgres).print(query)       // SELECT a FROM t LIMIT 5 OFFSET 2
/// ```
public struct SQLPrinter: Sendable {
    /// The SQL dialect to print.
    public enum Dialect: String, Sendable, Hashable {
        case sqlite
        case postgres
    }

    /// The dialect to write.
    public var dialect: Dialect
    /// PostgreSQL only: quote every identifier, so mixed-case names survive PostgreSQL's case folding.
    public var quoteAllIdentifiers: Bool
    /// PostgreSQL only: lower-cased names of the database's columns; an unqualified `"double-quoted"`
    /// name that is not among them is printed as a string, which is how SQLite reads it.
    public var knownColumns: Set<String>?
    /// PostgreSQL only: print SQLite's case-insensitive `LIKE` as `ILIKE`.
    public var caseInsensitiveLike: Bool
    /// PostgreSQL only: lower-case every identifier and quote it, matching a copy of a SQLite database
    /// whose names were lower-cased on the way in (SQLite names are case-insensitive, quoted or not).
    public var lowercaseIdentifiers: Bool
    /// PostgreSQL only: wrap SQLite's bare grouped columns in `MIN(…)` (see `PostgresGrouping`); off for
    /// SQL generated for PostgreSQL, which names every grouped column itself.
    public var wrapsBareColumns = true

    public init(
        dialect: Dialect = .sqlite, quoteAllIdentifiers: Bool = false, knownColumns: Set<String>? = nil,
        caseInsensitiveLike: Bool = true, lowercaseIdentifiers: Bool = false
    ) {
        self.dialect = dialect
        self.quoteAllIdentifiers = quoteAllIdentifiers
        self.knownColumns = knownColumns
        self.caseInsensitiveLike = caseInsensitiveLike
        self.lowercaseIdentifiers = lowercaseIdentifiers
    }

    var isPostgres: Bool { dialect == .postgres }

    /// The SQL text of a query.
    public func print(_ statement: SelectStatement) -> String {
        var parts: [String] = []
        if let with = statement.with {
            let tables = with.tables.map(commonTableExpression).joined(separator: ", ")
            parts.append("WITH " + (with.recursive ? "RECURSIVE " : "") + tables)
        }
        parts.append(body(statement.body))
        if !statement.orderBy.isEmpty {
            var terms = statement.orderBy
            if isPostgres, wrapsBareColumns, case .select(let core) = statement.body, !core.groupBy.isEmpty {
                terms = terms.map { term in
                    var copy = term
                    copy.expression = PostgresGrouping.wrap(term.expression, groupBy: core.groupBy + Self.aliasReferences(core))
                    return copy
                }
            }
            parts.append("ORDER BY " + terms.map(orderingTerm).joined(separator: ", "))
        }
        if let limit = statement.limit {
            if limit.commaForm, !isPostgres, let offset = limit.offset {
                parts.append("LIMIT \(print(offset)), \(print(limit.count))")
            } else {
                parts.append("LIMIT \(print(limit.count))")
                if let offset = limit.offset { parts.append("OFFSET \(print(offset))") }
            }
        }
        return parts.joined(separator: " ")
    }

    func commonTableExpression(_ cte: CommonTableExpression) -> String {
        var text = identifier(cte.name)
        if !cte.columns.isEmpty { text += " (" + cte.columns.map(identifier).joined(separator: ", ") + ")" }
        text += " AS "
        if let materialized = cte.materialized { text += materialized ? "MATERIALIZED " : "NOT MATERIALIZED " }
        return text + "(" + print(cte.query) + ")"
    }

    func body(_ body: QueryBody) -> String {
        switch body {
        case .select(let core):
            return selectCore(core)
        case .compound(let op, let left, let right):
            return self.body(left) + " " + op.rawValue + " " + self.body(right)
        case .values(let rows):
            return "VALUES " + rows.map { "(" + $0.map(print).joined(separator: ", ") + ")" }.joined(separator: ", ")
        case .parenthesized(let statement):
            return "(" + print(statement) + ")"
        }
    }

    /// Select-list aliases as column references, which ORDER BY may use without wrapping.
    static func aliasReferences(_ core: SelectCore) -> [Expression] {
        core.columns.compactMap { column in
            guard case .expression(_, let alias?, _) = column else { return nil }
            return Expression(.column(ColumnReference(column: alias)))
        }
    }

    func selectCore(_ original: SelectCore) -> String {
        let core = isPostgres && wrapsBareColumns ? PostgresGrouping.rewrite(original) : original
        var text = "SELECT "
        if core.distinct { text += "DISTINCT " } else if core.explicitAll { text += "ALL " }
        text += core.columns.map(resultColumn).joined(separator: ", ")
        if let from = core.from { text += " FROM " + tableReference(from) }
        if let condition = core.whereClause { text += " WHERE " + print(condition) }
        if !core.groupBy.isEmpty { text += " GROUP BY " + core.groupBy.map(print).joined(separator: ", ") }
        if let having = core.having { text += " HAVING " + print(having) }
        if !core.windows.isEmpty {
            text += " WINDOW " + core.windows.map {
                identifier($0.name) + " AS " + windowSpecification($0.specification)
            }.joined(separator: ", ")
        }
        return text
    }

    func resultColumn(_ column: ResultColumn) -> String {
        switch column {
        case .all: return "*"
        case .allOf(let table): return identifier(table) + ".*"
        case .expression(let expression, let alias, let explicitAs):
            guard let alias else { return print(expression) }
            return print(expression) + (explicitAs || isPostgres ? " AS " : " ") + identifier(alias)
        }
    }

    func tableReference(_ reference: TableReference) -> String {
        switch reference {
        case .table(let name, let alias):
            let schema = name.schema.map { identifier($0) + "." } ?? ""
            return schema + identifier(name.name) + tableAlias(alias)
        case .subquery(let query, let alias):
            return "(" + print(query) + ")" + tableAlias(alias)
        case .function(let call, let alias):
            return functionCall(call) + tableAlias(alias)
        case .parenthesized(let inner):
            return "(" + tableReference(inner) + ")"
        case .join(let join):
            var text = tableReference(join.left)
            text += join.op.kind == .comma ? ", " : " " + joinOperator(join.op) + " "
            if case .join = join.right {
                text += "(" + tableReference(join.right) + ")"
            } else {
                text += tableReference(join.right)
            }
            switch join.constraint {
            case .on(let condition): text += " ON " + print(condition)
            case .using(let columns): text += " USING (" + columns.map(identifier).joined(separator: ", ") + ")"
            case nil: break
            }
            return text
        }
    }

    func joinOperator(_ op: JoinOperator) -> String {
        var words: [String] = []
        if op.natural { words.append("NATURAL") }
        if op.kind != .plain { words.append(op.kind.rawValue) }
        if op.outer { words.append("OUTER") }
        words.append("JOIN")
        return words.joined(separator: " ")
    }

    func tableAlias(_ alias: TableAlias?) -> String {
        guard let alias else { return "" }
        return (alias.explicitAs || isPostgres ? " AS " : " ") + identifier(alias.name)
    }

    func orderingTerm(_ term: OrderingTerm) -> String {
        var text = print(term.expression)
        if let direction = term.direction { text += " " + direction.rawValue }
        if let nullsFirst = term.nullsFirst {
            text += nullsFirst ? " NULLS FIRST" : " NULLS LAST"
        } else if isPostgres {
            // SQLite sorts NULL as the smallest value; PostgreSQL as the largest.
            text += term.direction == .descending ? " NULLS LAST" : " NULLS FIRST"
        }
        return text
    }

    /// An identifier, quoted as written (SQLite) or with double quotes (PostgreSQL).
    public func identifier(_ name: Identifier) -> String {
        let style: QuoteStyle
        var text = name.name
        if isPostgres {
            if lowercaseIdentifiers { text = text.lowercased() }
            style = name.quote == .none && !quoteAllIdentifiers && !lowercaseIdentifiers ? .none : .double
        } else {
            style = name.quote
        }
        switch style {
        case .none: return text
        case .double: return Self.doubleQuoted(text)
        case .backtick: return "`" + text.replacingOccurrences(of: "`", with: "``") + "`"
        case .bracket: return "[" + text + "]"
        case .single: return Self.stringLiteral(text)
        }
    }

    /// `text` as an SQL string literal, inner quotes doubled: `'it''s'`.
    static func stringLiteral(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `name` as a double-quoted identifier, inner quotes doubled: `"a ""b"""`.
    static func doubleQuoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
