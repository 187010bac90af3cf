import PropertyGraph
import QuiverCore
import SQLExecution

extension SQLGraph {
    /// What a bulk load wrote.
    public struct LoadSummary: Sendable, Hashable {
        /// Nodes written.
        public var nodes: Int
        /// Relationships written.
        public var relationships: Int
    }

    /// Copies every node and relationship of `store` into this graph, keeping their ids, in one
    /// transaction: SQLite through prepared statements, PostgreSQL through `COPY`; then gathers the
    /// planner's statistics (`ANALYZE`).
    ///
    /// The graph must not hold ids that `store` uses (load into a new file or schema); a clash
    /// fails the load and leaves the graph as it was.
    ///
    /// ```swift
    /// let graph = try SQLGraph(location: "sqlite:people.sqlite")
    /// let summary = try graph.load(from: store)   // summary.nodes, summary.relationships
    /// ```
    public func load(from store: GraphStore) throws(QueryError) -> LoadSummary {
        var nodes: [(Int64, String, [String])] = []
        for id in store.nodeIDs() {
            let node = store.node(id)
            nodes.append((Int64(id), try SQLValueCodec.json(.map(node.properties), for: dialect), node.labels))
        }
        var relationships: [(Int64, String, Int64, Int64, String)] = []
        for id in store.relationshipIDs() {
            let relationship = store.relationship(id)
            relationships.append((Int64(id), relationship.type, Int64(relationship.startID), Int64(relationship.endID),
                                  try SQLValueCodec.json(.map(relationship.properties), for: dialect)))
        }
        try connection.begin(writing: true)
        do {
            if let sqlite = connection as? SQLiteGraphConnection {
                try Self.insert(nodes, relationships, into: sqlite.session)
            } else if let postgres = connection as? PostgresGraphConnection {
                try Self.copy(nodes, relationships, into: postgres.session)
            }
            try connection.commit()
        } catch {
            connection.rollback()
            throw connection.translate(error, sql: "bulk load")
        }
        // Fresh statistics, so the planners start from the small side of a join (a filtered node scan,
        // then an index search of its relationships) instead of scanning every relationship.
        try connection.run(dialect == .sqlite ? "ANALYZE" : "ANALYZE nodes, node_labels, relationships", [], timeout: nil)
        return LoadSummary(nodes: nodes.count, relationships: relationships.count)
    }

    private static func insert(_ nodes: [(Int64, String, [String])], _ relationships: [(Int64, String, Int64, Int64, String)],
                               into session: SQLiteSession) throws {
        let node = try session.prepare("INSERT INTO nodes (id, properties) VALUES (?1, ?2)")
        let label = try session.prepare("INSERT INTO node_labels (node_id, label, position) VALUES (?1, ?2, ?3)")
        let relationship = try session.prepare(
            "INSERT INTO relationships (id, type, source, target, properties) VALUES (?1, ?2, ?3, ?4, ?5)")
        for (id, properties, labels) in nodes {
            try node.run([.integer(id), .text(properties)])
            for (position, name) in labels.enumerated() { try label.run([.integer(id), .text(name), .integer(Int64(position))]) }
        }
        for (id, type, source, target, properties) in relationships {
            try relationship.run([.integer(id), .text(type), .integer(source), .integer(target), .text(properties)])
        }
    }

    private static func copy(_ nodes: [(Int64, String, [String])], _ relationships: [(Int64, String, Int64, Int64, String)],
                             into session: PostgresSession) throws {
        try session.copy("COPY nodes (id, properties) FROM STDIN", lines: nodes.lazy.map { "\($0.0)\t" + copyField($0.1) })
        try session.copy("COPY node_labels (node_id, label, position) FROM STDIN", lines: nodes.lazy.flatMap { node in
            node.2.enumerated().map { "\(node.0)\t" + copyField($0.element) + "\t\($0.offset)" }
        })
        try session.copy("COPY relationships (id, type, source, target, properties) FROM STDIN", lines: relationships.lazy.map {
            "\($0.0)\t" + copyField($0.1) + "\t\($0.2)\t\($0.3)\t" + copyField($0.4)
        })
    }

    /// A field of `COPY`'s text format: backslash, tab, newline and carriage return escaped.
    static func copyField(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
