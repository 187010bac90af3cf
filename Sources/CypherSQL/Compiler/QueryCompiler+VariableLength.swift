import Cypher
import QuiverCore
import SQL

/// A variable-length walk joined into a pattern: where it ends, its trail and (for paths) its nodes.
struct CompiledWalk {
    var end: SQL.Expression
    /// The relationships walked (SQLite: text `,1,2,`; PostgreSQL: `bigint[]`).
    var trail: SQL.Expression
    /// The nodes after the start, in the trail's representation, when a path needs them.
    var nodes: SQL.Expression?
}

extension QueryCompiler {
    /// Compiles `-[r:T*min..max]-` from the node `start` into a recursive CTE of trails (no
    /// relationship twice: openCypher's relationship uniqueness) seeded with the start nodes
    /// the rows can have, bounded by `max` (a trail cannot be longer than the graph has relationships).
    func variableLength(
        _ relationship: RelationshipPattern, from start: SQL.Expression, startPattern: NodePattern?,
        _ result: inout CompiledPattern, _ scope: ExpressionScope, seedFrame: Frame?
    ) throws(QueryError) -> CompiledWalk {
        guard let length = relationship.length else { throw SQLGraphError.unsupported("a walk without a length") }
        let minimum = Int(length.minimum ?? 1)
        let maximum = length.maximum.map { Int($0) }
        if relationship.properties.map({ if case .map = $0.kind { false } else { true } }) == true {
            throw SQLGraphError.unsupported("a parameter as the properties of a variable-length relationship",
                                            at: relationship.range.start)
        }
        let name = names.next("walk_")
        let seeds = try seedQuery(start, startPattern: startPattern, seedFrame: seedFrame, scope)
        builder.recursive = true
        let v = "v", e = "e", s = "s"
        let emptyTrail: SQL.Expression
        let firstNodes: SQL.Expression
        if dialect == .sqlite {
            emptyTrail = comma
            firstNodes = comma
        } else {
            emptyTrail = SQLBuild.cast(SQL.Expression(.literal(.string("{}"))), "bigint[]")
            firstNodes = emptyTrail
        }
        let seedSelect = SQLBuild.select([
            (SQLBuild.column(s, "id"), nil), (SQLBuild.column(s, "id"), nil), (SQLBuild.integer(0), nil),
            (emptyTrail, nil), (firstNodes, nil),
        ], from: SQLBuild.derived(seeds, as: s))
        let edgeID = SQLBuild.column(e, "id")
        let target = SQLBuild.column(e, "dst")
        var conditions = [SQLBuild.equal(SQLBuild.column(e, "src"), SQLBuild.column(v, "node")),
                          trailLacks(SQLBuild.column(v, "trail"), edgeID)]
        conditions += typeConditions(relationship.types, SQLBuild.column(e, "type"))
        conditions += try propertyConditions(relationship.properties, SQLBuild.column(e, "properties"), scope)
        if let maximum {
            conditions.append(SQLBuild.binary(.lessThan, SQLBuild.column(v, "depth"), builder.bindInteger(maximum)))
        }
        let stepSelect = SQLBuild.select([
            (SQLBuild.column(v, "start"), nil), (target, nil),
            (SQLBuild.binary(.add, SQLBuild.column(v, "depth"), SQLBuild.integer(1)), nil),
            (append(SQLBuild.column(v, "trail"), edgeID), nil),
            (append(SQLBuild.column(v, "nodes"), target), nil),
        ], from: SQLBuild.crossJoin([SQLBuild.table(name, as: v), edgeTable(relationship.direction, alias: e)]),
           where: SQLBuild.and(conditions))
        builder.addCTE(name, columns: ["start", "node", "depth", "trail", "nodes"],
                       SelectStatement(body: .compound(.unionAll, seedSelect.body, stepSelect.body)))
        let alias = names.next("w")
        result.from.append(SQLBuild.table(name, as: alias))
        result.conditions.append(SQLBuild.equal(SQLBuild.column(alias, "start"), start))
        if minimum > 0 {
            result.conditions.append(SQLBuild.binary(.greaterThanOrEqual, SQLBuild.column(alias, "depth"),
                                                     builder.bindInteger(minimum)))
        }
        let trail = SQLBuild.column(alias, "trail")
        result.relationships.append(.trail(trail))
        if let variable = relationship.variable?.name {
            if let bound = scope.variables[variable] {
                result.conditions.append(runtime("cy_eq", [runtime("cy_rel_list", [trail]), asValue(bound).sql]))
            } else {
                result.bindings.append((variable, Typed(sql: runtime("cy_rel_list", [trail]), kind: .value)))
            }
        }
        return CompiledWalk(end: SQLBuild.column(alias, "node"), trail: trail, nodes: SQLBuild.column(alias, "nodes"))
    }

    /// Whether `expression` is built from literals and parameters only (it can go anywhere in a statement).
    static func isConstant(_ expression: Cypher.Expression) -> Bool {
        switch expression.kind {
        case .literal, .parameter: return true
        case .list(let items): return items.allSatisfy(isConstant)
        case .map(let entries): return entries.allSatisfy { isConstant($0.value) }
        default: return false
        }
    }

    /// `trail` with `id` appended.
    private func append(_ trail: SQL.Expression, _ id: SQL.Expression) -> SQL.Expression {
        if dialect == .sqlite { return SQLBuild.binary(.concatenate, SQLBuild.binary(.concatenate, trail, id), comma) }
        return SQLBuild.binary(.concatenate, trail, id)
    }

    /// The start nodes a walk can have: the distinct values of a frame column when the start is
    /// bound there, else the nodes its own labels and properties allow.
    private func seedQuery(_ start: SQL.Expression, startPattern: NodePattern?, seedFrame: Frame?,
                           _ scope: ExpressionScope) throws(QueryError) -> SelectStatement
    {
        if let frame = seedFrame, let table = frame.table, case .column(let reference) = start.kind,
            let column = frame.columns.first(where: { $0.column == reference.column.name && $0.kind == .node })
        {
            let alias = names.next("f")
            let id = SQLBuild.column(alias, column.column)
            return SQLBuild.select([(id, "id")], from: SQLBuild.table(table, as: alias),
                                   where: SQLBuild.isNull(id, negated: true), distinct: true)
        }
        let alias = names.next("n")
        var pattern = CompiledPattern()
        let id = SQLBuild.column(alias, "id")
        if let node = startPattern {
            var unbound = node
            unbound.variable = nil
            if let map = node.properties, !Self.isConstant(map) { unbound.properties = nil }
            try constrain(unbound, id: id, properties: SQLBuild.column(alias, "properties"), &pattern, scope)
            if let name = node.variable?.name, seedFrame?.column(name) == nil {
                var own = ExpressionScope()
                own.variables[name] = Typed(sql: id, kind: .node)
                own.properties[name] = SQLBuild.column(alias, "properties")
                for conjunct in seedConjuncts(of: seedPredicate, reading: name) {
                    pattern.conditions.append(asBoolean(try compile(conjunct, own), operator: "WHERE"))
                }
            }
        }
        return SQLBuild.select([(id, "id")], from: SQLBuild.table(SQLGraphLayout.nodes, as: alias),
                               where: SQLBuild.and(pattern.conditions))
    }
}
