import Cypher
import QuiverCore
import SQL

/// The elements of a list value as rows: the FROM items, each element's value and its index.
struct ListElements {
    var from: TableReference
    var element: SQL.Expression
    var index: SQL.Expression
    /// The list itself, as the derived table names it.
    var list: SQL.Expression
}

extension QueryCompiler {
    /// Rows for the elements of `list` (a value expression, evaluated once).
    func elements(of list: SQL.Expression) -> ListElements {
        let source = names.next("s"), each = names.next("e")
        let derived = SQLBuild.derived(SQLBuild.select([(list, "l")]), as: source)
        let listColumn = SQLBuild.column(source, "l")
        return elements(ofColumn: listColumn, joinedTo: derived, each: each)
    }

    /// Rows for the elements of a list column already in scope, joined to `base` (if any).
    func elements(ofColumn listColumn: SQL.Expression, joinedTo base: TableReference?, each: String) -> ListElements {
        let function: SQL.Expression
        let element: SQL.Expression
        if dialect == .sqlite {
            function = SQLBuild.call("json_each", [listColumn])
            element = SQLBuild.call("nullif", [
                SQLBuild.binary(.extract, listColumn, SQLBuild.column(each, "fullkey")),
                SQL.Expression(.literal(.string("null"))),
            ])
        } else {
            function = runtime("cy_each", [listColumn])
            element = SQLBuild.column(each, "value")
        }
        let table = SQLBuild.function(function, as: each)
        let from = base.map { SQLBuild.crossJoin([$0, table]) ?? table } ?? table
        return ListElements(from: from, element: element, index: SQLBuild.column(each, "key"), list: listColumn)
    }

    /// The list of a comprehension's source: null stays null, a non-list is a type error.
    func comprehensionSource(_ source: Cypher.Expression, _ scope: ExpressionScope, what: String) throws(QueryError)
        -> SQL.Expression
    {
        runtime("cy_list_or_null", [asValue(try compile(source, scope)).sql, builder.bindText(what)])
    }

    /// `(SELECT CASE WHEN s.l IS NULL THEN NULL ELSE (inner) END FROM (SELECT list AS l) s)`.
    func nullSafe(_ elements: ListElements, _ inner: SelectStatement, derived: TableReference) -> SQL.Expression {
        SQLBuild.subquery(SQLBuild.select([
            (SQLBuild.caseWhen([(SQLBuild.isNull(elements.list), builder.nullValue)], otherwise: SQLBuild.subquery(inner)), nil),
        ], from: derived))
    }

    func listComprehension(_ comprehension: ListComprehension, _ scope: ExpressionScope) throws(QueryError) -> Typed {
        let list = try comprehensionSource(comprehension.source, scope, what: "list comprehension")
        let source = names.next("s"), each = names.next("e")
        let derived = SQLBuild.derived(SQLBuild.select([(list, "l")]), as: source)
        let rows = elements(ofColumn: SQLBuild.column(source, "l"), joinedTo: nil, each: each)
        var inner = scope
        inner.variables[comprehension.variable.name] = Typed(sql: rows.element, kind: .value)
        inner.properties[comprehension.variable.name] = nil
        let condition = try comprehension.predicate.map { (e: Cypher.Expression) throws(QueryError) in
            asBoolean(try compile(e, inner), operator: "WHERE")
        }
        let projected = try comprehension.projection.map { (e: Cypher.Expression) throws(QueryError) in
            asValue(try compile(e, inner)).sql
        } ?? rows.element
        let query = SQLBuild.select([(listAggregate(projected, orderBy: rows.index), nil)], from: rows.from, where: condition)
        return Typed(sql: nullSafe(rows, query, derived: derived), kind: .value)
    }

