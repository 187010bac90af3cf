import Cypher
import QuiverCore
import SQL
import SQLExecution

extension QueryCompiler {
    /// The table holding entities of `kind` and how a frame expression gives their ids.
    private func entityTarget(_ typed: Typed) -> [(table: String, id: SQL.Expression)] {
        switch typed.kind {
        case .node: return [(SQLGraphLayout.nodes, typed.sql)]
        case .relationship: return [(SQLGraphLayout.relationships, typed.sql)]
        case .value, .boolean:
            let value = asValue(typed).sql
            let kind = runtime("cy_kind", [value])
            return [
                (SQLGraphLayout.nodes, SQLBuild.caseWhen([(SQLBuild.equal(kind, builder.bindText("node")),
                                                           runtime("cy_node_id", [value]))], otherwise: nil)),
                (SQLGraphLayout.relationships, SQLBuild.caseWhen([(SQLBuild.equal(kind, builder.bindText("relationship")),
                                                                   runtime("cy_rel_id", [value]))], otherwise: nil)),
            ]
        }
    }

    /// `UPDATE table SET properties = (SELECT change FROM frame s WHERE id(s) = table.id ORDER BY _r DESC LIMIT 1)
    ///  WHERE id IN (SELECT id(s) FROM frame s)`: the last row's value wins, as when rows run in order.
    private func updateProperties(
        on frame: Frame, filtered: Bool, target: Cypher.Expression,
        change: @escaping (_ current: SQL.Expression, _ scope: ExpressionScope) throws(QueryError) -> SQL.Expression
    ) throws(QueryError) -> [RowStatement] {
        guard let table = frame.table else { return [] }
        var statements: [RowStatement] = []
        for index in 0..<2 {
            let statement = try standalone { row throws(QueryError) -> SQLStatement in
                let s = "s", t = "t"
                let scope = frame.scope(alias: s)
                let targets = entityTarget(try compile(target, scope))
                guard index < targets.count else { return .dropTable(Identifier("__none__")) }
                let (entityTable, id) = targets[index]
                let current = SQLBuild.column(entityTable, "properties")
                let value = try change(current, scope)
                var conditions = [SQLBuild.equal(id, SQLBuild.column(entityTable, "id"))]
                if filtered { conditions.append(row(s)) }
                let pick = SQLBuild.select(
                    [(value, nil)], from: SQLBuild.table(table, as: s), where: SQLBuild.and(conditions),
                    orderBy: [OrderingTerm(expression: SQLBuild.column(s, SQLGraphLayout.rowColumn), direction: .descending)],
                    limit: Limit(count: SQLBuild.integer(1)))
                let idsScope = frame.scope(alias: t)
                let idsTargets = entityTarget(try compile(target, idsScope))
                let ids = SQLBuild.select([(idsTargets[min(index, idsTargets.count - 1)].id, nil)],
                                          from: SQLBuild.table(table, as: t), where: filtered ? row(t) : nil)
                return .update(UpdateStatement(
                    table: Identifier(entityTable), assignments: [.init(column: Identifier("properties"), value: SQLBuild.subquery(pick))],
                    whereClause: SQL.Expression(.inSubquery(SQLBuild.column(entityTable, "id"), ids, negated: false))))
            }
            if case .dropTable = statement.statement { break }
            statements.append(statement)
        }
        return statements
    }

    /// The property map a value sets: a map's entries, or a node's or relationship's properties.
    private func propertyMap(_ typed: Typed) -> SQL.Expression {
        switch typed.kind {
        case .node: nodeProperties(typed.sql)
        case .relationship: relationshipProperties(typed.sql)
        default: entityAware(typed) { self.runtime("cy_as_map", [$0]) }
        }
    }

