extension SQLPrinter {
    /// Binding strength used to decide where parentheses go (higher binds tighter).
    static func precedence(_ expression: Expression) -> Int {
        switch expression.kind {
        case .binary(let op, _, _): op.precedence
        case .unary(.not, _): 3
        case .unary: 10
        case .collate: 11
        case .between, .pattern, .inList, .inSubquery, .isNull, .isComparison: 4
        case .exists(_, let negated): negated ? 3 : 100
        default: 100
        }
    }

    /// The SQL text of an expression.
    public func print(_ expression: Expression) -> String {
        switch expression.kind {
        case .literal(let literal): return self.literal(literal)
        case .column(let reference): return column(reference)
        case .star(let table): return table.map { identifier($0) + ".*" } ?? "*"
        case .parameter(let name): return name
        case .unary(let op, let operand): return unary(op, operand)
        case .binary(let op, let left, let right): return binary(op, left, right)
        case .function(let call): return functionCall(call)
        case .cast(let value, let type): return "CAST(" + print(value) + " AS " + castType(type) + ")"
        case .caseWhen(let caseExpression): return self.caseExpression(caseExpression)
        case .between(let value, let low, let high, let negated):
            return operand(value, minimum: 5) + (negated ? " NOT BETWEEN " : " BETWEEN ")
                + operand(low, minimum: 5) + " AND " + operand(high, minimum: 5)
        case .pattern(let op, let value, let pattern, let escape, let negated):
            var keyword = op.rawValue
            if isPostgres, op == .like, caseInsensitiveLike { keyword = "ILIKE" }
            var text = operand(value, minimum: 5) + (negated ? " NOT " : " ") + keyword + " " + operand(pattern, minimum: 5)
            if let escape { text += " ESCAPE " + operand(escape, minimum: 5) }
            return text
        case .inList(let value, let items, let negated):
            return operand(value, minimum: 5) + (negated ? " NOT IN (" : " IN (")
                + items.map(print).joined(separator: ", ") + ")"
        case .inSubquery(let value, let query, let negated):
            return operand(value, minimum: 5) + (negated ? " NOT IN (" : " IN (") + print(query) + ")"
        case .isNull(let value, let negated):
            return operand(value, minimum: 5) + (negated ? " IS NOT NULL" : " IS NULL")
        case .isComparison(let left, let right, let negated, let distinctFrom):
            var keyword = negated ? " IS NOT " : " IS "
            if distinctFrom { keyword += "DISTINCT FROM " }
            return operand(left, minimum: 5) + keyword + operand(right, minimum: 5)
        case .exists(let query, let negated):
            return (negated ? "NOT EXISTS (" : "EXISTS (") + print(query) + ")"
        case .subquery(let query): return "(" + print(query) + ")"
        case .collate(let value, let collation):
            return operand(value, minimum: 11) + " COLLATE " + collation
        case .row(let items): return "(" + items.map(print).joined(separator: ", ") + ")"
        }
    }

    /// `expression`, parenthesized when it binds more loosely than `minimum`.
    func operand(_ expression: Expression, minimum: Int) -> String {
        let text = print(expression)
        let strength = Self.precedence(expression)
        if strength < minimum || (isPostgres && strength < 100 && minimum > 3) {
            return "(" + text + ")"
        }
        return text
    }

    func unary(_ op: UnaryOperator, _ value: Expression) -> String {
        if op == .not { return "NOT " + operand(value, minimum: 3) }
        let text = operand(value, minimum: 10)
        // `- -1` must not become `--1`, which starts a comment.
        return op.rawValue + (text.hasPrefix(op.rawValue) || text.hasPrefix("-") ? " " : "") + text
    }

    func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression) -> String {
        let leftText: String
        let rightText: String
        if isPostgres, op != .and, op != .or {
            // PostgreSQL ranks `||` and comparisons differently from SQLite: group every operand.
            leftText = Self.precedence(left) < 100 ? "(" + print(left) + ")" : print(left)
            rightText = Self.precedence(right) < 100 ? "(" + print(right) + ")" : print(right)
        } else {
            leftText = operand(left, minimum: op.precedence)
            rightText = operand(right, minimum: op.precedence + 1)
        }
        return leftText + " " + op.rawValue + " " + rightText
    }

    func literal(_ literal: Literal) -> String {
        switch literal {
        case .integer(let text), .real(let text): return text
        case .string(let text): return Self.stringLiteral(text)
        case .blob(let hex): return isPostgres ? "'\\x" + hex + "'::bytea" : "X'" + hex + "'"
        case .null: return "NULL"
        case .boolean(let value): return value ? "TRUE" : "FALSE"
        case .currentTime(let name): return name
        }
    }

    func column(_ reference: ColumnReference) -> String {
        if isPostgres, let knownColumns, reference.table == nil, reference.column.quote == .double,
            !knownColumns.contains(reference.column.normalized)
        {
            return Self.stringLiteral(reference.column.name)
        }
        var parts: [String] = []
        if let schema = reference.schema { parts.append(identifier(schema)) }
        if let table = reference.table { parts.append(identifier(table)) }
        parts.append(identifier(reference.column))
        return parts.joined(separator: ".")
    }

    func caseExpression(_ value: CaseExpression) -> String {
        var text = "CASE"
        if let operand = value.operand { text += " " + print(operand) }
        for branch in value.branches {
            text += " WHEN " + print(branch.condition) + " THEN " + print(branch.result)
        }
        if let elseResult = value.elseResult { text += " ELSE " + print(elseResult) }
        return text + " END"
    }

    func functionCall(_ call: FunctionCall) -> String {
        let arguments = call.arguments.map(print)
        if isPostgres, let translated = postgresFunction(call, arguments: arguments) { return translated }
        var text = identifier(call.name) + "("
        if call.distinct { text += "DISTINCT " }
        text += arguments.joined(separator: ", ")
        if !call.orderBy.isEmpty { text += " ORDER BY " + call.orderBy.map(orderingTerm).joined(separator: ", ") }
        text += ")"
        if let filter = call.filter { text += " FILTER (WHERE " + print(filter) + ")" }
        if let over = call.over { text += " OVER " + windowSpecification(over) }
        return text
    }

    func windowSpecification(_ window: WindowSpecification) -> String {
        guard window.parenthesized else { return window.baseName.map(identifier) ?? "()" }
        var parts: [String] = []
        if let base = window.baseName { parts.append(identifier(base)) }
        if !window.partitionBy.isEmpty {
            parts.append("PARTITION BY " + window.partitionBy.map(print).joined(separator: ", "))
        }
        if !window.orderBy.isEmpty { parts.append("ORDER BY " + window.orderBy.map(orderingTerm).joined(separator: ", ")) }
        if let frame = window.frame {
            var text = frame.units + " "
            if let end = frame.end {
                text += "BETWEEN " + frameBound(frame.start) + " AND " + frameBound(end)
            } else {
                text += frameBound(frame.start)
            }
            if let exclude = frame.exclude { text += " EXCLUDE " + exclude }
            parts.append(text)
        }
        return "(" + parts.joined(separator: " ") + ")"
    }

    func frameBound(_ bound: FrameBound) -> String {
        switch bound {
        case .unboundedPreceding: "UNBOUNDED PRECEDING"
        case .preceding(let value): operand(value, minimum: 7) + " PRECEDING"
        case .currentRow: "CURRENT ROW"
        case .following(let value): operand(value, minimum: 7) + " FOLLOWING"
        case .unboundedFollowing: "UNBOUNDED FOLLOWING"
        }
    }
}
