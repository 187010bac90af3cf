import QueryGraph

extension Drawing {
    /// Two query graphs side by side, coloured by the edit script that turns the first into the
    /// second: kept, relabelled, deleted (only in the first), inserted (only in the second); dashed
    /// lines join each node to the node it becomes. Without a mapping (an approximation only), both
    /// graphs are drawn uncoloured.
    ///
    /// ```swift
    /// let result = GraphEditDistance().compute(g1, g2)
    /// let drawing = Drawing(from: g1, to: g2, mapping: result.mapping, titles: ("prediction", "gold"))
    /// ```
    public init(from g1: QueryGraph, to g2: QueryGraph, mapping: NodeMapping?, titles: (String, String) = ("g1", "g2")) {
        self.init()
        clusters = [Cluster(id: "g1", title: titles.0), Cluster(id: "g2", title: titles.1)]
        var nodeChange1 = [Change?](repeating: nil, count: g1.nodes.count)
        var nodeChange2 = [Change?](repeating: nil, count: g2.nodes.count)
        var edgeChange1: [EdgeKey: Change] = [:], edgeChange2: [EdgeKey: Change] = [:]
        var correspondences: [(Int, Int)] = []
        for operation in mapping?.editPath(from: g1, to: g2) ?? [] {
            switch operation {
            case let .substituteNode(u, v, from, to):
                let change: Change = from == to ? .kept : .relabelled
                nodeChange1[u] = change
                nodeChange2[v] = change
                correspondences.append((u, v))
            case let .deleteNode(u, _): nodeChange1[u] = .deleted
            case let .insertNode(v, _): nodeChange2[v] = .inserted
            case let .substituteEdge(s, t, s2, t2, from, to):
                edgeChange1[EdgeKey(s, t)] = from == to ? .kept : .relabelled
                edgeChange2[EdgeKey(s2, t2)] = from == to ? .kept : .relabelled
            case let .deleteEdge(s, t, _): edgeChange1[EdgeKey(s, t)] = .deleted
            case let .insertEdge(s, t, _): edgeChange2[EdgeKey(s, t)] = .inserted
            }
        }
        add(g1, cluster: "g1", nodeChanges: nodeChange1, edgeChanges: edgeChange1)
        add(g2, cluster: "g2", nodeChanges: nodeChange2, edgeChanges: edgeChange2)
        for (u, v) in correspondences { add(Edge(from: "g1.\(u)", to: "g2.\(v)", dashed: true)) }
    }

    private mutating func add(_ graph: QueryGraph, cluster: String, nodeChanges: [Change?], edgeChanges: [EdgeKey: Change]) {
        for (index, label) in graph.nodes.enumerated() {
            add(Node(id: "\(cluster).\(index)", caption: label, kind: label, cluster: cluster, change: nodeChanges[index]))
        }
        for edge in graph.edges {
            add(Edge(from: "\(cluster).\(edge.source)", to: "\(cluster).\(edge.target)", label: edge.label,
                     change: edgeChanges[EdgeKey(edge.source, edge.target)]))
        }
    }
}

/// An ordered pair of node indices: the edit path treats each as carrying at most one edge.
private struct EdgeKey: Hashable {
    let source: Int, target: Int
    init(_ source: Int, _ target: Int) {
        self.source = source
        self.target = target
    }
}
