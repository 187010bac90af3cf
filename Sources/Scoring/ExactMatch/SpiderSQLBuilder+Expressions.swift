import SQL

extension SpiderSQLBuilder {
    /// The canonical id of a column reference and, when the official parser could not resolve it, why.
    func resolve(_ reference: ColumnReference, scope: Scope) -> (id: String, problem: String?) {
        let column = reference.column.normalized
        if let table = reference.table {
            let name = aliases[table.normalized] ?? table.normalized
            let known = index.hasColumn(table: name, column: column)
            return ("__\(name).\(column)__", known ? nil : "unknown column")
        }
        for table in scope.defaultTables where index.hasColumn(table: table, column: column) {
            return ("__\(table).\(column)__", nil)
        }
        let fallback = scope.defaultTables.first ?? "?"
        return ("__\(fallback).\(column)__", "unresolved column")
    }

    /// An unqualified name that is no column of the FROM tables but a select-list alias stands for its expression.
    func substitutingAlias(_ expression: Expression, scope: Scope) -> Expression {
        guard case .column(let reference) = expression.kind, reference.table == nil,
            resolve(reference, scope: scope).problem != nil,
            let aliased = scope.selectAliases[reference.column.normalized]
        else { return expression }
        return aliased
    }

    /// Normalised text of an expression the official grammar cannot hold: columns resolved, lower-cased.
    func canonical(_ expression: Expression, scope: Scope) -> String {
        let rewritten = expression.rewritingColumns { reference in
            .column(ColumnReference(column: Identifier(resolve(reference, scope: scope).id)))
        }
        return SQLPrinter().print(rewritten).lowercased()
    }

    mutating func opaqueColumn(_ expression: Expression, scope: Scope, reason: String) -> SpiderSQL.ColumnUnit {
        reject(reason)
        return SpiderSQL.ColumnUnit(column: "expr:" + canonical(expression, scope: scope))
    }

    static func aggregate(of call: FunctionCall) -> SpiderSQL.Aggregate? {
        guard call.isSpiderAggregate, call.filter == nil, call.arguments.count == 1 else { return nil }
        switch call.name.normalized {
        case "max": return .max
        case "min": return .min
        case "count": return .count
        case "sum": return .sum
        case "avg": return .avg
        default: return nil
        }
    }

    /// `(agg_id, col_id, isDistinct)`: a column, `*`, or one aggregate of a column.
    mutating func columnUnit(_ original: Expression, scope: Scope) -> SpiderSQL.ColumnUnit {
        let expression = substitutingAlias(original, scope: scope)
        if expression != original { reject("select alias used in a clause") }
        switch expression.kind {
        case .column(let reference):
            let (id, problem) = resolve(reference, scope: scope)
            if let problem { reject(problem) }
            if reference.column.quote != .none { reject("quoted identifier") }
            return SpiderSQL.ColumnUnit(column: id)
        case .star(nil):
            return SpiderSQL.ColumnUnit(column: "__all__")
        case .function(let call):
            guard let aggregate = Self.aggregate(of: call) else {
                return opaqueColumn(expression, scope: scope, reason: "function \(call.name.normalized)")
            }
            let argument = call.arguments[0]
            switch argument.kind {
            case .star(nil):
                return SpiderSQL.ColumnUnit(aggregate: aggregate, column: "__all__", distinct: call.distinct)
            case .column:
                let inner = columnUnit(argument, scope: scope)
                return SpiderSQL.ColumnUnit(aggregate: aggregate, column: inner.column, distinct: call.distinct)
            default:
                return opaqueColumn(expression, scope: scope, reason: "aggregate of an expression")
            }
        default:
            return opaqueColumn(expression, scope: scope, reason: "expression outside Spider's grammar")
        }
    }

    static let unitOperators: [BinaryOperator: String] = [.subtract: "-", .add: "+", .multiply: "*", .divide: "/"]

    static func isColumnLike(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .column, .star(nil): return true
        case .function(let call): return aggregate(of: call) != nil
        default: return false
        }
    }

    /// `(unit_op, col_unit1, col_unit2)`.
    mutating func valueUnit(_ original: Expression, scope: Scope) -> SpiderSQL.ValueUnit {
        let expression = substitutingAlias(original, scope: scope)
        if expression != original { reject("select alias used in a clause") }
        if case .binary(let op, let left, let right) = expression.kind, let unit = Self.unitOperators[op] {
            if Self.isColumnLike(left), Self.isColumnLike(right) {
                return SpiderSQL.ValueUnit(op: unit, left: columnUnit(left, scope: scope), right: columnUnit(right, scope: scope))
            }
            return SpiderSQL.ValueUnit(left: opaqueColumn(expression, scope: scope, reason: "arithmetic beyond `a op b`"))
        }
        return SpiderSQL.ValueUnit(left: columnUnit(expression, scope: scope))
    }

    /// `(agg_id, val_unit)`: a top-level aggregate moves out of the value unit, as in `parse_select`.
    mutating func selectItem(_ expression: Expression, scope: Scope) -> SpiderSQL.SelectItem {
        if case .function(let call) = expression.kind, let aggregate = Self.aggregate(of: call) {
            let argument = call.arguments[0]
            var value = valueUnit(argument, scope: scope)
            if call.distinct { value.left.distinct = true }
            if case .function = argument.kind, Self.isColumnLike(argument) { reject("nested aggregate") }
            return SpiderSQL.SelectItem(aggregate: aggregate, value: value)
        }
        return SpiderSQL.SelectItem(aggregate: .none, value: valueUnit(expression, scope: scope))
    }

    mutating func nested(_ query: SelectStatement) -> SpiderSQL {
        var builder = SpiderSQLBuilder(index: index, aliases: aliases)
        let sql = builder.build(query)
        for reason in builder.rejections { reject(reason) }
        return sql
    }

    /// A condition's value: number, string, column, nested query, or other text.
    mutating func operand(_ expression: Expression, scope: Scope) -> SpiderSQL.Operand {
        switch expression.kind {
        case .literal(.integer(let text)), .literal(.real(let text)):
            return .number(Double(text) ?? 0)
        case .literal(.string(let text)):
            return .string(text)
        case .unary(.negate, let inner):
            if case .literal(.integer(let text)) = inner.kind { return .number(-(Double(text) ?? 0)) }
            if case .literal(.real(let text)) = inner.kind { return .number(-(Double(text) ?? 0)) }
        case .column(let reference):
            // Spider's tokenizer reads every "double-quoted" value as a string (SQLite does when no column has the name).
            if reference.column.quote == .double, reference.table == nil {
                return .string(reference.column.name)
            }
            return .column(columnUnit(expression, scope: scope))
        case .subquery(let query):
            return .query(SpiderSQL.Box(nested(query)))
        case .function where Self.isColumnLike(expression):
            // parse_value cuts the value at the aggregate's `)` and then fails.
            reject("aggregate as a value")
            return .column(columnUnit(expression, scope: scope))
        case .binary(let op, let left, _) where Self.unitOperators[op] != nil && Self.isColumnLike(left):
            // parse_value reads the first column unit and skips the rest of the value.
            return .column(columnUnit(left, scope: scope))
        default:
            break
        }
        reject("value expression")
        return .other(canonical(expression, scope: scope))
    }
}
