import PropertyGraph
import QuiverCore

/// `SHORTEST k` and `SHORTEST k GROUPS` between two nodes: trails (no relationship twice, Neo4j's
/// default match mode) of one relationship pattern, found by increasing length.
///
/// A breadth-first search backwards from the end node gives each node's distance to it. Then each
/// length from the shortest up is searched depth-first (an explicit stack, so long trails cannot
/// overflow the call stack), following only relationships whose far node can still reach the end in
/// the hops left. The search stops with k paths (or k lengths that have paths), at the pattern's upper
/// bound, or once no trail from the start is as long as the length tried. Every step ticks the
/// query's timeout; adjacency, distances and results are held against its memory budget.
struct KShortestTrails {
    private let finder: ShortestPathFinder
    private let row: [Value]
    private let context: ExecutionContext
    private let held: MemoryReservation
    /// The pattern's relationships at each node reached so far, with the node across.
    private var adjacency: [Int: [(relationship: Int, node: Int)]] = [:]
    private var heldBytes = 0

    init(_ finder: ShortestPathFinder, _ row: [Value], _ context: ExecutionContext) {
        self.finder = finder
        self.row = row
        self.context = context
        held = context.memory.track("a SHORTEST k search")
    }

    /// The `count` shortest trails from `a` to `b` (with `groups`, every trail of the `count` shortest lengths).
    mutating func search(from a: Node, to b: Int, count: Int, groups: Bool) throws(QueryError) -> [Path] {
        defer { held.release() }
        let distance = try distances(to: b)
        guard let shortest = distance[a.id] else { return [] }
        var results: [Path] = []
        var lengthsFound = 0
        var length = max(finder.minimum, shortest)
        while length <= finder.maximum {
            let wanted = groups ? Int.max : count - results.count
            let (found, longerExist) = try trails(from: a, to: b, length: length, distance, limit: wanted)
            if !found.isEmpty {
                results += found
                lengthsFound += 1
            }
            if groups ? lengthsFound == count : results.count >= count { break }
            if !longerExist { break }
            length += 1
        }
        return results
    }

    /// Every node's hop count to `end`, walking the pattern backwards, up to the pattern's upper bound.
    private mutating func distances(to end: Int) throws(QueryError) -> [Int: Int] {
        var distance = [end: 0]
        var frontier = [end]
        var depth = 0
        let backwards = PatternCompiler.flip(finder.relationship.direction)
        while !frontier.isEmpty, depth < finder.maximum {
            depth += 1
            var next: [Int] = []
            for node in frontier {
                try context.tick()
                for (_, neighbour) in try neighbours(of: node, backwards, cache: false) where distance[neighbour] == nil {
                    distance[neighbour] = depth
                    next.append(neighbour)
                }
            }
            frontier = next
            try hold(distance.count * 48)
        }
        return distance
    }

    /// The trails of exactly `length` hops from `a` to `b` (at most `limit`), and whether a longer trail
    /// from `a` towards `b` may exist.
    private mutating func trails(
        from a: Node, to b: Int, length: Int, _ distance: [Int: Int], limit: Int
    ) throws(QueryError) -> (found: [Path], longerExist: Bool) {
        var found: [Path] = []
        var longerExist = false
        // Each frame: a node of the trail and the next of its relationships to try.
        var stack: [(node: Int, next: Int)] = [(a.id, 0)]
        var relationships: [Int] = []
        var used: Set<Int> = []
        while let top = stack.last, found.count < limit {
            try context.tick()
            if relationships.count == length {
                longerExist = true
                if top.node == b {
                    found.append(path(from: a, relationships))
                    try hold(found.count * 64 + length * 160)
                }
                pop(&stack, &relationships, &used)
                continue
            }
            let edges = try neighbours(of: top.node, finder.relationship.direction, cache: true)
            guard top.next < edges.count else {
                pop(&stack, &relationships, &used)
                continue
            }
            stack[stack.count - 1].next += 1
            let (relationship, node) = edges[top.next]
            guard !used.contains(relationship), let hops = distance[node] else { continue }
            if hops > length - relationships.count - 1 {
                longerExist = true
                continue
            }
            stack.append((node, 0))
            relationships.append(relationship)
            used.insert(relationship)
        }
        return (found, longerExist)
    }

    private func pop(_ stack: inout [(node: Int, next: Int)], _ relationships: inout [Int], _ used: inout Set<Int>) {
        stack.removeLast()
        if let last = relationships.popLast() { used.remove(last) }
    }

    /// The pattern's relationships at `node` in `direction` that have its properties.
    private mutating func neighbours(
        of node: Int, _ direction: GraphStore.Direction, cache: Bool
    ) throws(QueryError) -> [(relationship: Int, node: Int)] {
        if cache, let known = adjacency[node] { return known }
        var edges: [(relationship: Int, node: Int)] = []
        let spec = finder.relationship
        let store = context.store
        let visit = { (relationship: Int, neighbour: Int) in edges.append((relationship, neighbour)) }
        spec.forEachNeighbor(of: node, in: store, direction: direction, visit)
        if !spec.properties.isEmpty {
            var kept: [(relationship: Int, node: Int)] = []
            for edge in edges where try finder.passes(edge.relationship, row, context) { kept.append(edge) }
            edges = kept
        }
        if cache {
            adjacency[node] = edges
            try hold(heldBytes + 48 + edges.count * 16)
        }
        return edges
    }

    /// Grows the reservation to `bytes` when that is more than it holds.
    private mutating func hold(_ bytes: Int) throws(QueryError) {
        guard bytes > heldBytes else { return }
        heldBytes = bytes
        try held.resize(to: bytes)
    }

    private func path(from a: Node, _ relationships: [Int]) -> Path {
        var nodes = [a]
        var rels: [Relationship] = []
        var current = a.id
        for id in relationships {
            let relationship = context.relationshipRef(id)
            current = relationship.startID == current ? relationship.endID : relationship.startID
            rels.append(relationship)
            nodes.append(Node(id: current, labels: [], properties: [:]))
        }
        return Path(nodes: nodes, relationships: rels)
    }
}
