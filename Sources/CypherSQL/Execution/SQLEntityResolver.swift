import QuiverCore
import SQL
import SQLExecution

/// Turns result cells into values, filling in the labels, types, endpoints and properties of the
/// nodes and relationships they refer to (one query per kind for the whole result).
struct SQLEntityResolver {
    let connection: any SQLGraphConnection

    func resolve(_ rows: [[SQLValue]], columns: Int) throws(QueryError) -> [[Value]] {
        var decoded: [[Value]] = []
        decoded.reserveCapacity(rows.count)
        var nodeIDs = Set<Int>(), relationshipIDs = Set<Int>()
        for row in rows {
            var values: [Value] = []
            for cell in row.prefix(columns) {
                let value: Value
                switch cell {
                case .null: value = .null
                case .text(let text): value = try SQLValueCodec.decode(text)
                case .integer(let i): value = .int(i)
                case .real(let d): value = .float(d)
                case .blob: value = .null
                }
                Self.collect(value, &nodeIDs, &relationshipIDs)
                values.append(value)
            }
            decoded.append(values)
        }
        guard !nodeIDs.isEmpty || !relationshipIDs.isEmpty else { return decoded }
        let relationships = try fetchRelationships(relationshipIDs)
        for relationship in relationships.values { nodeIDs.insert(relationship.startID); nodeIDs.insert(relationship.endID) }
        let nodes = try fetchNodes(nodeIDs)
        return decoded.map { row in row.map { Self.fill($0, nodes, relationships) } }
    }

    static func collect(_ value: Value, _ nodes: inout Set<Int>, _ relationships: inout Set<Int>) {
        switch value {
        case .node(let node): nodes.insert(node.id)
        case .relationship(let relationship): relationships.insert(relationship.id)
        case .path(let path):
            for node in path.nodes { nodes.insert(node.id) }
            for relationship in path.relationships { relationships.insert(relationship.id) }
        case .list(let items): for item in items { collect(item, &nodes, &relationships) }
        case .map(let map): for item in map.values { collect(item, &nodes, &relationships) }
        default: break
        }
    }

    static func fill(_ value: Value, _ nodes: [Int: Node], _ relationships: [Int: Relationship]) -> Value {
        switch value {
        case .node(let node): return .node(nodes[node.id] ?? node)
        case .relationship(let relationship): return .relationship(relationships[relationship.id] ?? relationship)
        case .path(let path):
            return .path(Path(nodes: path.nodes.map { nodes[$0.id] ?? $0 },
                              relationships: path.relationships.map { relationships[$0.id] ?? $0 }))
        case .list(let items): return .list(items.map { fill($0, nodes, relationships) })
        case .map(let map): return .map(map.mapValues { fill($0, nodes, relationships) })
        default: return value
        }
    }

    /// `SELECT … FROM table t WHERE t.<idColumn> IN (ids from one bound JSON array) ORDER BY …`.
    private func byIDs(_ table: String, _ columns: [SQL.Expression], _ ids: Set<Int>, idColumn: String = "id",
                       orderBy: [SQL.Expression] = []) -> (String, [SQLValue])
    {
        let builder = StatementBuilder(dialect: connection.dialect)
        let list = builder.bind(.text("[" + ids.sorted().map(String.init).joined(separator: ",") + "]"))
        let idList: SelectStatement
        if connection.dialect == .sqlite {
            idList = SQLBuild.select([(SQLBuild.column("j", "value"), nil)], from: SQLBuild.function(SQLBuild.call("json_each", [list]), as: "j"))
        } else {
            idList = SQLBuild.select([(SQLBuild.cast(SQLBuild.column("j", "value"), "bigint"), nil)],
                                     from: SQLBuild.function(SQLBuild.call("jsonb_array_elements_text", [SQLBuild.cast(list, "jsonb")]), as: "j"))
        }
        let query = SQLBuild.select(columns.map { ($0, nil) }, from: SQLBuild.table(table, as: "t"),
                                    where: SQL.Expression(.inSubquery(SQLBuild.column("t", idColumn), idList, negated: false)),
                                    orderBy: orderBy.map { OrderingTerm(expression: $0) })
        return (connection.dialect.printer.print(query), builder.parameters)
    }

    private func fetchNodes(_ ids: Set<Int>) throws(QueryError) -> [Int: Node] {
        guard !ids.isEmpty else { return [:] }
        var nodes: [Int: Node] = [:]
        let (nodeSQL, nodeParameters) = byIDs(SQLGraphLayout.nodes, [SQLBuild.column("t", "id"), SQLBuild.column("t", "properties")], ids)
        for row in try connection.query(nodeSQL, nodeParameters, timeout: nil) {
            guard let id = row[0].integer.map(Int.init) else { continue }
            nodes[id] = Node(id: id, labels: [], properties: try Self.properties(row[1]))
        }
        let (labelSQL, labelParameters) = byIDs(SQLGraphLayout.nodeLabels, [SQLBuild.column("t", "node_id"), SQLBuild.column("t", "label")], ids,
                                                idColumn: "node_id", orderBy: [SQLBuild.column("t", "node_id"), SQLBuild.column("t", "position")])
        for row in try connection.query(labelSQL, labelParameters, timeout: nil) {
            guard let id = row[0].integer.map(Int.init), let label = row[1].text else { continue }
            nodes[id]?.labels.append(label)
        }
        return nodes
    }

    private func fetchRelationships(_ ids: Set<Int>) throws(QueryError) -> [Int: Relationship] {
        guard !ids.isEmpty else { return [:] }
        let columns = ["id", "type", "source", "target", "properties"].map { SQLBuild.column("t", $0) }
        let (sql, parameters) = byIDs(SQLGraphLayout.relationships, columns, ids)
        var relationships: [Int: Relationship] = [:]
        for row in try connection.query(sql, parameters, timeout: nil) {
            guard let id = row[0].integer.map(Int.init), let type = row[1].text, let start = row[2].integer,
                let end = row[3].integer
            else { continue }
            relationships[id] = Relationship(id: id, type: type, startID: Int(start), endID: Int(end),
                                             properties: try Self.properties(row[4]))
        }
        return relationships
    }

    static func properties(_ cell: SQLValue) throws(QueryError) -> [String: Value] {
        guard let text = cell.text, case .map(let map) = try SQLValueCodec.decode(text) else { return [:] }
        return map
    }
}