    /// SET one item over the rows of `frame` (a table numbered in `_r`); `perRow` collects MERGE's per-row statements.
    func compileSetItem(_ item: SetItem, on frame: Frame, rowFilter filtered: Bool, into perRow: inout [RowStatement]?)
        throws(QueryError)
    {
        let statements: [RowStatement]
        switch item.kind {
        case .property(let target, let key, let value):
            statements = try updateProperties(on: frame, filtered: filtered, target: target) { current, scope throws(QueryError) in
                self.runtime("cy_set_prop", [current, self.builder.bindText(key), self.asValue(try self.compile(value, scope)).sql])
            }
        case .replaceProperties(let variable, let value):
            let target = Cypher.Expression(.variable(variable.name), range: variable.range)
            statements = try updateProperties(on: frame, filtered: filtered, target: target) { _, scope throws(QueryError) in
                self.runtime("cy_props", [self.propertyMap(try self.compile(value, scope))])
            }
        case .mergeProperties(let variable, let value):
            let target = Cypher.Expression(.variable(variable.name), range: variable.range)
            statements = try updateProperties(on: frame, filtered: filtered, target: target) { current, scope throws(QueryError) in
                self.runtime("cy_merge_props", [current, self.propertyMap(try self.compile(value, scope))])
            }
        case .labels(let variable, let labels):
            var made: [RowStatement] = []
            for label in labels {
                made.append(try standalone { row throws(QueryError) in
                    guard let table = frame.table else { throw SQLGraphError.unsupported("SET without rows") }
                    let s = "s"
                    let target = try compile(Cypher.Expression(.variable(variable.name), range: variable.range),
                                             frame.scope(alias: s))
                    let id = asNodeID(target)
                    let labelText = builder.bindText(label)
                    let existing = names.next("l")
                    let position = SQLBuild.subquery(SQLBuild.select(
                        [(SQLBuild.binary(.add, SQLBuild.call("coalesce", [SQLBuild.call("max", [SQLBuild.column(existing, "position")]),
                                                                            SQLBuild.integer(-1)]), SQLBuild.integer(1)), nil)],
                        from: SQLBuild.table(SQLGraphLayout.nodeLabels, as: existing),
                        where: SQLBuild.equal(SQLBuild.column(existing, "node_id"), id)))
                    var conditions = [SQLBuild.isNull(id, negated: true), SQLBuild.not(hasLabel(id, label))]
                    if filtered { conditions.append(row(s)) }
                    return .insert(InsertStatement(
                        table: Identifier(SQLGraphLayout.nodeLabels),
                        columns: [Identifier("node_id"), Identifier("label"), Identifier("position")],
                        source: SQLBuild.select([(id, nil), (labelText, nil), (position, nil)],
                                                from: SQLBuild.table(table, as: s), where: SQLBuild.and(conditions),
                                                distinct: true)))
                })
            }
            statements = made
        }
        for statement in statements { emit(statement, into: &perRow) }
    }

    func compileSetItem(_ item: SetItem, on frame: Frame, rowFilter: Bool?) throws(QueryError) {
        var none: [RowStatement]?
        try compileSetItem(item, on: frame, rowFilter: false, into: &none)
    }

    func compileRemoveItem(_ item: RemoveItem, on frame: Frame) throws(QueryError) {
        var none: [RowStatement]?
        switch item.kind {
        case .property(let target, let key):
            for statement in try updateProperties(on: frame, filtered: false, target: target, change: { current, _ in
                self.runtime("cy_remove_prop", [current, self.builder.bindText(key)])
            }) {
                emit(statement, into: &none)
            }
        case .labels(let variable, let labels):
            for label in labels {
                emit(try standalone { _ throws(QueryError) in
                    guard let table = frame.table else { throw SQLGraphError.unsupported("REMOVE without rows") }
                    let s = "s"
                    let target = try compile(Cypher.Expression(.variable(variable.name), range: variable.range),
                                             frame.scope(alias: s))
                    let ids = SQLBuild.select([(asNodeID(target), nil)], from: SQLBuild.table(table, as: s))
                    return .delete(DeleteStatement(
                        table: Identifier(SQLGraphLayout.nodeLabels),
                        whereClause: SQLBuild.and([
                            SQLBuild.equal(SQLBuild.column(SQLGraphLayout.nodeLabels, "label"), builder.bindText(label)),
                            SQL.Expression(.inSubquery(SQLBuild.column(SQLGraphLayout.nodeLabels, "node_id"), ids, negated: false)),
                        ])))
                }, into: &none)
            }
        }
    }

