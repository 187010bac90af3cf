import QuiverCore

extension SQLParser {
    /// `[WITH ...] body [ORDER BY ...] [LIMIT ...]`.
    mutating func parseSelectStatement() throws(QueryError) -> SelectStatement {
        try descend("query")
        defer { depth -= 1 }
        let start = current.start
        var with: WithClause?
        if accept("with") {
            let recursive = accept("recursive")
            var tables: [CommonTableExpression] = []
            repeat {
                tables.append(try parseCommonTableExpression())
            } while acceptSymbol(",")
            with = WithClause(recursive: recursive, tables: tables)
        }
        let body = try parseQueryBody()
        var orderBy: [OrderingTerm] = []
        if accept("order") {
            try expect("by")
            orderBy = try parseOrderingTerms()
        }
        let limit = try parseLimit()
        return SelectStatement(with: with, body: body, orderBy: orderBy, limit: limit, span: span(from: start))
    }

    mutating func parseCommonTableExpression() throws(QueryError) -> CommonTableExpression {
        let name = try parseIdentifier()
        var columns: [Identifier] = []
        if acceptSymbol("(") {
            repeat { columns.append(try parseIdentifier(allowReserved: true)) } while acceptSymbol(",")
            try expectSymbol(")")
        }
        try expect("as")
        var materialized: Bool?
        if accept("materialized") {
            materialized = true
        } else if current.isWord("not"), peek().isWord("materialized") {
            index += 2
            materialized = false
        }
        try expectSymbol("(")
        let query = try parseSelectStatement()
        try expectSymbol(")")
        return CommonTableExpression(name: name, columns: columns, materialized: materialized, query: query)
    }

    /// Select cores joined by compound operators, left to right.
    mutating func parseQueryBody() throws(QueryError) -> QueryBody {
        var body = try parseQueryPrimary()
        var levels = 0
        defer { depth -= levels }
        while let op = parseCompoundOperator() {
            // `A UNION B UNION …` nests to the left, one level per operator.
            try descend("chain of UNION, INTERSECT and EXCEPT")
            levels += 1
            body = .compound(op, body, try parseQueryPrimary())
        }
        return body
    }

    mutating func parseCompoundOperator() -> CompoundOperator? {
        if accept("union") { return accept("all") ? .unionAll : .union }
        if accept("intersect") { return .intersect }
        if accept("except") { return .except }
        return nil
    }

    mutating func parseQueryPrimary() throws(QueryError) -> QueryBody {
        if current.isSymbol("("), peek().isWord("select") || peek().isWord("with") || peek().isWord("values") || peek().isSymbol("(") {
            index += 1
            let statement = try parseSelectStatement()
            try expectSymbol(")")
            return .parenthesized(statement)
        }
        if accept("values") {
            var rows: [[Expression]] = []
            repeat {
                try expectSymbol("(")
                rows.append(try parseExpressionList())
                try expectSymbol(")")
            } while acceptSymbol(",")
            return .values(rows)
        }
        return .select(try parseSelectCore())
    }

    mutating func parseSelectCore() throws(QueryError) -> SelectCore {
        let start = current.start
        try expect("select")
        var core = SelectCore(columns: [])
        if accept("distinct") {
            core.distinct = true
        } else if accept("all") {
            core.explicitAll = true
        }
        repeat {
            core.columns.append(try parseResultColumn())
        } while acceptSymbol(",")
        if accept("from") { core.from = try parseJoinedTables() }
        if accept("where") { core.whereClause = try parseExpression() }
        if accept("group") {
            try expect("by")
            core.groupBy = try parseExpressionList()
        }
        if accept("having") { core.having = try parseExpression() }
        if accept("window") {
            repeat {
                let name = try parseIdentifier()
                try expect("as")
                core.windows.append(NamedWindow(name: name, specification: try parseWindowBody()))
            } while acceptSymbol(",")
        }
        core.span = span(from: start)
        return core
    }

    mutating func parseResultColumn() throws(QueryError) -> ResultColumn {
        if acceptSymbol("*") { return .all }
        if current.kind == .word || isQuotedIdentifier(current), peek().isSymbol("."), peek(2).isSymbol("*") {
            let table = try parseIdentifier(allowReserved: true)
            index += 2
            return .allOf(table: table)
        }
        let expression = try parseExpression()
        if let (alias, explicitAs) = try parseAlias() {
            return .expression(expression, alias: alias, explicitAs: explicitAs)
        }
        return .expression(expression, alias: nil, explicitAs: false)
    }

    func isQuotedIdentifier(_ token: SQLToken) -> Bool {
        if case .quotedIdentifier = token.kind { return true }
        return false
    }

