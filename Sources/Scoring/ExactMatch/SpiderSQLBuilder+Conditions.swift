import SQL

extension SpiderSQLBuilder {
    /// A WHERE/HAVING/ON condition as the official parser reads it.
    ///
    /// Quirk reproduced: `parse_value` reads a column value by scanning to the next `,`, `)`, `AND` or
    /// clause keyword, so after a condition whose value is a column, the `OR` conditions that follow
    /// are swallowed into that value and vanish.
    mutating func conditionList(_ expression: Expression, scope: Scope) -> [SpiderSQL.ConditionItem] {
        let items = conditions(expression, scope: scope)
        var result: [SpiderSQL.ConditionItem] = []
        var swallowing = false
        var index = 0
        while index < items.count {
            let item = items[index]
            if swallowing, item == .or {
                index += 2
                continue
            }
            swallowing = false
            result.append(item)
            if case .unit(let unit) = item {
                let last = unit.op == "between" ? unit.value2 : unit.value1
                if case .column = last { swallowing = true }
            }
            index += 1
        }
        return result
    }

    /// Whether parentheses wrap this condition (its span starts before its first operand's).
    static func isParenthesized(_ expression: Expression) -> Bool {
        guard let outer = expression.span.offsets?.lowerBound, let first = expression.children.first,
            let inner = first.span.offsets?.lowerBound
        else { return false }
        return outer < inner
    }

    /// A WHERE/HAVING/ON condition as the official flat list `[unit, "and"|"or", unit, ...]`.
    mutating func conditions(_ expression: Expression, scope: Scope) -> [SpiderSQL.ConditionItem] {
        if Self.isParenthesized(expression) { reject("parenthesized condition") }
        switch expression.kind {
        case .binary(let op, let left, let right) where op == .and || op == .or:
            // The official parser reads connectives left to right and rejects parentheses around
            // conditions; a tree that needs parentheses to print is one the text had them in.
            if needsParentheses(op, left, right) { reject("parenthesized condition") }
            return conditions(left, scope: scope) + [op == .and ? .and : .or] + conditions(right, scope: scope)
        case .unary(.not, let inner):
            reject("NOT before a condition")
            if case .binary(let op, _, _) = inner.kind, op == .and || op == .or {
                return [.unit(opaqueCondition(expression, scope: scope))]
            }
            var unit = conditionUnit(inner, scope: scope)
            unit.not.toggle()
            return [.unit(unit)]
        default:
            return [.unit(conditionUnit(expression, scope: scope))]
        }
    }

    func needsParentheses(_ op: BinaryOperator, _ left: Expression, _ right: Expression) -> Bool {
        func connective(_ e: Expression) -> BinaryOperator? {
            if case .binary(let inner, _, _) = e.kind, inner == .and || inner == .or { return inner }
            return nil
        }
        if op == .and {
            return connective(left) == .or || connective(right) != nil
        }
        return connective(right) == .or
    }

    mutating func opaqueCondition(_ expression: Expression, scope: Scope) -> SpiderSQL.ConditionUnit {
        reject("condition outside Spider's grammar")
        return SpiderSQL.ConditionUnit(
            not: false, op: "expr", value: SpiderSQL.ValueUnit(left: .init(column: "expr:" + canonical(expression, scope: scope))),
            value1: nil, value2: nil)
    }

    static let comparisonOperators: [BinaryOperator: String] = [
        .equal: "=", .notEqual: "!=", .lessThan: "<", .greaterThan: ">", .lessThanOrEqual: "<=",
        .greaterThanOrEqual: ">=",
    ]

    /// `(not_op, op_id, val_unit, val1, val2)`.
    mutating func conditionUnit(_ expression: Expression, scope: Scope) -> SpiderSQL.ConditionUnit {
        typealias Unit = SpiderSQL.ConditionUnit
        switch expression.kind {
        case .binary(let op, let left, let right):
            guard let name = Self.comparisonOperators[op] else { return opaqueCondition(expression, scope: scope) }
            return Unit(not: false, op: name, value: valueUnit(left, scope: scope), value1: operand(right, scope: scope),
                        value2: nil)
        case .between(let value, let low, let high, let negated):
            return Unit(not: negated, op: "between", value: valueUnit(value, scope: scope),
                        value1: operand(low, scope: scope), value2: operand(high, scope: scope))
        case .pattern(let op, let value, let pattern, let escape, let negated):
            if op != .like { reject(op.rawValue) }
            if escape != nil { reject("ESCAPE") }
            return Unit(not: negated, op: op.rawValue.lowercased(), value: valueUnit(value, scope: scope),
                        value1: operand(pattern, scope: scope), value2: nil)
        case .inList(let value, let items, let negated):
            let unit = valueUnit(value, scope: scope)
            if items.count != 1 { reject("IN (list)") }
            let first: SpiderSQL.Operand? = items.count == 1 ? operand(items[0], scope: scope) : .other("list")
            return Unit(not: negated, op: "in", value: unit, value1: first, value2: nil)
        case .inSubquery(let value, let query, let negated):
            let unit = valueUnit(value, scope: scope)
            return Unit(not: negated, op: "in", value: unit, value1: .query(SpiderSQL.Box(nested(query))), value2: nil)
        case .isNull(let value, let negated):
            reject("IS NULL")
            return Unit(not: negated, op: "is", value: valueUnit(value, scope: scope), value1: .other("null"), value2: nil)
        case .isComparison(let left, let right, let negated, let distinctFrom):
            reject("IS")
            return Unit(not: negated != distinctFrom, op: "is", value: valueUnit(left, scope: scope),
                        value1: operand(right, scope: scope), value2: nil)
        case .exists(let query, let negated):
            reject("EXISTS")
            return Unit(not: negated, op: "exists", value: SpiderSQL.ValueUnit(left: .init(column: "exists")),
                        value1: .query(SpiderSQL.Box(nested(query))), value2: nil)
        default:
            return opaqueCondition(expression, scope: scope)
        }
    }
}
