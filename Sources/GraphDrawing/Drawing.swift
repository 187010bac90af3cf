/// A picture of a graph, independent of how it is shown: nodes with captions and colours, directed
/// edges with labels, and optional clusters. The web explorer draws it with vis-network, and
/// ``DOTRenderer`` and ``MermaidRenderer`` print the same picture for Graphviz and Mermaid.
///
/// ```swift
/// var drawing = Drawing()
/// drawing.add(Drawing.Node(id: "a", caption: "Ann", kind: "Person"))
/// drawing.add(Drawing.Node(id: "b", caption: "Bob", kind: "Person"))
/// drawing.add(Drawing.Edge(from: "a", to: "b", label: "KNOWS"))
/// print(DOTRenderer.render(drawing))
/// ```
public struct Drawing: Sendable, Hashable, Codable {
    /// What an edit script did to a node or an edge (graph edit distance), which decides its colour.
    public enum Change: String, Sendable, Hashable, Codable, CaseIterable {
        /// Kept as it was.
        case kept
        /// Kept, with another label.
        case relabelled
        /// Only in the first graph: deleted.
        case deleted
        /// Only in the second graph: inserted.
        case inserted
    }

    /// One node: `id` is unique in the drawing; `kind` (a label, `passage`, `entity`, …) picks
    /// its colour unless `change` does.
    public struct Node: Sendable, Hashable, Codable {
        /// Unique within the drawing.
        public var id: String
        /// The text shown on the node.
        public var caption: String
        /// What sort of thing the node is: a node label, `passage`, `entity`, `seed`, ….
        public var kind: String
        /// The cluster the node is drawn in, if any (an id from ``Drawing/clusters``).
        public var cluster: String?
        /// What an edit script did to the node, if the drawing shows one.
        public var change: Change?
        /// Shown on hover in the web view: property names and values as text.
        public var details: [String: String]
        /// The fill colour, `#rrggbb`, from ``DrawingPalette``.
        public var color: String

        /// A node; its colour follows from `kind` and `change`.
        public init(
            id: String, caption: String, kind: String, cluster: String? = nil, change: Change? = nil,
            details: [String: String] = [:]
        ) {
            self.id = id
            self.caption = caption
            self.kind = kind
            self.cluster = cluster
            self.change = change
            self.details = details
            color = DrawingPalette.color(kind: kind, change: change)
        }
    }

    /// One directed edge between two nodes of the drawing.
    public struct Edge: Sendable, Hashable, Codable {
        /// The id of the node the edge leaves.
        public var from: String
        /// The id of the node the edge enters.
        public var to: String
        /// The text on the edge (a relationship type, a phrase), possibly empty.
        public var label: String
        /// What an edit script did to the edge, if the drawing shows one.
        public var change: Change?
        /// Drawn dashed: a correspondence (GED's node mapping), not a relationship.
        public var dashed: Bool
        /// The line colour, `#rrggbb`, from ``DrawingPalette``.
        public var color: String

        /// An edge; its colour follows from `change`.
        public init(from: String, to: String, label: String = "", change: Change? = nil, dashed: Bool = false) {
            self.from = from
            self.to = to
            self.label = label
            self.change = change
            self.dashed = dashed
            color = DrawingPalette.edgeColor(change: change, dashed: dashed)
        }
    }

    /// A titled group of nodes drawn together (GED's two query graphs).
    public struct Cluster: Sendable, Hashable, Codable {
        /// Unique within the drawing.
        public var id: String
        /// The cluster's caption.
        public var title: String

        /// A cluster `id` captioned `title`.
        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    /// Nodes in the order they were added.
    public private(set) var nodes: [Node] = []
    /// Edges in the order they were added.
    public private(set) var edges: [Edge] = []
    /// Clusters in the order they were added.
    public var clusters: [Cluster] = []
    /// Positions of nodes by id, so each id is added once.
    private var nodeIndex: [String: Int] = [:]

    /// An empty drawing.
    public init() {}

    /// Whether a node with this id is in the drawing.
    public func contains(node id: String) -> Bool { nodeIndex[id] != nil }

    /// Adds `node`, unless a node with its id is there already (the first one stays).
    public mutating func add(_ node: Node) {
        guard nodeIndex[node.id] == nil else { return }
        nodeIndex[node.id] = nodes.count
        nodes.append(node)
    }

    /// Adds `edge`; both ends should be nodes of the drawing (renderers skip edges whose ends are not).
    public mutating func add(_ edge: Edge) {
        edges.append(edge)
    }

    /// Edges whose two ends are nodes of the drawing: the ones renderers draw.
    public var drawableEdges: [Edge] {
        edges.filter { nodeIndex[$0.from] != nil && nodeIndex[$0.to] != nil }
    }

    enum CodingKeys: String, CodingKey { case nodes, edges, clusters }

    /// Reads a drawing written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for node in try container.decode([Node].self, forKey: .nodes) { add(node) }
        edges = try container.decode([Edge].self, forKey: .edges)
        clusters = try container.decodeIfPresent([Cluster].self, forKey: .clusters) ?? []
    }

    /// Writes `{"nodes", "edges", "clusters"}`, the shape the web explorer draws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nodes, forKey: .nodes)
        try container.encode(drawableEdges, forKey: .edges)
        try container.encode(clusters, forKey: .clusters)
    }
}
