import PropertyGraph
import QuiverCore

/// Counts the trails (walks that repeat no relationship) along a chain of hops from a node,
/// walking the adjacency directly: the count push-down of `count(*)` over `(a)-[]->(b)-[*1..3]->(c)`.
/// The last hop of a trail is counted as a degree, minus the relationships the trail already used.
struct TrailCounter {
    /// One hop of the chain: a single relationship is `1...1`.
    struct Segment {
        var relationship: RelationshipSpec
        var target: NodeCheck
        var minimum: Int
        var maximum: Int
    }

    let segments: [Segment]

    /// Whether no hop has a condition beyond types and direction, so every trail counts.
    func isUnconditional(_ store: GraphStore) -> Bool {
        segments.allSatisfy { segment in
            segment.relationship.properties.isEmpty && segment.target.properties.isEmpty
                && segment.target.labels.allSatisfy { label in
                    label.resolve(in: store).map { store.nodeCount(label: $0) == store.nodeCount } ?? false
                }
        }
    }

    /// The longest chain the counters walk (they recurse once per relationship): longer or
    /// unbounded chains are enumerated by the matcher, which walks without recursion.
    static let maximumDepth = 64

    /// The number of trails from `source` that avoid the relationships in `used`; nil when a hop
    /// has conditions or the chain may be longer than ``maximumDepth`` (the caller then enumerates).
    /// Counting checks the query's clock as it goes.
    func count(from source: Int, avoiding used: [Int], _ context: ExecutionContext) throws(QueryError) -> Int? {
        let store = context.store
        let longest = segments.reduce(0) { total, segment in
            let (sum, overflow) = total.addingReportingOverflow(segment.maximum)
            return overflow ? Int.max : sum
        }
        guard longest <= Self.maximumDepth, isUnconditional(store) else { return nil }
        var types: [[Int?]] = []
        for segment in segments {
            if segment.relationship.types.isEmpty {
                types.append([nil])
                continue
            }
            var ids: [Int?] = []
            for type in segment.relationship.types { if let id = type.resolve(in: store) { ids.append(id) } }
            types.append(ids)
        }
        if let counted = try countOnCSR(from: source, avoiding: used, types: types, context) { return counted }
        var trail = used
        var total = 0
        var visits = 0
        try walk(source, 0, depth: 0, types, &trail, &total, &visits, context)
        return total
    }

    private func walk(
        _ node: Int, _ index: Int, depth: Int, _ types: [[Int?]], _ trail: inout [Int], _ total: inout Int,
        _ visits: inout Int, _ context: ExecutionContext
    ) throws(QueryError) {
        // A tick every 64 nodes: ticking costs more than a step of the walk.
        visits &+= 1
        if visits & 63 == 0 { try context.tick() }
        let store = context.store
        let segment = segments[index]
        let last = index == segments.count - 1
        if depth >= segment.minimum {
            if last { total += 1 } else { try walk(node, index + 1, depth: 0, types, &trail, &total, &visits, context) }
        }
        guard depth < segment.maximum else { return }
        if last && depth + 1 == segment.maximum {
            total += remainingDegree(node, segment.relationship.direction, types[index], trail, store)
            return
        }
        for type in types[index] {
            for (rel, neighbor) in store.neighbors(of: node, type: type, direction: segment.relationship.direction)
            where !trail.contains(rel) {
                trail.append(rel)
                try walk(neighbor, index, depth: depth + 1, types, &trail, &total, &visits, context)
                trail.removeLast()
            }
        }
    }

    /// The relationships one more hop would follow from `node`, less those already in the trail.
    private func remainingDegree(
        _ node: Int, _ direction: GraphStore.Direction, _ types: [Int?], _ trail: [Int], _ store: GraphStore
    ) -> Int {
        var n = 0
        for type in types { n += store.degree(of: node, type: type, direction: direction) }
        for rel in trail {
            let type = store.relationshipType(rel)
            guard types.contains(where: { $0 == nil || $0 == type }) else { continue }
            let start = store.startNode(of: rel), end = store.endNode(of: rel)
            switch direction {
            case .outgoing: if start == node { n -= 1 }
            case .incoming: if end == node { n -= 1 }
            case .both: if start == node || end == node { n -= 1 }
            }
        }
        return n
    }
}

extension PatternMatcher {
    /// The same pattern with its trailing chain of hops counted instead of bound (trail semantics
    /// kept): the counted matcher, the slot holding the count, and the slots the chain would bind.
    /// Nil unless the chain has a variable-length hop or at least two hops.
    func countingChain() -> (PatternMatcher, countSlot: Int, hidden: Set<Int>)? {
        var segments: [TrailCounter.Segment] = []
        var hidden: Set<Int> = []
        var start = steps.count
        var expectedTarget: Int?
        var from = -1
        var hasVariable = false
        for step in steps.reversed() {
            var segment: TrailCounter.Segment
            switch step {
            case .expand(let f, let rel, let to, let toBound) where !toBound && !rel.bound:
                segment = TrailCounter.Segment(relationship: rel, target: to, minimum: 1, maximum: 1)
                from = f
            case .expandVariable(let f, let rel, let to, let toBound, let minimum, let maximum, _)
                where !toBound && !rel.bound && maximum >= minimum:
                segment = TrailCounter.Segment(relationship: rel, target: to, minimum: minimum, maximum: maximum)
                from = f
                hasVariable = true
            default:
                segment = TrailCounter.Segment(relationship: RelationshipSpec(slot: 0, bound: false, bindValue: false, types: [], direction: .both, properties: []),
                                               target: NodeCheck(slot: -1, labels: [], properties: []), minimum: 0, maximum: 0)
                from = -2
            }
            if from == -2 { break }
            if let expectedTarget, segment.target.slot != expectedTarget { break }
            if hidden.contains(segment.target.slot) || hidden.contains(segment.relationship.slot) { break }
            segments.insert(segment, at: 0)
            hidden.insert(segment.target.slot)
            hidden.insert(segment.relationship.slot)
            expectedTarget = from
            start -= 1
        }
        guard !segments.isEmpty, hasVariable || segments.count >= 2, let source = expectedTarget, !hidden.contains(source)
        else { return nil }
        let countSlot = width
        var counted = Array(steps[..<start])
        counted.append(.countTrails(from: source, TrailCounter(segments: segments), fallback: Array(steps[start...]),
                                    countSlot: countSlot))
        return (PatternMatcher(steps: counted, width: width + 1, introduced: introduced), countSlot, hidden)
    }
}