    // MARK: DELETE

    func compileDelete(_ delete: Delete, after frame: Frame) throws(QueryError) -> Frame {
        let input = try materialize(frame)
        guard let table = input.table else { return input }
        if !deletesNodes {
            deletesNodes = true
            let empty = SQLBuild.select([(SQLBuild.column("x", "id"), "id")], from: SQLBuild.table(SQLGraphLayout.nodes, as: "x"),
                                        where: SQLBuild.binary(.equal, SQLBuild.integer(1), SQLBuild.integer(0)))
            steps.insert(.run(.createTableAs(CreateTableAsStatement(name: Identifier(SQLGraphLayout.deletedNodes), query: empty)), []),
                         at: 0)
            temporaryTables.append(SQLGraphLayout.deletedNodes)
        }
        for expression in delete.expressions {
            // Relationships first (a path's, or the expression's), then nodes.
            for wanted in ["relationship", "node"] {
                let statement = try standalone { _ throws(QueryError) in
                    let s = "s"
                    let typed = try compile(expression, input.scope(alias: s))
                    let ids = try entityIDs(typed, kind: wanted, from: SQLBuild.table(table, as: s))
                    if wanted == "relationship" {
                        return .delete(DeleteStatement(
                            table: Identifier(SQLGraphLayout.relationships),
                            whereClause: SQL.Expression(.inSubquery(SQLBuild.column(SQLGraphLayout.relationships, "id"), ids,
                                                                    negated: false))))
                    }
                    return .insert(InsertStatement(table: Identifier(SQLGraphLayout.deletedNodes), columns: [Identifier("id")],
                                                   source: ids))
                }
                steps.append(.run(statement.statement, statement.parameters))
            }
        }
        let deleted = deletedNodesQuery
        if delete.detach {
            steps.append(.run(.delete(DeleteStatement(
                table: Identifier(SQLGraphLayout.relationships),
                whereClause: SQLBuild.or([
                    SQL.Expression(.inSubquery(SQLBuild.column(SQLGraphLayout.relationships, "source"), deleted, negated: false)),
                    SQL.Expression(.inSubquery(SQLBuild.column(SQLGraphLayout.relationships, "target"), deleted, negated: false)),
                ]))), []))
        }
        steps.append(.run(.delete(DeleteStatement(
            table: Identifier(SQLGraphLayout.nodeLabels),
            whereClause: SQL.Expression(.inSubquery(SQLBuild.column(SQLGraphLayout.nodeLabels, "node_id"), deleted, negated: false)))), []))
        steps.append(.run(.delete(DeleteStatement(
            table: Identifier(SQLGraphLayout.nodes),
            whereClause: SQL.Expression(.inSubquery(SQLBuild.column(SQLGraphLayout.nodes, "id"), deleted, negated: false)))), []))
        return input
    }

    /// `SELECT id FROM rows` of the nodes or relationships a deleted expression names (a path names both).
    private func entityIDs(_ typed: Typed, kind: String, from rows: TableReference) throws(QueryError) -> SelectStatement {
        switch (typed.kind, kind) {
        case (.node, "node"), (.relationship, "relationship"):
            return SQLBuild.select([(typed.sql, nil)], from: rows, where: SQLBuild.isNull(typed.sql, negated: true))
        case (.node, _), (.relationship, _):
            let none = dialect == .postgres ? SQLBuild.cast(SQLBuild.null, "bigint") : SQLBuild.null
            return SQLBuild.select([(none, nil)], from: rows, where: SQLBuild.falseValue)
        default:
            let list = runtime("cy_entity_ids", [asValue(typed).sql, builder.bindText(kind)])
            let each = names.next("e")
            let elements = self.elements(ofColumn: list, joinedTo: rows, each: each)
            let id = dialect == .sqlite ? SQLBuild.column(each, "value")
                : SQLBuild.cast(SQLBuild.cast(elements.element, "text"), "bigint")
            return SQLBuild.select([(id, nil)], from: elements.from)
        }
    }
}
