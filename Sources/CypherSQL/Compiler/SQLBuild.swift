import SQL

/// Short constructors for the SQL AST the compiler emits (nothing here takes user text: names are
/// the compiler's own, values travel as parameters).
enum SQLBuild {
    static func column(_ table: String?, _ name: String) -> SQL.Expression {
        SQL.Expression(.column(ColumnReference(table: table.map { Identifier($0) }, column: Identifier(name))))
    }

    static func call(_ name: String, _ arguments: [SQL.Expression], distinct: Bool = false) -> SQL.Expression {
        SQL.Expression(.function(FunctionCall(name: Identifier(name), distinct: distinct, arguments: arguments)))
    }

    static func binary(_ op: SQL.BinaryOperator, _ left: SQL.Expression, _ right: SQL.Expression) -> SQL.Expression {
        SQL.Expression(.binary(op, left, right))
    }

    static func equal(_ left: SQL.Expression, _ right: SQL.Expression) -> SQL.Expression { binary(.equal, left, right) }

    static func and(_ conditions: [SQL.Expression]) -> SQL.Expression? {
        guard var result = conditions.first else { return nil }
        for condition in conditions.dropFirst() { result = binary(.and, result, condition) }
        return result
    }

    static func or(_ conditions: [SQL.Expression]) -> SQL.Expression? {
        guard var result = conditions.first else { return nil }
        for condition in conditions.dropFirst() { result = binary(.or, result, condition) }
        return result
    }

    static func not(_ e: SQL.Expression) -> SQL.Expression { SQL.Expression(.unary(.not, e)) }

    static func isNull(_ e: SQL.Expression, negated: Bool = false) -> SQL.Expression {
        SQL.Expression(.isNull(e, negated: negated))
    }

    static func integer(_ value: Int) -> SQL.Expression { SQL.Expression(.literal(.integer(String(value)))) }

    static let null = SQL.Expression(.literal(.null))
    static let trueValue = SQL.Expression(.literal(.boolean(true)))
    static let falseValue = SQL.Expression(.literal(.boolean(false)))

    static func caseWhen(_ branches: [(SQL.Expression, SQL.Expression)], otherwise: SQL.Expression?) -> SQL.Expression {
        SQL.Expression(.caseWhen(CaseExpression(
            operand: nil, branches: branches.map { CaseExpression.Branch(condition: $0.0, result: $0.1) },
            elseResult: otherwise)))
    }

    static func cast(_ e: SQL.Expression, _ type: String) -> SQL.Expression { SQL.Expression(.cast(e, type: type)) }

    static func exists(_ query: SelectStatement) -> SQL.Expression { SQL.Expression(.exists(query, negated: false)) }

    static func subquery(_ query: SelectStatement) -> SQL.Expression { SQL.Expression(.subquery(query)) }

    static func table(_ name: String, as alias: String? = nil) -> TableReference {
        .table(name: QualifiedName(name: Identifier(name)), alias: alias.map { TableAlias(Identifier($0)) })
    }

    static func derived(_ query: SelectStatement, as alias: String) -> TableReference {
        .subquery(query, alias: TableAlias(Identifier(alias)))
    }

    static func function(_ call: SQL.Expression, as alias: String) -> TableReference {
        guard case .function(let function) = call.kind else { return .function(FunctionCall(name: Identifier("?"), arguments: []), alias: nil) }
        return .function(function, alias: TableAlias(Identifier(alias)))
    }

    /// Items joined left to right by commas (cross joins), or nil for none.
    static func crossJoin(_ items: [TableReference]) -> TableReference? {
        guard var result = items.first else { return nil }
        for item in items.dropFirst() {
            result = .join(Join(left: result, op: JoinOperator(kind: .comma), right: item))
        }
        return result
    }

    static func select(
        _ columns: [(SQL.Expression, String?)], from: TableReference? = nil, where condition: SQL.Expression? = nil,
        groupBy: [SQL.Expression] = [], distinct: Bool = false, orderBy: [OrderingTerm] = [], limit: Limit? = nil,
        with: WithClause? = nil
    ) -> SelectStatement {
        let items = columns.map { ResultColumn.expression($0.0, alias: $0.1.map { Identifier($0) }, explicitAs: true) }
        let core = SelectCore(distinct: distinct, columns: items, from: from, whereClause: condition, groupBy: groupBy)
        return SelectStatement(with: with, body: .select(core), orderBy: orderBy, limit: limit)
    }

    static func selectAll(from: TableReference, where condition: SQL.Expression? = nil) -> SelectStatement {
        let core = SelectCore(columns: [.all], from: from, whereClause: condition)
        return SelectStatement(body: .select(core))
    }

    static func rowNumber(orderBy: [OrderingTerm]) -> SQL.Expression {
        SQL.Expression(.function(FunctionCall(
            name: Identifier("row_number"), arguments: [], over: WindowSpecification(orderBy: orderBy))))
    }
}
