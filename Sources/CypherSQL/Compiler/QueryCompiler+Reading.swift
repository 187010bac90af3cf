import Cypher
import QuiverCore
import SQL

extension QueryCompiler {
    /// A new CTE holding `query`, and the frame it makes.
    func addFrame(_ query: SelectStatement, columns: [FrameColumn], ordinal: String?) -> Frame {
        let name = names.next("q")
        builder.addCTE(name, query)
        return Frame(table: name, columns: columns, ordinal: ordinal)
    }

    /// The frame's table under `alias`, or nothing for the unit frame.
    func source(_ frame: Frame, alias: String) -> TableReference? {
        frame.table.map { SQLBuild.table($0, as: alias) }
    }

    func compileMatch(_ match: Match, after frame: Frame) throws(QueryError) -> Frame {
        let alias = names.next("p")
        let scope = frame.scope(alias: alias)
        seedPredicate = match.optional ? nil : match.predicate
        defer { seedPredicate = nil }
        let pattern = try compilePattern(match.pattern.parts, scope, seedFrame: frame)
        seedPredicate = nil
        var inner = scope
        for (name, typed) in pattern.bindings { inner.variables[name] = typed }
        inner.properties.merge(pattern.properties) { $1 }
        var conditions = pattern.conditions
        if let predicate = match.predicate { conditions.append(asBoolean(try compile(predicate, inner), operator: "WHERE")) }
        var items = frame.passThrough(alias: alias)
        var columns = frame.columns
        for (name, typed) in pattern.bindings where frame.column(name) == nil && !columns.contains(where: { $0.name == name }) {
            let column = names.next("c")
            items.append((typed.sql, column))
            columns.append(FrameColumn(name: name, column: column, kind: typed.kind))
        }
        if match.optional {
            return try optionalFrame(frame, alias: alias, pattern: pattern, conditions: conditions, items: items,
                                     columns: columns)
        }
        let from = SQLBuild.crossJoin((source(frame, alias: alias).map { [$0] } ?? []) + pattern.from)
        let query = SQLBuild.select(items.isEmpty ? [(SQLBuild.integer(1), "one")] : items, from: from,
                                    where: SQLBuild.and(conditions))
        return addFrame(query, columns: columns, ordinal: frame.ordinal)
    }

    /// `frame LEFT JOIN (pattern tables) ON conditions`: rows without a match keep the new variables null.
    private func optionalFrame(_ frame: Frame, alias: String, pattern: CompiledPattern, conditions: [SQL.Expression],
                               items: [(SQL.Expression, String?)], columns: [FrameColumn]) throws(QueryError) -> Frame
    {
        guard let right = innerJoin(pattern.from) else {
            // Every variable is bound already: the row stays as it is whether or not it matches.
            return frame
        }
        let left = source(frame, alias: alias) ?? SQLBuild.derived(SQLBuild.select([(SQLBuild.integer(1), "one")]), as: alias)
        let join = TableReference.join(Join(
            left: left, op: JoinOperator(kind: .left), right: right,
            constraint: .on(SQLBuild.and(conditions) ?? SQLBuild.trueValue)))
        let query = SQLBuild.select(items.isEmpty ? [(SQLBuild.integer(1), "one")] : items, from: join)
        return addFrame(query, columns: columns, ordinal: frame.ordinal)
    }

    /// Items joined without a condition (the planner may reorder them).
    func innerJoin(_ items: [TableReference]) -> TableReference? {
        guard var result = items.first else { return nil }
        for item in items.dropFirst() {
            result = .join(Join(left: result, op: JoinOperator(kind: dialect == .sqlite ? .plain : .cross), right: item))
        }
        return items.count > 1 ? .parenthesized(result) : result
    }

