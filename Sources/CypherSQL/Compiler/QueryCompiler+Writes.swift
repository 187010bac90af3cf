import Cypher
import QuiverCore
import SQL
import SQLExecution

extension QueryCompiler {
    /// Builds one statement with a builder of its own. `row(alias)` gives `alias._r = ?` and
    /// records the parameter, so a MERGE can run the statement once per row.
    func standalone(_ body: (_ row: (String) -> SQL.Expression) throws(QueryError) -> SQLStatement) throws(QueryError)
        -> RowStatement
    {
        let saved = builder
        builder = StatementBuilder(dialect: dialect)
        defer { builder = saved }
        var rowParameters: [Int] = []
        let statement = try body { alias in
            let parameter = self.builder.bindInteger(0)
            rowParameters.append(self.builder.parameters.count - 1)
            return SQLBuild.equal(SQLBuild.column(alias, SQLGraphLayout.rowColumn), parameter)
        }
        if !builder.ctes.isEmpty {
            if case .insert(var insert) = statement {
                insert.source = builder.finish(insert.source)
                return RowStatement(statement: .insert(insert), parameters: builder.parameters, rowParameters: rowParameters)
            }
            throw SQLGraphError.unsupported("variable-length patterns inside SET, REMOVE or DELETE")
        }
        return RowStatement(statement: statement, parameters: builder.parameters, rowParameters: rowParameters)
    }

    /// Emits `statement` as a plain step (no row filter), or keeps it for a per-row loop.
    func emit(_ statement: RowStatement, into perRow: inout [RowStatement]?) {
        if perRow != nil {
            perRow?.append(statement)
        } else {
            steps.append(.run(statement.statement, statement.parameters))
        }
    }

    // MARK: CREATE

    func compileCreate(_ pattern: Pattern, after frame: Frame) throws(QueryError) -> Frame {
        let input = try materialize(frame)
        var none: [RowStatement]?
        return try create(pattern.parts, on: input, filtered: false, into: &none)
    }

