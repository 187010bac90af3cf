import Cypher
import QuiverCore
import SQL

extension QueryCompiler {
    /// The items of a projection, with `*` expanded to the frame's variables (sorted by name).
    func projectionItems(_ projection: Projection, _ frame: Frame) -> [(name: String, expression: Cypher.Expression)] {
        var items: [(String, Cypher.Expression)] = []
        if projection.includesAll {
            for column in frame.columns.sorted(by: { $0.name < $1.name }) {
                items.append((column.name, Cypher.Expression(.variable(column.name), range: projection.range)))
            }
        }
        for item in projection.items { items.append((item.columnName, item.expression)) }
        return items
    }

    /// WITH or RETURN: projection, grouping, DISTINCT, ORDER BY, SKIP, LIMIT, then WITH's WHERE.
    func compileProjection(_ projection: Projection, predicate: Cypher.Expression?, after frame: Frame) throws(QueryError)
        -> Frame
    {
        let items = projectionItems(projection, frame)
        let aggregates = items.flatMap { Self.aggregateCalls(in: $0.expression) }
        var result: Frame
        // A WHERE right after a plain projection sees the variables before it too: it goes in the same SELECT.
        let inline = aggregates.isEmpty && !projection.distinct && projection.orderBy.isEmpty && projection.skip == nil
            && projection.limit == nil
        if aggregates.isEmpty {
            result = try plainProjection(items, projection, frame, predicate: inline ? predicate : nil)
        } else {
            result = try groupedProjection(items, aggregates: aggregates, projection, frame)
        }
        if let predicate, !inline {
            let alias = names.next("p")
            var scope = result.scope(alias: alias)
            // The projected expressions, as written, name their columns (`WITH DISTINCT a.x AS x WHERE a.x = 1`).
            for item in items {
                if let column = result.column(item.name) {
                    scope.replacements[item.expression.structuralKey] = Typed(sql: SQLBuild.column(alias, column.column),
                                                                              kind: column.kind)
                }
            }
            let condition = asBoolean(try compile(predicate, scope), operator: "WHERE")
            result = addFrame(SQLBuild.select(result.passThrough(alias: alias), from: source(result, alias: alias),
                                              where: condition), columns: result.columns, ordinal: result.ordinal)
        }
        return result
    }

    /// The aggregate calls in `expression` (not inside nested comprehensions' own scopes).
    static func aggregateCalls(in expression: Cypher.Expression) -> [Cypher.Expression] {
        switch expression.kind {
        case .countStar: return [expression]
        case .functionCall(let call) where Cypher.CypherValueRuntime.isAggregate(call.lookupName): return [expression]
        default: return expression.subexpressions.flatMap(aggregateCalls)
        }
    }

    private func plainProjection(_ items: [(name: String, expression: Cypher.Expression)], _ projection: Projection,
                                 _ frame: Frame, predicate: Cypher.Expression?) throws(QueryError) -> Frame
    {
        let alias = names.next("p")
        let scope = frame.scope(alias: alias)
        var compiled: [(String, Typed)] = []
        for item in items { compiled.append((item.name, try compile(item.expression, scope))) }
        if projection.distinct {
            let distinctFrame = select(compiled, from: source(frame, alias: alias), distinct: true, carry: nil)
            return try order(distinctFrame, projection, sortScope: nil)
        }
        // ORDER BY may name the new columns and the variables before the projection.
        var sortScope = scope
        for (name, typed) in compiled { sortScope.variables[name] = typed }
        let carried = frame.ordinal.map { (SQLBuild.column(alias, $0), $0) }
        var pending = select(compiled, from: source(frame, alias: alias), distinct: false, carry: carried)
        if let predicate { pending.condition = asBoolean(try compile(predicate, sortScope), operator: "WHERE") }
        return try order(pending, projection, sortScope: sortScope, base: (frame, alias))
    }

    /// A frame of `compiled` columns selected from `from`.
    private func select(_ compiled: [(String, Typed)], from: TableReference?, distinct: Bool,
                        carry ordinal: (SQL.Expression, String)?, groupBy: [SQL.Expression] = []) -> PendingProjection
    {
        var items: [(SQL.Expression, String?)] = []
        var columns: [FrameColumn] = []
        for (name, typed) in compiled {
            let column = names.next("c")
            let kept = typed.kind == .boolean ? asValue(typed) : typed
            items.append((kept.sql, column))
            columns.append(FrameColumn(name: name, column: column, kind: kept.kind))
        }
        if let ordinal { items.append((ordinal.0, ordinal.1)) }
        return PendingProjection(items: items, columns: columns, from: from, distinct: distinct, groupBy: groupBy,
                                 ordinal: ordinal?.1)
    }