    /// FROM items joined by commas and JOIN operators, left to right.
    mutating func parseJoinedTables() throws(QueryError) -> TableReference {
        try descend("FROM clause")
        defer { depth -= 1 }
        let start = current.start
        var left = try parseTableOrSubquery()
        var levels = 0
        defer { depth -= levels }
        while let op = try parseJoinOperator() {
            // Joins nest to the left, one level per join.
            try descend("chain of joins")
            levels += 1
            let right = try parseTableOrSubquery()
            var constraint: JoinConstraint?
            if accept("on") {
                constraint = .on(try parseExpression())
            } else if accept("using") {
                try expectSymbol("(")
                var columns: [Identifier] = []
                repeat { columns.append(try parseIdentifier(allowReserved: true)) } while acceptSymbol(",")
                try expectSymbol(")")
                constraint = .using(columns)
            }
            left = .join(Join(left: left, op: op, right: right, constraint: constraint, span: span(from: start)))
        }
        return left
    }

    mutating func parseJoinOperator() throws(QueryError) -> JoinOperator? {
        if acceptSymbol(",") { return JoinOperator(kind: .comma) }
        let natural = accept("natural")
        var op: JoinOperator?
        if accept("join") {
            op = JoinOperator(natural: natural, kind: .plain)
        } else if accept("inner") {
            op = JoinOperator(natural: natural, kind: .inner)
        } else if accept("cross") {
            op = JoinOperator(natural: natural, kind: .cross)
        } else if current.isWord("left") || current.isWord("right") || current.isWord("full") {
            let kind = JoinOperator.Kind(rawValue: advance().text.uppercased()) ?? .left
            op = JoinOperator(natural: natural, kind: kind, outer: accept("outer"))
        }
        guard let op else {
            if natural { throw unexpected("JOIN") }
            return nil
        }
        if op.kind != .plain { try expect("join") }
        return op
    }

    mutating func parseTableOrSubquery() throws(QueryError) -> TableReference {
        if acceptSymbol("(") {
            if current.isWord("select") || current.isWord("with") || current.isWord("values") {
                let query = try parseSelectStatement()
                try expectSymbol(")")
                return .subquery(query, alias: try parseTableAlias())
            }
            let inner = try parseJoinedTables()
            try expectSymbol(")")
            return .parenthesized(inner)
        }
        // SQLite lets keywords such as MATCH name a table; only the clause keywords cannot.
        let start = current.start
        var name = QualifiedName(name: try parseIdentifier(allowReserved: !Self.clauseKeywords.contains(current.lowercased)))
        if acceptSymbol(".") {
            name = QualifiedName(schema: name.name, name: try parseIdentifier(allowReserved: true))
        }
        name.span = span(from: start)
        if current.isSymbol("(") {
            index += 1
            let arguments = current.isSymbol(")") ? [] : try parseExpressionList()
            try expectSymbol(")")
            let call = FunctionCall(name: name.name, arguments: arguments)
            return .function(call, alias: try parseTableAlias())
        }
        let alias = try parseTableAlias()
        if accept("indexed") {
            try expect("by")
            _ = try parseIdentifier()
        } else if current.isWord("not"), peek().isWord("indexed") {
            index += 2
        }
        return .table(name: name, alias: alias)
    }

    static let clauseKeywords: Set<String> = ["select", "with", "values", "where", "from", "group", "order", "limit"]

    mutating func parseTableAlias() throws(QueryError) -> TableAlias? {
        guard let (name, explicitAs) = try parseAlias() else { return nil }
        return TableAlias(name, explicitAs: explicitAs)
    }

    mutating func parseOrderingTerms() throws(QueryError) -> [OrderingTerm] {
        var terms: [OrderingTerm] = []
        repeat {
            var term = OrderingTerm(expression: try parseExpression())
            if accept("asc") {
                term.direction = .ascending
            } else if accept("desc") {
                term.direction = .descending
            }
            if accept("nulls") {
                if accept("first") {
                    term.nullsFirst = true
                } else {
                    try expect("last")
                    term.nullsFirst = false
                }
            }
            terms.append(term)
        } while acceptSymbol(",")
        return terms
    }

    mutating func parseLimit() throws(QueryError) -> Limit? {
        guard accept("limit") else { return nil }
        let first = try parseExpression()
        if accept("offset") {
            return Limit(count: first, offset: try parseExpression())
        }
        if acceptSymbol(",") {
            return Limit(count: try parseExpression(), offset: first, commaForm: true)
        }
        return Limit(count: first)
    }
}