    /// Creates the unbound nodes and relationships of `parts` for every row of `input` (a table
    /// numbered in `_r`), or for one row when `filtered`; returns the frame with the new variables.
    func create(_ parts: [PatternPart], on input: Frame, filtered: Bool, into perRow: inout [RowStatement]?)
        throws(QueryError) -> Frame
    {
        guard let inputTable = input.table else { throw SQLGraphError.unsupported("CREATE without rows") }
        var plan = CreatePlan()
        var known = Set(input.columns.map(\.name))
        for part in parts {
            let path = part.element
            var nodes: [String] = []
            for node in path.nodes { nodes.append(plan.node(node, input: input, known: &known, names: names)) }
            for (index, step) in path.steps.enumerated() {
                let left = nodes[index], right = nodes[index + 1]
                let (source, target) = step.relationship.direction == .incoming ? (right, left) : (left, right)
                plan.relationship(step.relationship, source: source, target: target, names: names, known: &known)
            }
            if let variable = part.variable?.name {
                plan.paths.append((variable, nodes, plan.relationships.suffix(path.steps.count).map(\.column)))
            }
        }
        let table = names.next("created_")
        let created = try standalone { row throws(QueryError) in
            let f = "f", nb = "nb", rb = "rb"
            var items = input.passThrough(alias: f)
            let scope = input.scope(alias: f)
            for (column, name) in plan.boundEndpoints {
                guard let typed = scope.variables[name] else { continue }
                items.append((asNodeID(typed), column))
            }
            let rowOffset = SQLBuild.binary(.subtract, SQLBuild.column(f, SQLGraphLayout.rowColumn), SQLBuild.integer(1))
            for (index, node) in plan.newNodes.enumerated() {
                let id = SQLBuild.binary(.add, SQLBuild.binary(.add, SQLBuild.column(nb, "b"),
                                                               SQLBuild.binary(.multiply, rowOffset, SQLBuild.integer(plan.newNodes.count))),
                                         SQLBuild.integer(index))
                items.append((id, node.column))
            }
            for (index, relationship) in plan.relationships.enumerated() {
                let id = SQLBuild.binary(.add, SQLBuild.binary(.add, SQLBuild.column(rb, "b"),
                                                               SQLBuild.binary(.multiply, rowOffset, SQLBuild.integer(plan.relationships.count))),
                                         SQLBuild.integer(index))
                items.append((id, relationship.column))
            }
            let from = SQLBuild.crossJoin([
                SQLBuild.table(inputTable, as: f),
                SQLBuild.derived(nextID(SQLGraphLayout.nodes), as: nb),
                SQLBuild.derived(nextID(SQLGraphLayout.relationships), as: rb),
            ])
            return .createTableAs(CreateTableAsStatement(
                name: Identifier(table), query: SQLBuild.select(items, from: from, where: filtered ? row(f) : nil)))
        }
        emit(created, into: &perRow)
        if perRow == nil { temporaryTables.append(table) }
        var output = input
        output.table = table
        for node in plan.newNodes where node.name != nil {
            output.columns.append(FrameColumn(name: node.name ?? "", column: node.column, kind: .node))
        }
        for relationship in plan.relationships where relationship.name != nil {
            output.columns.append(FrameColumn(name: relationship.name ?? "", column: relationship.column, kind: .relationship))
        }
        let columnsOfNames = Dictionary(output.columns.map { ($0.name, $0.column) }, uniquingKeysWith: { a, _ in a })
        let allColumns = plan.columns(input: input, named: columnsOfNames)
        for node in plan.newNodes {
            emit(try insertNode(node, from: table, output: output), into: &perRow)
            for (position, label) in node.pattern.labels.enumerated() {
                emit(try standalone { _ throws(QueryError) in
                    .insert(InsertStatement(
                        table: Identifier(SQLGraphLayout.nodeLabels),
                        columns: [Identifier("node_id"), Identifier("label"), Identifier("position")],
                        source: SQLBuild.select([(SQLBuild.column("g", node.column), nil), (builder.bindText(label), nil),
                                                 (SQLBuild.integer(position), nil)], from: SQLBuild.table(table, as: "g"))))
                }, into: &perRow)
            }
        }
        for relationship in plan.relationships {
            guard let source = allColumns[relationship.source], let target = allColumns[relationship.target] else { continue }
            let check = SQLBuild.select([(SQLBuild.integer(1), nil)], from: SQLBuild.table(table, as: "g"),
                                        where: SQLBuild.or([SQLBuild.isNull(SQLBuild.column("g", source)),
                                                            SQLBuild.isNull(SQLBuild.column("g", target))]))
            if perRow == nil {
                steps.append(.check(check, [], failWith: QueryError(
                    .semanticError, code: "CreateRelationshipWithNullNode", phase: .runtime,
                    message: "cannot create a relationship to or from a null node")))
            }
            emit(try standalone { _ throws(QueryError) in
                let scope = output.scope(alias: "g")
                let properties = try propertiesValue(relationship.pattern.properties, scope)
                return .insert(InsertStatement(
                    table: Identifier(SQLGraphLayout.relationships),
                    columns: ["id", "type", "source", "target", "properties"].map { Identifier($0) },
                    source: SQLBuild.select([
                        (SQLBuild.column("g", relationship.column), nil),
                        (builder.bindText(relationship.pattern.types.first ?? ""), nil),
                        (SQLBuild.column("g", source), nil), (SQLBuild.column("g", target), nil), (properties, nil),
                    ], from: SQLBuild.table(table, as: "g"),
                       where: SQLBuild.and([SQLBuild.isNull(SQLBuild.column("g", source), negated: true),
                                            SQLBuild.isNull(SQLBuild.column("g", target), negated: true)]))))
            }, into: &perRow)
        }
        if plan.paths.isEmpty { return output }
        let alias = names.next("p")
        var items = output.passThrough(alias: alias)
        var columns = output.columns
        for (name, nodes, relationships) in plan.paths {
            var value = runtime("cy_path_start", [SQLBuild.column(alias, allColumns[nodes[0]] ?? "")])
            for (index, relationship) in relationships.enumerated() {
                value = runtime("cy_path_hop", [value, SQLBuild.column(alias, relationship),
                                                SQLBuild.column(alias, allColumns[nodes[index + 1]] ?? "")])
            }
            let column = names.next("c")
            items.append((value, column))
            columns.append(FrameColumn(name: name, column: column, kind: .value))
        }
        if perRow != nil { throw SQLGraphError.unsupported("a named path in MERGE") }
        return addFrame(SQLBuild.select(items, from: SQLBuild.table(table, as: alias)), columns: columns, ordinal: output.ordinal)
    }