    /// Adds ORDER BY, SKIP and LIMIT to a pending projection and makes it a frame.
    private func order(_ pending: PendingProjection, _ projection: Projection, sortScope: ExpressionScope?,
                       base: (Frame, String)? = nil) throws(QueryError) -> Frame
    {
        var pending = pending
        if pending.distinct || !pending.groupBy.isEmpty {
            // Sort and limit over the finished rows.
            let frame = addFrame(pending.query(order: [], limit: nil), columns: pending.columns, ordinal: nil)
            guard !projection.orderBy.isEmpty || projection.skip != nil || projection.limit != nil else { return frame }
            let alias = names.next("p")
            var scope = frame.scope(alias: alias)
            if let sortScope { scope.replacements = sortScope.replacements }
            pending = PendingProjection(items: frame.passThrough(alias: alias), columns: frame.columns,
                                        from: source(frame, alias: alias), distinct: false, groupBy: [], ordinal: nil)
            return try limit(pending, projection, scope)
        }
        guard let sortScope else { return addFrame(pending.query(order: [], limit: nil), columns: pending.columns, ordinal: nil) }
        return try limit(pending, projection, sortScope)
    }

    private func limit(_ pending: PendingProjection, _ projection: Projection, _ scope: ExpressionScope) throws(QueryError)
        -> Frame
    {
        var pending = pending
        var terms: [OrderingTerm] = []
        for item in projection.orderBy {
            let key = runtime("cy_sortkey", [asValue(try compile(item.expression, scope)).sql])
            terms.append(OrderingTerm(expression: key, direction: item.ascending ? .ascending : .descending))
        }
        if !terms.isEmpty {
            let ordinal = names.next("o")
            pending.items.removeAll { $0.1 == pending.ordinal }
            pending.items.append((SQLBuild.rowNumber(orderBy: terms), ordinal))
            pending.ordinal = ordinal
        }
        var limit: Limit?
        if projection.skip != nil || projection.limit != nil {
            let count = try projection.limit.map { (e: Cypher.Expression) throws(QueryError) in
                runtime("cy_count_arg", [asValue(try compile(e, ExpressionScope())).sql, builder.bindText("LIMIT")])
            } ?? (dialect == .sqlite ? SQLBuild.integer(-1) : SQLBuild.null)
            let offset = try projection.skip.map { (e: Cypher.Expression) throws(QueryError) in
                runtime("cy_count_arg", [asValue(try compile(e, ExpressionScope())).sql, builder.bindText("SKIP")])
            }
            limit = Limit(count: count, offset: offset)
        }
        return addFrame(pending.query(order: terms, limit: limit), columns: pending.columns, ordinal: pending.ordinal)
    }

