/// A labelled directed multigraph: the shape Quiver compares queries by.
///
/// Nodes are numbered `0..<nodes.count` and carry one label each; edges are ordered pairs of node
/// indices with a label. Parallel edges and self-loops are allowed by the type (the edit-distance
/// search treats each ordered pair as carrying at most one edge; see ``GraphEditDistance``).
///
/// ```swift
/// let g = QueryGraph(nodes: ["Person", "Movie"], edges: [.init(0, 1, "ACTED_IN")])
/// ```
public struct QueryGraph: Hashable, Sendable {
    /// One directed, labelled edge between two node indices.
    public struct Edge: Hashable, Sendable {
        /// The index of the node the edge leaves.
        public var source: Int
        /// The index of the node the edge enters.
        public var target: Int
        /// The edge's label (a relationship type, or a structural role like `from`).
        public var label: String

        /// An edge from `source` to `target` labelled `label`.
        public init(_ source: Int, _ target: Int, _ label: String) {
            self.source = source
            self.target = target
            self.label = label
        }
    }

    /// The node labels; node `i` has label `nodes[i]`.
    public var nodes: [String]
    /// The edges, in insertion order.
    public var edges: [Edge]

    /// A graph with the given node labels and edges.
    public init(nodes: [String] = [], edges: [Edge] = []) {
        self.nodes = nodes
        self.edges = edges
    }

    /// The empty graph.
    public static let empty = QueryGraph()

    /// Adds a node labelled `label` and returns its index.
    @discardableResult
    public mutating func addNode(_ label: String) -> Int {
        nodes.append(label)
        return nodes.count - 1
    }

    /// Adds an edge from `source` to `target` labelled `label`.
    public mutating func addEdge(_ source: Int, _ target: Int, _ label: String) {
        edges.append(Edge(source, target, label))
    }

    /// The number of nodes plus the number of edges: the cost of building the graph from nothing
    /// with unit costs.
    public var size: Int { nodes.count + edges.count }

    /// The first problem that makes the graph unusable (an edge naming a missing node), or `nil`.
    public func validationProblem() -> String? {
        for (k, e) in edges.enumerated() where !(nodes.indices.contains(e.source) && nodes.indices.contains(e.target)) {
            return "edge \(k) [\(e.source), \(e.target), \"\(e.label)\"] names a node outside 0..<\(nodes.count)"
        }
        return nil
    }
}
