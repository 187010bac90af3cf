import Cypher
import QuiverCore
import SQL

/// A pattern compiled into FROM items and conditions over the graph's tables.
struct CompiledPattern {
    var from: [TableReference] = []
    var conditions: [SQL.Expression] = []
    /// The variables the pattern introduces, in order of appearance.
    var bindings: [(name: String, typed: Typed)] = []
    /// Property JSON of the nodes and relationships joined here.
    var properties: [String: SQL.Expression] = [:]
    /// Every relationship the pattern walks: single ids, and the trails of variable-length ones.
    var relationships: [WalkedRelationship] = []
}

/// A relationship of a pattern, for relationship uniqueness.
enum WalkedRelationship {
    case single(SQL.Expression)
    case trail(SQL.Expression)
}

extension QueryCompiler {
    /// Compiles the parts of a pattern against `scope` (its variables are bound; others are new).
    /// `seedFrame` is where a variable-length walk from a bound node takes its start nodes.
    func compilePattern(_ parts: [PatternPart], _ scope: ExpressionScope, seedFrame: Frame?) throws(QueryError)
        -> CompiledPattern
    {
        var result = CompiledPattern()
        var known = scope
        for part in parts {
            if part.selector != .all { throw SQLGraphError.unsupported("shortestPath", at: part.range.start) }
            if let quantified = part.element.steps.first(where: { $0.quantified != nil })?.quantified {
                throw SQLGraphError.unsupported("quantified path patterns with group variables, node conditions or "
                                                + "several relationships", at: quantified.range.start)
            }
            if let node = part.element.nodes.first(where: { $0.predicate != nil }) {
                throw SQLGraphError.unsupported("label expressions (|, &, !, %) and WHERE inside a node pattern",
                                                at: node.range.start)
            }
            if let relationship = part.element.relationships.first(where: { $0.predicate != nil }) {
                throw SQLGraphError.unsupported("WHERE inside a relationship pattern", at: relationship.range.start)
            }
            try compilePath(part, &result, &known, seedFrame: seedFrame)
        }
        result.conditions += uniqueness(result.relationships)
        return result
    }

    /// Pairwise relationship uniqueness over every relationship a pattern walks.
    func uniqueness(_ walked: [WalkedRelationship]) -> [SQL.Expression] {
        var conditions: [SQL.Expression] = []
        for i in walked.indices {
            for j in walked.indices where j > i {
                switch (walked[i], walked[j]) {
                case (.single(let a), .single(let b)):
                    conditions.append(SQLBuild.binary(.notEqual, a, b))
                case (.single(let id), .trail(let trail)), (.trail(let trail), .single(let id)):
                    conditions.append(trailLacks(trail, id))
                case (.trail(let a), .trail(let b)):
                    conditions.append(runtime("cy_disjoint", [a, b]))
                }
            }
        }
        return conditions
    }

    /// Whether the trail (SQLite: `,1,2,`; PostgreSQL: `bigint[]`) does not hold relationship `id`.
    func trailLacks(_ trail: SQL.Expression, _ id: SQL.Expression) -> SQL.Expression {
        if dialect == .sqlite {
            let needle = SQLBuild.binary(.concatenate, SQLBuild.binary(.concatenate, comma, id), comma)
            return SQLBuild.equal(SQLBuild.call("instr", [trail, needle]), SQLBuild.integer(0))
        }
        return SQLBuild.isNull(SQLBuild.call("array_position", [trail, id]))
    }

    var comma: SQL.Expression { SQL.Expression(.literal(.string(","))) }

    private func compilePath(_ part: PatternPart, _ result: inout CompiledPattern, _ known: inout ExpressionScope,
                             seedFrame: Frame?) throws(QueryError)
    {
        let path = part.element
        var current = try nodeID(path.start, next: path.steps.first, &result, &known)
        var pathValue: SQL.Expression? = part.variable == nil ? nil : runtime("cy_path_start", [current])
        for step in path.steps {
            let relationship = step.relationship
            if relationship.length != nil {
                let walk = try variableLength(relationship, from: current, startPattern: nodeAt(current, path, step),
                                              &result, known, seedFrame: seedFrame)
                let end = try attach(step.node, to: walk.end, &result, &known)
                if let trailsNodes = walk.nodes, let value = pathValue {
                    pathValue = runtime("cy_path_extend", [value, walk.trail, trailsNodes])
                }
                current = end
                continue
            }
            let alias = names.next("r")
            result.from.append(edgeTable(relationship.direction, alias: alias))
            let edgeID = SQLBuild.column(alias, "id")
            result.conditions.append(SQLBuild.equal(SQLBuild.column(alias, "src"), current))
            result.conditions += typeConditions(relationship.types, SQLBuild.column(alias, "type"))
            let properties = SQLBuild.column(alias, "properties")
            result.conditions += try propertyConditions(relationship.properties, properties, known)
            if let variable = relationship.variable?.name {
                if let bound = known.variables[variable] {
                    result.conditions.append(SQLBuild.equal(edgeID, asRelationshipID(bound)))
                } else {
                    let typed = Typed(sql: edgeID, kind: .relationship)
                    result.bindings.append((variable, typed))
                    known.variables[variable] = typed
                    known.properties[variable] = properties
                    result.properties[variable] = properties
                }
            }
            result.relationships.append(.single(edgeID))
            let end = try attach(step.node, to: SQLBuild.column(alias, "dst"), &result, &known)
            if let value = pathValue { pathValue = runtime("cy_path_hop", [value, edgeID, end]) }
            current = end
        }
        if let variable = part.variable?.name, let pathValue {
            let typed = Typed(sql: pathValue, kind: .value)
            result.bindings.append((variable, typed))
            known.variables[variable] = typed
        }
    }

