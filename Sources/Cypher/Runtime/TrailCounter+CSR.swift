import PropertyGraph
import QuiverCore

/// The trail count on the raw CSR, for chains whose hops all go one way (`->` or `<-`) on a
/// compacted graph: no closures, no store calls per relationship.
///
/// Each relationship on the trail is kept with its anchor (the endpoint it was left from, which
/// is its start for `->` and its end for `<-`) and its type, so the last hop's count is the
/// anchor's degree less the trail relationships anchored at the same node.
struct CSRTrailWalk {
    struct Level {
        var types: [Int?]
        var minimum: Int
        var maximum: Int
    }

    let view: AdjacencyView
    let levels: [Level]
    // The levels' fields apart, as plain integers, so the walk copies no array per call.
    let minimums: [Int]
    let maximums: [Int]
    /// The single type of a level (-1: any type), or -2 when it has several (see `levels`).
    let singleTypes: [Int]
    var trailRelationships: [Int32] = []
    var trailAnchors: [Int32] = []
    var trailTypes: [Int32] = []
    var total = 0
    /// Whose clock the walk checks as it goes (a tick every 64 nodes: ticks cost more than a step).
    let context: ExecutionContext
    private var visits = 0
    /// Set when the clock ran out: the walk then unwinds without counting further. (Not thrown
    /// through the recursion: a non-throwing walk is markedly cheaper per node.)
    private(set) var stopped = false

    init(view: AdjacencyView, levels: [Level], context: ExecutionContext) {
        self.view = view
        self.context = context
        self.levels = levels
        minimums = levels.map(\.minimum)
        maximums = levels.map(\.maximum)
        singleTypes = levels.map { level in
            guard level.types.count == 1 else { return -2 }
            return level.types[0] ?? -1
        }
    }

    mutating func push(relationship: Int32, anchor: Int32, type: Int32) {
        trailRelationships.append(relationship)
        trailAnchors.append(anchor)
        trailTypes.append(type)
    }

    mutating func pop() {
        trailRelationships.removeLast()
        trailAnchors.removeLast()
        trailTypes.removeLast()
    }

    mutating func walk(_ node: Int, _ index: Int, depth: Int) {
        visits &+= 1
        if visits & 63 == 0, context.pastDeadline() { stopped = true }
        if stopped { return }
        let minimum = minimums[index], maximum = maximums[index], single = singleTypes[index]
        let last = index == levels.count - 1
        if depth >= minimum {
            if last { total += 1 } else { walk(node, index + 1, depth: 0) }
        }
        guard depth < maximum else { return }
        if single == -2 {
            walkEach(node, index, depth: depth, last: last && depth + 1 == maximum)
            return
        }
        let type: Int? = single == -1 ? nil : single
        let row = view.range(of: node, type: type)
        let anchor = Int32(truncatingIfNeeded: node)
        if last && depth + 1 == maximum {
            var n = row.count
            for k in trailAnchors.indices where trailAnchors[k] == anchor {
                if single == -1 || Int(trailTypes[k]) == single { n -= 1 }
            }
            total += n
            return
        }
        for slot in row {
            let rel = view.relationships[slot]
            if trailRelationships.contains(rel) { continue }
            push(relationship: rel, anchor: anchor, type: view.types[slot])
            walk(Int(view.neighbors[slot]), index, depth: depth + 1)
            pop()
        }
    }

    /// One hop of a level with several types.
    private mutating func walkEach(_ node: Int, _ index: Int, depth: Int, last: Bool) {
        let types = levels[index].types
        let anchor = Int32(truncatingIfNeeded: node)
        if last {
            var n = 0
            for type in types { n += view.range(of: node, type: type).count }
            for k in trailAnchors.indices where trailAnchors[k] == anchor {
                let t = Int(trailTypes[k])
                if types.contains(where: { $0 == nil || $0 == t }) { n -= 1 }
            }
            total += n
            return
        }
        for type in types {
            for slot in view.range(of: node, type: type) {
                let rel = view.relationships[slot]
                if trailRelationships.contains(rel) { continue }
                push(relationship: rel, anchor: anchor, type: view.types[slot])
                walk(Int(view.neighbors[slot]), index, depth: depth + 1)
                pop()
            }
        }
    }
}

extension TrailCounter {
    /// The count on the raw CSR, or nil when the hops mix directions or the CSR is not complete.
    func countOnCSR(from source: Int, avoiding used: [Int], types: [[Int?]], _ context: ExecutionContext) throws(QueryError) -> Int? {
        let store = context.store
        let direction = segments[0].relationship.direction
        guard direction != .both, segments.allSatisfy({ $0.relationship.direction == direction }) else { return nil }
        let outcome = store.withAdjacency(direction) { view -> Result<Int?, QueryError> in
            guard view.isComplete else { return .success(nil) }
            let levels = zip(segments, types).map { segment, types in
                CSRTrailWalk.Level(types: types, minimum: segment.minimum, maximum: segment.maximum)
            }
            var walk = CSRTrailWalk(view: view, levels: levels, context: context)
            for rel in used {
                let anchor = direction == .outgoing ? store.startNode(of: rel) : store.endNode(of: rel)
                walk.push(relationship: Int32(truncatingIfNeeded: rel), anchor: Int32(truncatingIfNeeded: anchor),
                          type: Int32(truncatingIfNeeded: store.relationshipType(rel)))
            }
            walk.walk(source, 0, depth: 0)
            if walk.stopped, let timeout = context.options.timeout { return .failure(.timeout(timeout)) }
            return .success(walk.total)
        }
        return try outcome.get()
    }
}
