extension Expression {
    /// The direct sub-expressions, left to right (subqueries are not entered).
    public var children: [Expression] {
        switch kind {
        case .literal, .column, .star, .parameter, .exists, .subquery: return []
        case .unary(_, let operand): return [operand]
        case .binary(_, let left, let right): return [left, right]
        case .function(let call):
            return call.arguments + (call.filter.map { [$0] } ?? []) + (call.over.map(Self.windowExpressions) ?? [])
        case .cast(let value, _): return [value]
        case .caseWhen(let value):
            return (value.operand.map { [$0] } ?? []) + value.branches.flatMap { [$0.condition, $0.result] }
                + (value.elseResult.map { [$0] } ?? [])
        case .between(let value, let low, let high, _): return [value, low, high]
        case .pattern(_, let value, let pattern, let escape, _): return [value, pattern] + (escape.map { [$0] } ?? [])
        case .inList(let value, let items, _): return [value] + items
        case .inSubquery(let value, _, _): return [value]
        case .isNull(let value, _): return [value]
        case .isComparison(let left, let right, _, _): return [left, right]
        case .collate(let value, _): return [value]
        case .row(let items): return items
        }
    }

    static func windowExpressions(_ window: WindowSpecification) -> [Expression] {
        window.partitionBy + window.orderBy.map(\.expression)
    }

    /// The subqueries directly inside this expression (in `IN`, `EXISTS`, scalar position), left to right.
    public var subqueries: [SelectStatement] {
        var found: [SelectStatement] = []
        switch kind {
        case .exists(let query, _), .subquery(let query): found.append(query)
        case .inSubquery(_, let query, _):
            found += children.flatMap(\.subqueries)
            found.append(query)
            return found
        default: break
        }
        return found + children.flatMap(\.subqueries)
    }

    /// The same expression with every column reference replaced by `transform(reference)`; subqueries are kept.
    public func rewritingColumns(_ transform: (ColumnReference) -> Expression.Kind) -> Expression {
        if case .column(let reference) = kind {
            var copy = self
            copy.kind = transform(reference)
            return copy
        }
        return mappingChildren { $0.rewritingColumns(transform) }
    }

    /// The same expression with each direct sub-expression replaced by `transform(child)`; subqueries are kept.
    public func mappingChildren(_ go: (Expression) -> Expression) -> Expression {
        var copy = self
        switch kind {
        case .literal, .star, .parameter, .exists, .subquery, .column: break
        case .unary(let op, let operand): copy.kind = .unary(op, go(operand))
        case .binary(let op, let left, let right): copy.kind = .binary(op, go(left), go(right))
        case .function(var call):
            call.arguments = call.arguments.map(go)
            call.filter = call.filter.map(go)
            if var over = call.over {
                over.partitionBy = over.partitionBy.map(go)
                over.orderBy = over.orderBy.map { OrderingTerm(expression: go($0.expression), direction: $0.direction, nullsFirst: $0.nullsFirst) }
                call.over = over
            }
            copy.kind = .function(call)
        case .cast(let value, let type): copy.kind = .cast(go(value), type: type)
        case .caseWhen(let value):
            copy.kind = .caseWhen(CaseExpression(
                operand: value.operand.map(go),
                branches: value.branches.map { .init(condition: go($0.condition), result: go($0.result)) },
                elseResult: value.elseResult.map(go)))
        case .between(let value, let low, let high, let negated):
            copy.kind = .between(go(value), low: go(low), high: go(high), negated: negated)
        case .pattern(let op, let value, let pattern, let escape, let negated):
            copy.kind = .pattern(op, go(value), go(pattern), escape: escape.map(go), negated: negated)
        case .inList(let value, let items, let negated): copy.kind = .inList(go(value), items.map(go), negated: negated)
        case .inSubquery(let value, let query, let negated): copy.kind = .inSubquery(go(value), query, negated: negated)
        case .isNull(let value, let negated): copy.kind = .isNull(go(value), negated: negated)
        case .isComparison(let left, let right, let negated, let distinctFrom):
            copy.kind = .isComparison(go(left), go(right), negated: negated, distinctFrom: distinctFrom)
        case .collate(let value, let collation): copy.kind = .collate(go(value), collation: collation)
        case .row(let items): copy.kind = .row(items.map(go))
        }
        return copy
    }
}

extension SelectStatement {
    /// Every table alias in the order the text defines it, `(alias, table)`, including those inside subqueries.
    public var tableAliasesInTextOrder: [(alias: String, table: String)] {
        var result: [(String, String)] = []
        for cte in with?.tables ?? [] { result += cte.query.tableAliasesInTextOrder }
        for part in body.flattened {
            if case .parenthesized(let statement) = part.body { result += statement.tableAliasesInTextOrder }
            guard case .select(let core) = part.body else { continue }
            for column in core.columns {
                if case .expression(let e, _, _) = column { result += e.subqueries.flatMap(\.tableAliasesInTextOrder) }
            }
            if let from = core.from { result += Self.aliases(in: from) }
            let clauses = [core.whereClause].compactMap { $0 } + core.groupBy + [core.having].compactMap { $0 }
            result += clauses.flatMap { $0.subqueries.flatMap(\.tableAliasesInTextOrder) }
        }
        result += orderBy.flatMap { $0.expression.subqueries.flatMap(\.tableAliasesInTextOrder) }
        return result
    }

    static func aliases(in reference: TableReference) -> [(alias: String, table: String)] {
        switch reference {
        case .table(let name, let alias):
            return alias.map { [($0.name.name, name.name.name)] } ?? []
        case .subquery(let query, _):
            return query.tableAliasesInTextOrder
        case .function: return []
        case .parenthesized(let inner): return aliases(in: inner)
        case .join(let join):
            var result = aliases(in: join.left) + aliases(in: join.right)
            if case .on(let condition) = join.constraint {
                result += condition.subqueries.flatMap(\.tableAliasesInTextOrder)
            }
            return result
        }
    }
}