    /// The node pattern a step starts from (for seeding a walk with its labels and properties).
    private func nodeAt(_ id: SQL.Expression, _ path: PathPattern, _ step: PatternStep) -> NodePattern? {
        guard let index = path.steps.firstIndex(of: step) else { return nil }
        return index == 0 ? path.start : path.steps[index - 1].node
    }

    /// The id expression of the first node of a path, joining `nodes` when nothing else gives it.
    private func nodeID(_ node: NodePattern, next: PatternStep?, _ result: inout CompiledPattern,
                        _ known: inout ExpressionScope) throws(QueryError) -> SQL.Expression
    {
        if let name = node.variable?.name, let bound = known.variables[name] {
            let id = asNodeID(bound)
            try constrain(node, id: id, properties: known.properties[name], &result, known)
            return id
        }
        let alias = names.next("n")
        result.from.append(SQLBuild.table(SQLGraphLayout.nodes, as: alias))
        let id = SQLBuild.column(alias, "id")
        let properties = SQLBuild.column(alias, "properties")
        try constrain(node, id: id, properties: properties, &result, known)
        bind(node, id: id, properties: properties, &result, &known)
        return id
    }

    /// The node a hop arrives at (`endpoint`): checked against a bound variable, or bound to it.
    func attach(_ node: NodePattern, to endpoint: SQL.Expression, _ result: inout CompiledPattern,
                _ known: inout ExpressionScope) throws(QueryError) -> SQL.Expression
    {
        if let name = node.variable?.name, let bound = known.variables[name] {
            let id = asNodeID(bound)
            result.conditions.append(SQLBuild.equal(endpoint, id))
            try constrain(node, id: id, properties: known.properties[name], &result, known)
            return id
        }
        var properties: SQL.Expression?
        if node.properties != nil {
            let alias = names.next("n")
            result.from.append(SQLBuild.table(SQLGraphLayout.nodes, as: alias))
            result.conditions.append(SQLBuild.equal(SQLBuild.column(alias, "id"), endpoint))
            properties = SQLBuild.column(alias, "properties")
        }
        try constrain(node, id: endpoint, properties: properties, &result, known)
        bind(node, id: endpoint, properties: properties, &result, &known)
        return endpoint
    }

    private func bind(_ node: NodePattern, id: SQL.Expression, properties: SQL.Expression?,
                      _ result: inout CompiledPattern, _ known: inout ExpressionScope)
    {
        guard let name = node.variable?.name else { return }
        let typed = Typed(sql: id, kind: .node)
        result.bindings.append((name, typed))
        known.variables[name] = typed
        if let properties {
            known.properties[name] = properties
            result.properties[name] = properties
        }
    }

    /// Label and property conditions of a node pattern on the node `id`.
    func constrain(_ node: NodePattern, id: SQL.Expression, properties: SQL.Expression?,
                   _ result: inout CompiledPattern, _ scope: ExpressionScope) throws(QueryError)
    {
        for label in node.labels { result.conditions.append(hasLabel(id, label)) }
        if node.properties != nil {
            result.conditions += try propertyConditions(node.properties, properties ?? nodeProperties(id), scope)
        }
    }

    /// `type = ?` or `type IN (?, …)`.
    func typeConditions(_ types: [String], _ column: SQL.Expression) -> [SQL.Expression] {
        switch types.count {
        case 0: return []
        case 1: return [SQLBuild.equal(column, builder.bindText(types[0]))]
        default: return [SQL.Expression(.inList(column, types.map { builder.bindText($0) }, negated: false))]
        }
    }

    /// The conditions of a `{key: value}` map (or `$param`) on a property JSON.
    func propertyConditions(_ map: Cypher.Expression?, _ properties: SQL.Expression, _ scope: ExpressionScope)
        throws(QueryError) -> [SQL.Expression]
    {
        guard let map else { return [] }
        switch map.kind {
        case .map(let entries):
            var conditions: [SQL.Expression] = []
            for entry in entries {
                let value = asValue(try compile(entry.value, scope)).sql
                conditions.append(runtime("cy_eq", [propertyOfMap(properties, entry.key), value]))
            }
            return conditions
        default:
            let value = asValue(try compile(map, scope)).sql
            return [runtime("cy_contains_map", [properties, value])]
        }
    }

    /// The relationships table in the walking direction: columns `id`, `type`, `src`, `dst`, `properties`.
    func edgeTable(_ direction: RelationshipPattern.Direction, alias: String) -> TableReference {
        let table = SQLBuild.table(SQLGraphLayout.relationships, as: "x")
        func oriented(_ source: String, _ target: String) -> SelectStatement {
            SQLBuild.select([
                (SQLBuild.column("x", "id"), "id"), (SQLBuild.column("x", "type"), "type"),
                (SQLBuild.column("x", source), "src"), (SQLBuild.column("x", target), "dst"),
                (SQLBuild.column("x", "properties"), "properties"),
            ], from: table)
        }
        switch direction {
        case .outgoing:
            return SQLBuild.derived(oriented("source", "target"), as: alias)
        case .incoming:
            return SQLBuild.derived(oriented("target", "source"), as: alias)
        case .both:
            var back = oriented("target", "source")
            if case .select(var core) = back.body {
                core.whereClause = SQLBuild.binary(.notEqual, SQLBuild.column("x", "source"), SQLBuild.column("x", "target"))
                back.body = .select(core)
            }
            return SQLBuild.derived(SelectStatement(body: .compound(.unionAll, oriented("source", "target").body, back.body)),
                                    as: alias)
        }
    }
}