    /// The stored properties of a created entity: its pattern's map checked, or `{}`.
    private func propertiesValue(_ map: Cypher.Expression?, _ scope: ExpressionScope) throws(QueryError) -> SQL.Expression {
        guard let map else { return try builder.bindValue(.map([:])) }
        return runtime("cy_props", [asValue(try compile(map, scope)).sql])
    }

    /// `(SELECT coalesce(max(id), 0) + 1 AS b FROM table)`: the first free id.
    private func nextID(_ table: String) -> SelectStatement {
        SQLBuild.select([(SQLBuild.binary(.add, SQLBuild.call("coalesce", [SQLBuild.call("max", [SQLBuild.column(nil, "id")]),
                                                                             SQLBuild.integer(0)]), SQLBuild.integer(1)), "b")],
                        from: SQLBuild.table(table))
    }

    private func insertNode(_ node: CreatePlan.NewNode, from table: String, output: Frame) throws(QueryError) -> RowStatement {
        try standalone { _ throws(QueryError) in
            let scope = output.scope(alias: "g")
            let properties = try propertiesValue(node.pattern.properties, scope)
            return .insert(InsertStatement(
                table: Identifier(SQLGraphLayout.nodes), columns: [Identifier("id"), Identifier("properties")],
                source: SQLBuild.select([(SQLBuild.column("g", node.column), nil), (properties, nil)],
                                        from: SQLBuild.table(table, as: "g"))))
        }
    }
}

/// What a CREATE makes: new nodes and relationships, each with its column in the created table.
struct CreatePlan {
    struct NewNode {
        var pattern: NodePattern
        var name: String?
        var column: String
    }
    struct NewRelationship {
        var pattern: RelationshipPattern
        var name: String?
        var column: String
        /// Keys into ``columns(input:named:)`` of the two endpoints.
        var source: String
        var target: String
    }
    var newNodes: [NewNode] = []
    var relationships: [NewRelationship] = []
    /// Columns computing the ids of bound endpoints, by the variable they come from.
    var boundEndpoints: [(column: String, name: String)] = []
    var paths: [(String, [String], [String])] = []

    /// The key of a node of the pattern: a new node's column, or `bound:<name>`.
    mutating func node(_ node: NodePattern, input: Frame, known: inout Set<String>, names: NameSource) -> String {
        if let name = node.variable?.name {
            if input.column(name) != nil {
                if let existing = boundEndpoints.first(where: { $0.name == name }) { return existing.column }
                let column = names.next("b")
                boundEndpoints.append((column, name))
                return column
            }
            if let existing = newNodes.first(where: { $0.name == name }) { return existing.column }
        }
        let column = names.next("n")
        newNodes.append(NewNode(pattern: node, name: node.variable?.name, column: column))
        if let name = node.variable?.name { known.insert(name) }
        return column
    }

    mutating func relationship(_ pattern: RelationshipPattern, source: String, target: String, names: NameSource,
                               known: inout Set<String>)
    {
        relationships.append(NewRelationship(pattern: pattern, name: pattern.variable?.name, column: names.next("r"),
                                             source: source, target: target))
        if let name = pattern.variable?.name { known.insert(name) }
    }

    /// Endpoint keys to columns of the created table (every key is already a column name).
    func columns(input: Frame, named: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for node in newNodes { result[node.column] = node.column }
        for endpoint in boundEndpoints { result[endpoint.column] = endpoint.column }
        return result
    }
}
