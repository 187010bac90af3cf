import SQL

/// Builds the Spider evaluator's representation (``SpiderSQL``) from Quiver's AST, and notes every
/// construct the official `process_sql` parser would reject.
///
/// Column resolution follows the official parser: qualified names through one alias table for the
/// whole query (a later `AS T1` overrides an earlier one), unqualified names in the FROM tables of
/// their own SELECT, in FROM order.
struct SpiderSQLBuilder {
    let index: SpiderSchemaIndex
    /// alias or table name (lower-cased) → table name (lower-cased).
    var aliases: [String: String] = [:]
    /// Why the official parser would fail on this query; empty when it would accept it.
    var rejections: [String] = []

    init(index: SpiderSchemaIndex, statement: SelectStatement) {
        self.index = index
        for table in index.columns.keys { aliases[table] = table }
        for (alias, table) in statement.tableAliasesInTextOrder { aliases[alias.lowercased()] = table.lowercased() }
    }

    mutating func reject(_ reason: String) {
        if !rejections.contains(reason) { rejections.append(reason) }
    }

    /// The representation of a whole statement: compound parts nest to the right, and the statement's
    /// ORDER BY / LIMIT belong to the last part, as the official parser reads them.
    mutating func build(_ statement: SelectStatement) -> SpiderSQL {
        if statement.with != nil { reject("WITH") }
        let parts = statement.body.flattened
        var built: [SpiderSQL] = []
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1
            switch part.body {
            case .select(let core):
                built.append(build(core, orderBy: isLast ? statement.orderBy : [], limit: isLast ? statement.limit : nil))
            case .parenthesized(let inner):
                // `parse_sql` reads `( SELECT … )` as an operand, with its own ORDER BY and LIMIT, and
                // then expects the `)`: a compound inside is a rejection, and an ORDER BY or LIMIT after
                // the last operand's `)` is never read.
                if inner.body.flattened.count > 1 { reject("compound inside parentheses") }
                built.append(build(inner))
            case .values, .compound:
                reject("VALUES")
                built.append(SpiderSQL())
            }
        }
        var result = built[built.count - 1]
        for index in stride(from: parts.count - 1, to: 0, by: -1) {
            var left = built[index - 1]
            let box = SpiderSQL.Box(result)
            switch parts[index].op {
            case .intersect: left.intersect = box
            case .except: left.except = box
            case .unionAll:
                reject("UNION ALL")
                left.union = box
            case .union, nil: left.union = box
            }
            result = left
        }
        return result
    }

    mutating func build(_ core: SelectCore, orderBy: [OrderingTerm], limit: Limit?) -> SpiderSQL {
        var sql = SpiderSQL()
        var scope = Scope()
        if let from = core.from {
            buildFrom(from, into: &sql, scope: &scope)
        } else {
            reject("no FROM")
        }
        sql.distinct = core.distinct
        for column in core.columns {
            switch column {
            case .all:
                sql.select.append(.init(aggregate: .none, value: .init(left: .init(column: "__all__"))))
            case .allOf(let table):
                reject("t.*")
                sql.select.append(.init(aggregate: .none, value: .init(left: .init(column: "__\(table.normalized).*__"))))
            case .expression(let expression, let alias, _):
                if alias != nil { reject("column alias") }
                if let alias { scope.selectAliases[alias.normalized] = expression }
                if !expression.subqueries.isEmpty { reject("subquery in SELECT") }
                sql.select.append(selectItem(expression, scope: scope))
            }
        }
        if let condition = core.whereClause { sql.whereConditions = conditionList(condition, scope: scope) }
        sql.groupBy = core.groupBy.map { columnUnit($0, scope: scope) }
        if let having = core.having { sql.having = conditionList(having, scope: scope) }
        if !core.windows.isEmpty { reject("WINDOW") }
        if !orderBy.isEmpty {
            let direction = orderBy.last { $0.direction != nil }?.direction ?? .ascending
            sql.orderBy = SpiderSQL.OrderBy(
                direction: direction == .descending ? "desc" : "asc",
                values: orderBy.map { valueUnit($0.expression, scope: scope) })
        }
        sql.hasLimit = limit != nil
        if let limit, limit.commaForm { reject("LIMIT a, b") }
        return sql
    }

    /// The tables visible to unqualified columns of one SELECT, and its select-list aliases.
    struct Scope {
        var defaultTables: [String] = []
        var selectAliases: [String: Expression] = [:]
    }

    mutating func buildFrom(_ reference: TableReference, into sql: inout SpiderSQL, scope: inout Scope) {
        switch reference {
        case .table(let name, let alias):
            if let alias, !alias.explicitAs { reject("table alias without AS") }
            if name.name.quote != .none { reject("quoted table name") }
            let table = name.name.normalized
            sql.tableUnits.append(.table("__\(table)__"))
            scope.defaultTables.append(table)
        case .subquery(let query, let alias):
            if alias != nil { reject("alias of a FROM subquery") }
            var nested = SpiderSQLBuilder(index: index, aliases: aliases)
            sql.tableUnits.append(.query(SpiderSQL.Box(nested.build(query))))
            rejections += nested.rejections.filter { !rejections.contains($0) }
        case .function:
            reject("table-valued function")
        case .parenthesized(let inner):
            reject("parenthesized join")
            buildFrom(inner, into: &sql, scope: &scope)
        case .join(let join):
            buildFrom(join.left, into: &sql, scope: &scope)
            if join.op.kind == .comma {
                reject("comma join")
            } else if join.op.kind != .plain || join.op.natural {
                reject("\(join.op.kind.rawValue) JOIN")
            }
            buildFrom(join.right, into: &sql, scope: &scope)
            switch join.constraint {
            case .on(let condition):
                let conditions = conditionList(condition, scope: scope)
                if !sql.fromConditions.isEmpty, !conditions.isEmpty { sql.fromConditions.append(.and) }
                sql.fromConditions += conditions
            case .using:
                reject("JOIN USING")
            case nil:
                break
            }
        }
    }

    init(index: SpiderSchemaIndex, aliases: [String: String]) {
        self.index = index
        self.aliases = aliases
    }
}
