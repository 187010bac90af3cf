import QuiverCore

extension SQLParser {
    mutating func parsePrimary() throws(QueryError) -> Expression {
        let start = current.start
        let token = current
        let kind: Expression.Kind
        switch token.kind {
        case .integer:
            index += 1
            kind = .literal(.integer(token.text))
        case .real:
            index += 1
            kind = .literal(.real(token.text))
        case .string:
            index += 1
            kind = .literal(.string(token.text))
        case .blob:
            index += 1
            kind = .literal(.blob(token.text))
        case .parameter:
            index += 1
            kind = .parameter(token.text)
        case .symbol where token.text == "(":
            kind = try parseParenthesized()
        case .symbol where token.text == "*":
            index += 1
            kind = .star(table: nil)
        case .word:
            kind = try parseWordExpression()
        case .quotedIdentifier:
            kind = try parseNameExpression()
        default:
            throw unexpected("an expression")
        }
        return Expression(kind, span: span(from: start))
    }

    mutating func parseParenthesized() throws(QueryError) -> Expression.Kind {
        index += 1
        if current.isWord("select") || current.isWord("with") || current.isWord("values") {
            let query = try parseSelectStatement()
            try expectSymbol(")")
            return .subquery(query)
        }
        let items = try parseExpressionList()
        try expectSymbol(")")
        // Parentheses only group; the printer puts back the ones precedence needs.
        return items.count == 1 ? items[0].kind : .row(items)
    }

    mutating func parseWordExpression() throws(QueryError) -> Expression.Kind {
        let word = current.text.lowercased()
        switch word {
        case "null":
            index += 1
            return .literal(.null)
        case "true", "false":
            if peek().isSymbol(".") || peek().isSymbol("(") { return try parseNameExpression() }
            index += 1
            return .literal(.boolean(word == "true"))
        case "current_time", "current_date", "current_timestamp":
            index += 1
            return .literal(.currentTime(word.uppercased()))
        case "case":
            index += 1
            return .caseWhen(try parseCase())
        case "cast" where peek().isSymbol("("):
            index += 2
            let value = try parseExpression()
            try expect("as")
            let type = try parseTypeName()
            try expectSymbol(")")
            return .cast(value, type: type)
        case "exists" where peek().isSymbol("("):
            index += 2
            let query = try parseSelectStatement()
            try expectSymbol(")")
            return .exists(query, negated: false)
        default:
            // A keyword that SQLite lets name a table (`Match.id`) is a name when a dot follows.
            if Self.reserved.contains(word), !peek().isSymbol("("), !peek().isSymbol(".") {
                throw unexpected("an expression")
            }
            return try parseNameExpression()
        }
    }

    mutating func parseCase() throws(QueryError) -> CaseExpression {
        var operand: Expression?
        if !current.isWord("when") { operand = try parseExpression() }
        var branches: [CaseExpression.Branch] = []
        while accept("when") {
            let condition = try parseExpression()
            try expect("then")
            branches.append(CaseExpression.Branch(condition: condition, result: try parseExpression()))
        }
        guard !branches.isEmpty else { throw unexpected("WHEN") }
        var elseResult: Expression?
        if accept("else") { elseResult = try parseExpression() }
        try expect("end")
        return CaseExpression(operand: operand, branches: branches, elseResult: elseResult)
    }

    /// A column reference `a`, `t.a`, `s.t.a`, `t.*`, or a function call `f(...)`.
    mutating func parseNameExpression() throws(QueryError) -> Expression.Kind {
        let first = try parseIdentifier(allowReserved: true)
        if current.isSymbol("("), first.quote == .none {
            return .function(try parseFunctionCall(name: first))
        }
        var parts = [first]
        while acceptSymbol(".") {
            if acceptSymbol("*") { return .star(table: parts.last) }
            parts.append(try parseIdentifier(allowReserved: true))
        }
        switch parts.count {
        case 1: return .column(ColumnReference(column: parts[0]))
        case 2: return .column(ColumnReference(table: parts[0], column: parts[1]))
        case 3: return .column(ColumnReference(schema: parts[0], table: parts[1], column: parts[2]))
        default: throw unexpected("a column name with at most three parts")
        }
    }

    mutating func parseFunctionCall(name: Identifier) throws(QueryError) -> FunctionCall {
        try expectSymbol("(")
        var call = FunctionCall(name: name, arguments: [])
        if acceptSymbol("*") {
            call.arguments = [Expression(.star(table: nil))]
        } else if !current.isSymbol(")") {
            if accept("distinct") {
                call.distinct = true
            } else {
                _ = accept("all")
            }
            call.arguments = try parseExpressionList()
        }
        try expectSymbol(")")
        if accept("filter") {
            try expectSymbol("(")
            try expect("where")
            call.filter = try parseExpression()
            try expectSymbol(")")
        }
        if accept("over") {
            if current.isSymbol("(") {
                call.over = try parseWindowBody()
            } else {
                call.over = WindowSpecification(baseName: try parseIdentifier(), parenthesized: false)
            }
        }
        return call
    }

    /// `( [base] [PARTITION BY ..] [ORDER BY ..] [frame] )`.
    mutating func parseWindowBody() throws(QueryError) -> WindowSpecification {
        try expectSymbol("(")
        var window = WindowSpecification()
        if current.kind == .word, !["partition", "order", "rows", "range", "groups"].contains(current.text.lowercased()) {
            window.baseName = try parseIdentifier()
        }
        if accept("partition") {
            try expect("by")
            window.partitionBy = try parseExpressionList()
        }
        if accept("order") {
            try expect("by")
            window.orderBy = try parseOrderingTerms()
        }
        for units in ["rows", "range", "groups"] where accept(units) {
            window.frame = try parseFrame(units: units.uppercased())
        }
        try expectSymbol(")")
        return window
    }

    mutating func parseFrame(units: String) throws(QueryError) -> FrameSpecification {
        var frame: FrameSpecification
        if accept("between") {
            let start = try parseFrameBound()
            try expect("and")
            frame = FrameSpecification(units: units, start: start, end: try parseFrameBound())
        } else {
            frame = FrameSpecification(units: units, start: try parseFrameBound())
        }
        if accept("exclude") {
            for option in [["no", "others"], ["current", "row"], ["group"], ["ties"]]
            where current.isWord(option[0]) && (option.count == 1 || peek().isWord(option[1])) {
                index += option.count
                frame.exclude = option.joined(separator: " ").uppercased()
                break
            }
            if frame.exclude == nil { throw unexpected("NO OTHERS, CURRENT ROW, GROUP or TIES") }
        }
        return frame
    }

    mutating func parseFrameBound() throws(QueryError) -> FrameBound {
        if accept("unbounded") {
            if accept("preceding") { return .unboundedPreceding }
            try expect("following")
            return .unboundedFollowing
        }
        if accept("current") {
            try expect("row")
            return .currentRow
        }
        let value = try parseAdditive()
        if accept("preceding") { return .preceding(value) }
        try expect("following")
        return .following(value)
    }
}