    private func groupedProjection(_ items: [(name: String, expression: Cypher.Expression)],
                                   aggregates: [Cypher.Expression], _ projection: Projection, _ frame: Frame)
        throws(QueryError) -> Frame
    {
        let alias = names.next("p")
        let scope = frame.scope(alias: alias)
        // Stage one: grouping keys and aggregates.
        var stageItems: [(SQL.Expression, String?)] = []
        var stageColumns: [FrameColumn] = []
        var groupBy: [SQL.Expression] = []
        var keyNames: [String: String] = [:]
        var computed: [(key: String, column: FrameColumn)] = []
        for item in items where Self.aggregateCalls(in: item.expression).isEmpty {
            let typed = try compile(item.expression, scope)
            let kept = typed.kind == .boolean ? asValue(typed) : typed
            let column = names.next("k")
            stageItems.append((kept.sql, column))
            let stageColumn = FrameColumn(name: " key \(column)", column: column, kind: kept.kind)
            stageColumns.append(stageColumn)
            computed.append((item.expression.structuralKey, stageColumn))
            groupBy.append(kept.sql)
            keyNames[item.expression.structuralKey] = column
        }
        var aggregateColumns: [String: String] = [:]
        for call in aggregates where aggregateColumns[call.structuralKey] == nil {
            let column = names.next("a")
            stageItems.append((try aggregate(call, scope, ordinal: frame.ordinal.map { SQLBuild.column(alias, $0) }), column))
            let stageColumn = FrameColumn(name: " aggregate \(column)", column: column, kind: .value)
            stageColumns.append(stageColumn)
            computed.append((call.structuralKey, stageColumn))
            aggregateColumns[call.structuralKey] = column
        }
        let stage = addFrame(SQLBuild.select(stageItems.isEmpty ? [(SQLBuild.integer(1), "one")] : stageItems,
                                             from: source(frame, alias: alias), groupBy: groupBy),
                             columns: stageColumns, ordinal: nil)
        // Stage two: the items over keys and aggregates.
        let second = names.next("p")
        var secondScope = ExpressionScope()
        for (key, column) in computed {
            secondScope.replacements[key] = Typed(sql: SQLBuild.column(second, column.column), kind: column.kind)
        }
        for item in items where Self.aggregateCalls(in: item.expression).isEmpty {
            if case .variable(let name) = item.expression.kind, let column = keyNames[item.expression.structuralKey],
                let kind = stageColumns.first(where: { $0.column == column })?.kind
            {
                secondScope.variables[name] = Typed(sql: SQLBuild.column(second, column), kind: kind)
            }
        }
        var compiled: [(String, Typed)] = []
        for item in items { compiled.append((item.name, try compile(item.expression, secondScope))) }
        var sortScope = secondScope
        for (name, typed) in compiled { sortScope.variables[name] = typed }
        let pending = select(compiled, from: source(stage, alias: second), distinct: projection.distinct, carry: nil)
        if projection.distinct { return try order(pending, projection, sortScope: sortScope) }
        return try limit(pending, projection, sortScope)
    }

    /// One aggregate call over the rows of the frame under `scope`; `ordinal` orders `collect`.
    private func aggregate(_ call: Cypher.Expression, _ scope: ExpressionScope, ordinal: SQL.Expression?) throws(QueryError)
        -> SQL.Expression
    {
        if case .countStar = call.kind { return integerValue(SQLBuild.call("count", [SQL.Expression(.star(table: nil))])) }
        guard case .functionCall(let function) = call.kind else { return builder.nullValue }
        var arguments: [SQL.Expression] = []
        for argument in function.arguments {
            let typed = try compile(argument, scope)
            arguments.append(typed.kind == .node || typed.kind == .relationship ? asValue(typed).sql : asValue(typed).sql)
        }
        let name = function.lookupName
        switch name {
        case "count":
            return integerValue(SQLBuild.call("count", arguments, distinct: function.distinct))
        case "collect":
            guard let value = arguments.first else { return builder.nullValue }
            if dialect == .postgres {
                let order = function.distinct ? [] : (ordinal.map { [OrderingTerm(expression: $0)] } ?? [])
                let aggregate = SQL.Expression(.function(FunctionCall(
                    name: Identifier("jsonb_agg"), distinct: function.distinct, arguments: [value],
                    filter: SQLBuild.isNull(value, negated: true), orderBy: order)))
                return SQLBuild.call("coalesce", [aggregate, try builder.bindValue(.list([]))])
            }
            if function.distinct || ordinal == nil { return SQLBuild.call("cy_collect", [value], distinct: function.distinct) }
            return SQLBuild.call("cy_collect", [value, ordinal ?? SQLBuild.integer(0)])
        default:
            return SQLBuild.call("cy_" + name, arguments, distinct: function.distinct)
        }
    }
}

/// A projection being built: its select items, and the clauses still to add.
struct PendingProjection {
    var items: [(SQL.Expression, String?)]
    var columns: [FrameColumn]
    var from: TableReference?
    var distinct: Bool
    var groupBy: [SQL.Expression]
    var ordinal: String?
    /// A WHERE over the rows before the projection (a plain WITH's).
    var condition: SQL.Expression?

    func query(order: [OrderingTerm], limit: Limit?) -> SelectStatement {
        SQLBuild.select(items.isEmpty ? [(SQLBuild.integer(1), "one")] : items, from: from, where: condition,
                        groupBy: groupBy, distinct: distinct, orderBy: order, limit: limit)
    }
}