    func compileUnwind(_ unwind: Unwind, after frame: Frame) throws(QueryError) -> Frame {
        let alias = names.next("p")
        let scope = frame.scope(alias: alias)
        let list = runtime("cy_as_list", [asValue(try compile(unwind.expression, scope)).sql])
        let listColumn = names.next("l")
        var firstItems = frame.passThrough(alias: alias)
        firstItems.append((list, listColumn))
        let first = addFrame(SQLBuild.select(firstItems, from: source(frame, alias: alias)), columns: frame.columns,
                             ordinal: frame.ordinal)
        let base = names.next("p"), each = names.next("e")
        let rows = elements(ofColumn: SQLBuild.column(base, listColumn), joinedTo: first.table.map { SQLBuild.table($0, as: base) },
                            each: each)
        var items = first.columns.filter { $0.name != unwind.variable.name }.map { (SQLBuild.column(base, $0.column), Optional($0.column)) }
        let column = names.next("c")
        items.append((rows.element, column))
        var order: [OrderingTerm] = []
        if let ordinal = frame.ordinal { order.append(OrderingTerm(expression: SQLBuild.column(base, ordinal))) }
        order.append(OrderingTerm(expression: rows.index))
        let ordinal = names.next("o")
        items.append((SQLBuild.rowNumber(orderBy: order), ordinal))
        var columns = frame.columns.filter { $0.name != unwind.variable.name }
        columns.append(FrameColumn(name: unwind.variable.name, column: column, kind: .value))
        return addFrame(SQLBuild.select(items, from: rows.from), columns: columns, ordinal: ordinal)
    }

    /// A pattern as a correlated subquery over the outer `scope`: `EXISTS (…)`, `size((a)-->())`, and
    /// pattern comprehensions select from it.
    func patternQuery(_ pattern: PathPattern, predicate: Cypher.Expression?, _ scope: ExpressionScope,
                      select: [SQL.Expression], variable: Variable? = nil) throws(QueryError) -> SelectStatement
    {
        let part = PatternPart(variable: variable, element: pattern, range: pattern.range)
        let compiled = try compilePattern([part], scope, seedFrame: nil)
        var inner = scope
        for (name, typed) in compiled.bindings { inner.variables[name] = typed }
        inner.properties.merge(compiled.properties) { $1 }
        var conditions = compiled.conditions
        if let predicate { conditions.append(asBoolean(try compile(predicate, inner), operator: "WHERE")) }
        let columns = select.isEmpty ? [(SQLBuild.integer(1), String?.none)] : select.map { ($0, String?.none) }
        return SQLBuild.select(columns, from: SQLBuild.crossJoin(compiled.from), where: SQLBuild.and(conditions))
    }

    func patternComprehension(_ comprehension: PatternComprehension, _ scope: ExpressionScope) throws(QueryError) -> Typed {
        let part = PatternPart(variable: comprehension.variable, element: comprehension.pattern, range: comprehension.pattern.range)
        let compiled = try compilePattern([part], scope, seedFrame: nil)
        var inner = scope
        for (name, typed) in compiled.bindings { inner.variables[name] = typed }
        inner.properties.merge(compiled.properties) { $1 }
        var conditions = compiled.conditions
        if let predicate = comprehension.predicate {
            conditions.append(asBoolean(try compile(predicate, inner), operator: "WHERE"))
        }
        let projected = asValue(try compile(comprehension.projection, inner)).sql
        let query = SQLBuild.select([(listAggregate(projected, orderBy: nil), nil)], from: SQLBuild.crossJoin(compiled.from),
                                    where: SQLBuild.and(conditions))
        return Typed(sql: SQLBuild.subquery(query), kind: .value)
    }

    /// `EXISTS { MATCH pattern [WHERE …] }`: the one form the SQL backends take.
    func existsQuery(_ query: Query, _ scope: ExpressionScope, at range: SourceRange) throws(QueryError) -> SelectStatement {
        guard query.unions.isEmpty, query.first.clauses.count == 1, case .match(let match) = query.first.clauses[0],
            !match.optional
        else {
            throw SQLGraphError.unsupported("EXISTS subqueries other than one MATCH", at: range.start)
        }
        let compiled = try compilePattern(match.pattern.parts, scope, seedFrame: nil)
        var inner = scope
        for (name, typed) in compiled.bindings { inner.variables[name] = typed }
        inner.properties.merge(compiled.properties) { $1 }
        var conditions = compiled.conditions
        if let predicate = match.predicate { conditions.append(asBoolean(try compile(predicate, inner), operator: "WHERE")) }
        return SQLBuild.select([(SQLBuild.integer(1), nil)], from: SQLBuild.crossJoin(compiled.from),
                               where: SQLBuild.and(conditions))
    }
}