    func compileQuantifier(_ quantifier: Cypher.Quantifier, _ scope: ExpressionScope) throws(QueryError) -> Typed {
        let list = try comprehensionSource(quantifier.source, scope, what: quantifier.kind.rawValue + "()")
        let source = names.next("s"), each = names.next("e")
        let derived = SQLBuild.derived(SQLBuild.select([(list, "l")]), as: source)
        let rows = elements(ofColumn: SQLBuild.column(source, "l"), joinedTo: nil, each: each)
        var inner = scope
        inner.variables[quantifier.variable.name] = Typed(sql: rows.element, kind: .value)
        inner.properties[quantifier.variable.name] = nil
        let predicate = try quantifier.predicate.map { (e: Cypher.Expression) throws(QueryError) in
            try compile(e, inner)
        } ?? Typed(sql: rows.element, kind: .value)
        let truth = asBoolean(predicate, operator: quantifier.kind.rawValue + "()")
        let one = SQLBuild.integer(1), zero = SQLBuild.integer(0)
        let trues = SQLBuild.call("coalesce", [SQLBuild.call("sum", [SQLBuild.caseWhen([(truth, one)], otherwise: zero)]), zero])
        let unknowns = SQLBuild.call("coalesce", [
            SQLBuild.call("sum", [SQLBuild.caseWhen([(SQLBuild.isNull(truth), one)], otherwise: zero)]), zero,
        ])
        let total = SQLBuild.call("count", [SQL.Expression(.star(table: nil))])
        let counts = names.next("q")
        let countQuery = SQLBuild.select([(trues, "t"), (unknowns, "u"), (total, "n")], from: rows.from)
        let t = SQLBuild.column(counts, "t"), u = SQLBuild.column(counts, "u"), n = SQLBuild.column(counts, "n")
        let positive = SQLBuild.binary(.greaterThan, u, zero)
        let verdict: SQL.Expression
        switch quantifier.kind {
        case .all:
            let falses = SQLBuild.binary(.greaterThan, SQLBuild.binary(.subtract, SQLBuild.binary(.subtract, n, t), u), zero)
            verdict = SQLBuild.caseWhen([(falses, SQLBuild.falseValue), (positive, SQLBuild.null)], otherwise: SQLBuild.trueValue)
        case .any:
            verdict = SQLBuild.caseWhen([(SQLBuild.binary(.greaterThan, t, zero), SQLBuild.trueValue), (positive, SQLBuild.null)],
                                        otherwise: SQLBuild.falseValue)
        case .none:
            verdict = SQLBuild.caseWhen([(SQLBuild.binary(.greaterThan, t, zero), SQLBuild.falseValue), (positive, SQLBuild.null)],
                                        otherwise: SQLBuild.trueValue)
        case .single:
            verdict = SQLBuild.caseWhen([(SQLBuild.binary(.greaterThan, t, one), SQLBuild.falseValue), (positive, SQLBuild.null)],
                                        otherwise: SQLBuild.equal(t, one))
        }
        let inner2 = SQLBuild.select([(verdict, nil)], from: SQLBuild.derived(countQuery, as: counts))
        let result = SQLBuild.subquery(SQLBuild.select([
            (SQLBuild.caseWhen([(SQLBuild.isNull(rows.list), SQLBuild.null)], otherwise: SQLBuild.subquery(inner2)), nil),
        ], from: derived))
        return Typed(sql: result, kind: .boolean)
    }

    func compileReduce(_ reduce: Cypher.Reduce, _ scope: ExpressionScope) throws(QueryError) -> Typed {
        let list = try comprehensionSource(reduce.source, scope, what: "reduce()")
        let steps = names.next("r"), source = names.next("s")
        let index = SQLBuild.column(steps, "i"), accumulator = SQLBuild.column(steps, "acc")
        let listColumn = SQLBuild.column(source, "l")
        let element: SQL.Expression
        let length: SQL.Expression
        if dialect == .sqlite {
            let path = SQLBuild.binary(.concatenate, SQLBuild.binary(.concatenate, SQL.Expression(.literal(.string("$["))), index),
                                       SQL.Expression(.literal(.string("]"))))
            element = SQLBuild.call("nullif", [SQLBuild.binary(.extract, listColumn, path), SQL.Expression(.literal(.string("null")))])
            length = SQLBuild.call("json_array_length", [listColumn])
        } else {
            element = SQLBuild.call("nullif", [SQLBuild.binary(.extract, listColumn, SQLBuild.cast(index, "int")),
                                               SQLBuild.cast(SQL.Expression(.literal(.string("null"))), "jsonb")])
            length = SQLBuild.call("jsonb_array_length", [listColumn])
        }
        let initial = asValue(try compile(reduce.initial, scope)).sql
        var inner = scope
        inner.variables[reduce.accumulator.name] = Typed(sql: accumulator, kind: .value)
        inner.variables[reduce.variable.name] = Typed(sql: element, kind: .value)
        inner.properties[reduce.accumulator.name] = nil
        inner.properties[reduce.variable.name] = nil
        let body = asValue(try compile(reduce.expression, inner)).sql
        let seed = SQLBuild.select([(SQLBuild.integer(0), nil), (initial, nil)])
        let step = SQLBuild.select(
            [(SQLBuild.binary(.add, index, SQLBuild.integer(1)), nil), (body, nil)],
            from: SQLBuild.crossJoin([SQLBuild.table(steps), SQLBuild.derived(SQLBuild.select([(list, "l")]), as: source)]),
            where: SQLBuild.binary(.lessThan, index, length))
        let recursion = SelectStatement(body: .compound(.unionAll, seed.body, step.body))
        let cte = CommonTableExpression(name: Identifier(steps), columns: [Identifier("i"), Identifier("acc")], query: recursion)
        let last = SQLBuild.select(
            [(accumulator, nil)], from: SQLBuild.table(steps),
            orderBy: [OrderingTerm(expression: index, direction: .descending)], limit: Limit(count: SQLBuild.integer(1)),
            with: WithClause(recursive: true, tables: [cte]))
        let guardList = asValue(try compile(reduce.source, scope)).sql
        return Typed(sql: SQLBuild.caseWhen([(SQLBuild.isNull(guardList), builder.nullValue)], otherwise: SQLBuild.subquery(last)),
                     kind: .value)
    }
}
