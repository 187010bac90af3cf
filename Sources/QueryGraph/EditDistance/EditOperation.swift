/// One step of an edit path that turns g1 into g2.
public enum EditOperation: Hashable, Sendable, CustomStringConvertible {
    /// g1's node `node` becomes g2's node `into` (relabelled when the labels differ).
    case substituteNode(node: Int, into: Int, from: String, to: String)
    /// g1's node `node` is deleted.
    case deleteNode(node: Int, label: String)
    /// g2's node `node` is inserted.
    case insertNode(node: Int, label: String)
    /// g1's edge becomes g2's edge (relabelled when the labels differ).
    case substituteEdge(source: Int, target: Int, intoSource: Int, intoTarget: Int, from: String, to: String)
    /// g1's edge is deleted.
    case deleteEdge(source: Int, target: Int, label: String)
    /// g2's edge is inserted.
    case insertEdge(source: Int, target: Int, label: String)

    /// The cost of this step under the given prices.
    public func cost(_ costs: EditCosts) -> Double {
        switch self {
        case let .substituteNode(_, _, from, to): return from == to ? 0 : costs.nodeRelabel
        case .deleteNode: return costs.nodeDeletion
        case .insertNode: return costs.nodeInsertion
        case let .substituteEdge(_, _, _, _, from, to): return from == to ? 0 : costs.edgeRelabel
        case .deleteEdge: return costs.edgeDeletion
        case .insertEdge: return costs.edgeInsertion
        }
    }

    /// A one-line rendering, e.g. `relabel node 0 (Person) -> 2 (Movie)`.
    public var description: String {
        switch self {
        case let .substituteNode(u, v, from, to):
            return from == to ? "keep node \(u) (\(from)) -> \(v)" : "relabel node \(u) (\(from)) -> \(v) (\(to))"
        case let .deleteNode(u, label): return "delete node \(u) (\(label))"
        case let .insertNode(v, label): return "insert node \(v) (\(label))"
        case let .substituteEdge(s, t, s2, t2, from, to):
            let head = "edge \(s)->\(t) (\(from)) -> \(s2)->\(t2)"
            return from == to ? "keep \(head)" : "relabel \(head) (\(to))"
        case let .deleteEdge(s, t, label): return "delete edge \(s)->\(t) (\(label))"
        case let .insertEdge(s, t, label): return "insert edge \(s)->\(t) (\(label))"
        }
    }
}

extension NodeMapping {
    /// The full edit path this mapping induces: node operations, then edge operations.
    public func editPath(from g1: QueryGraph, to g2: QueryGraph) -> [EditOperation] {
        var ops: [EditOperation] = []
        var preimage = Array(repeating: -1, count: g2.nodes.count)
        for (u, v) in target.enumerated() {
            if let v {
                preimage[v] = u
                ops.append(.substituteNode(node: u, into: v, from: g1.nodes[u], to: g2.nodes[v]))
            } else {
                ops.append(.deleteNode(node: u, label: g1.nodes[u]))
            }
        }
        for v in g2.nodes.indices where preimage[v] < 0 { ops.append(.insertNode(node: v, label: g2.nodes[v])) }
        var g2Edges: [Int: String] = [:]
        let n2 = g2.nodes.count
        for e in g2.edges { g2Edges[e.source * n2 + e.target] = e.label }
        var g1Edges: [Int: String] = [:]
        let n1 = g1.nodes.count
        for e in g1.edges { g1Edges[e.source * n1 + e.target] = e.label }
        var seen = Set<Int>()
        for e in g1.edges where seen.insert(e.source * n1 + e.target).inserted {
            let label = g1Edges[e.source * n1 + e.target] ?? e.label
            if let s = target[e.source], let t = target[e.target], let to = g2Edges[s * n2 + t] {
                ops.append(.substituteEdge(source: e.source, target: e.target, intoSource: s, intoTarget: t, from: label, to: to))
            } else {
                ops.append(.deleteEdge(source: e.source, target: e.target, label: label))
            }
        }
        seen.removeAll()
        for e in g2.edges where seen.insert(e.source * n2 + e.target).inserted {
            let s = preimage[e.source], t = preimage[e.target]
            if !(s >= 0 && t >= 0 && g1Edges[s * n1 + t] != nil) {
                ops.append(.insertEdge(source: e.source, target: e.target, label: g2Edges[e.source * n2 + e.target] ?? e.label))
            }
        }
        return ops
    }
}
