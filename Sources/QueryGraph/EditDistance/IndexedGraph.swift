/// A graph pair prepared for the edit-distance searches: labels interned to small integers shared by
/// both graphs, and an adjacency matrix of edge labels.
struct IndexedGraph: Sendable {
    /// Label id of each node.
    var nodeLabels: [Int]
    /// `edgeLabel[u * count + v]` is the label id of the edge u→v, or -1 when there is none.
    var edgeLabel: [Int]
    /// The edges as (source, target, label id), in the original order with duplicates removed.
    var edges: [(source: Int, target: Int, label: Int)]
    /// Number of nodes.
    var count: Int { nodeLabels.count }

    @inline(__always) func edge(_ u: Int, _ v: Int) -> Int { edgeLabel[u &* count &+ v] }

    /// Interns the labels of both graphs with one table, so equal strings get equal ids.
    ///
    /// A second edge on the same ordered pair replaces the first one's label, as adding an edge
    /// twice does in a networkx `DiGraph`.
    static func pair(_ g1: QueryGraph, _ g2: QueryGraph) -> (IndexedGraph, IndexedGraph, labelCount: Int, edgeLabelCount: Int) {
        var nodeIDs: [String: Int] = [:]
        var edgeIDs: [String: Int] = [:]
        func build(_ g: QueryGraph) -> IndexedGraph {
            let n = g.nodes.count
            let labels = g.nodes.map { label in
                if let id = nodeIDs[label] { return id }
                let id = nodeIDs.count
                nodeIDs[label] = id
                return id
            }
            var matrix = Array(repeating: -1, count: n * n)
            var order: [Int] = []
            for e in g.edges {
                let id: Int
                if let known = edgeIDs[e.label] {
                    id = known
                } else {
                    id = edgeIDs.count
                    edgeIDs[e.label] = id
                }
                let slot = e.source * n + e.target
                if matrix[slot] == -1 { order.append(slot) }
                matrix[slot] = id
            }
            let edges = order.map { (source: $0 / n, target: $0 % n, label: matrix[$0]) }
            return IndexedGraph(nodeLabels: labels, edgeLabel: matrix, edges: edges)
        }
        let a = build(g1)
        let b = build(g2)
        return (a, b, nodeIDs.count, edgeIDs.count)
    }
}
