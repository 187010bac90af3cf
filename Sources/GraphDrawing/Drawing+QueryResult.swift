import QuiverCore

extension Drawing {
    /// The nodes, relationships and paths anywhere in a query's rows (inside lists and maps too),
    /// each drawn once; see ``ResultDrawing``.
    ///
    /// ```swift
    /// let result = try CypherEngine.execute("MATCH p = (:Person)-[:KNOWS]->() RETURN p", on: graph)
    /// let drawing = Drawing(rows: result.rows)
    /// ```
    public init(rows: [[Value]], nodeLimit: Int = ResultDrawing.defaultNodeLimit) {
        var collector = ResultDrawing(nodeLimit: nodeLimit)
        for row in rows { collector.add(row: row) }
        self = collector.drawing
    }

    /// The caption of a graph node: its `name`, `title` or `id` property, else its first label, with its id.
    static func caption(of node: QuiverCore.Node) -> String {
        for key in ["name", "title", "id"] {
            switch node.properties[key] {
            case .string(let text)?: return shortened(text, to: 40)
            case .int(let number)?: return "\(node.labels.first ?? "node") \(number)"
            default: continue
            }
        }
        return "\(node.labels.first ?? "node") #\(node.id)"
    }

    /// Properties as hover text (strings as they are, other values as Cypher prints them), each cut to 80 characters.
    static func details(_ properties: [String: Value]) -> [String: String] {
        properties.mapValues { value in
            if case .string(let text) = value { return shortened(text, to: 80) }
            return shortened(value.description, to: 80)
        }
    }

    static func shortened(_ text: String, to length: Int) -> String {
        text.count > length ? String(text.prefix(length - 1)) + "…" : text
    }
}

/// Gathers the graph elements of a query's rows as they stream by, keeping at most `nodeLimit`
/// nodes, and draws them: a relationship whose end nodes were not returned gets them as bare
/// nodes (`#id`).
///
/// ```swift
/// var collector = ResultDrawing()
/// let handler = RowHandler(columns: { _ in }, row: { collector.add(row: $0) })
/// ```
public struct ResultDrawing: Sendable {
    /// Nodes drawn at most, unless told otherwise: more is unreadable, and heavy for a browser.
    public static let defaultNodeLimit = 500

    /// The most nodes kept.
    public let nodeLimit: Int
    private var nodes: [Drawing.Node] = []
    private var edges: [Drawing.Edge] = []
    private var seenNodes = Set<Int>()
    private var seenRelationships = Set<Int>()

    /// An empty collector keeping at most `nodeLimit` nodes.
    public init(nodeLimit: Int = defaultNodeLimit) {
        self.nodeLimit = nodeLimit
    }

    /// Takes the graph elements of one row.
    public mutating func add(row: [Value]) {
        for value in row { visit(value, depth: 0) }
    }

    /// The picture of everything gathered so far.
    public var drawing: Drawing {
        var drawing = Drawing()
        for node in nodes { drawing.add(node) }
        for edge in edges {
            for end in [edge.from, edge.to] where !drawing.contains(node: end) && drawing.nodes.count < nodeLimit {
                drawing.add(Drawing.Node(id: end, caption: "#" + end.dropFirst(), kind: "node"))
            }
            drawing.add(edge)
        }
        return drawing
    }

    /// Values nest no deeper than the engine allows; `depth` stops a pathological value anyway.
    private mutating func visit(_ value: Value, depth: Int) {
        guard depth < NestingLimit.depth else { return }
        switch value {
        case .node(let node): add(node)
        case .relationship(let relationship): add(relationship)
        case .path(let path):
            path.nodes.forEach { add($0) }
            path.relationships.forEach { add($0) }
        case .list(let items): items.forEach { visit($0, depth: depth + 1) }
        case .map(let entries): entries.keys.sorted().forEach { visit(entries[$0] ?? .null, depth: depth + 1) }
        default: break
        }
    }

    private mutating func add(_ node: QuiverCore.Node) {
        guard nodes.count < nodeLimit, seenNodes.insert(node.id).inserted else { return }
        nodes.append(Drawing.Node(id: "n\(node.id)", caption: Drawing.caption(of: node), kind: node.labels.first ?? "node",
                                  details: Drawing.details(node.properties)))
    }

    private mutating func add(_ relationship: Relationship) {
        // Edges are capped too: a result of a million relationships keeps a drawing's worth.
        guard edges.count < nodeLimit * 4, seenRelationships.insert(relationship.id).inserted else { return }
        edges.append(Drawing.Edge(from: "n\(relationship.startID)", to: "n\(relationship.endID)", label: relationship.type))
    }
}
