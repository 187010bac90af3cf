import PropertyGraph
import QuiverCore

/// A compiled quantified path pattern `((a)-[r]->(b) WHERE …){m,n}`: the repeated hops, the
/// conditions checked after each hop, and where the group variables go.
///
/// Inside a repetition every variable has a hidden singleton slot (what the inner conditions
/// read); after the pattern each named variable's slot holds the list of its values, one per
/// repetition (Neo4j's group variables).
final class RepeatTrail {
    /// One relationship of the repeated path and the node it leads to.
    struct Hop {
        let relationship: RelationshipSpec
        let node: NodeCheck
    }

    /// Where a group variable takes its values from: the inner node at a position (0 is the first)
    /// or the inner relationship at a position.
    enum Source {
        case node(Int)
        case relationship(Int)
    }

    /// The slot of the node the repetitions start from (bound before this step).
    let from: Int
    /// The node pattern after the quantified pattern: the last repetition's last node.
    let to: NodeCheck
    let toBound: Bool
    /// The slot holding every relationship walked, in written order (for a named path).
    let listSlot: Int
    let minimum: Int
    let maximum: Int
    /// Whether the repetitions are walked from the pattern's right end: `first`, `hops` and
    /// `filters` are then in walking order (the written ones reversed, directions flipped), while
    /// group sources and the relationship list stay in written order.
    let reversed: Bool
    /// The first inner node walked; the last node of one repetition is the first of the next.
    let first: NodeCheck
    let hops: [Hop]
    /// `filters[k]` runs once the first `k` hops of a repetition are bound (0: its first node).
    let filters: [[Expr]]
    let groups: [(slot: Int, source: Source)]

    init(from: Int, to: NodeCheck, toBound: Bool, listSlot: Int, minimum: Int, maximum: Int, reversed: Bool,
         first: NodeCheck, hops: [Hop], filters: [[Expr]], groups: [(slot: Int, source: Source)]) {
        self.reversed = reversed
        self.from = from
        self.to = to
        self.toBound = toBound
        self.listSlot = listSlot
        self.minimum = minimum
        self.maximum = maximum
        self.first = first
        self.hops = hops
        self.filters = filters
        self.groups = groups
        readsSingletons = filters.contains { !$0.isEmpty } || !first.properties.isEmpty
            || hops.contains { !$0.relationship.properties.isEmpty || !$0.node.properties.isEmpty }
    }

    /// Whether a condition may read the repetition's singletons (else they are never bound).
    let readsSingletons: Bool
}

extension PatternMatcher {
    /// Walks every trail of `minimum...maximum` repetitions of `repeat.hops` from the node in
    /// `repeat.from`, running the rest of the pattern from each end that passes.
    ///
    /// Iterative like the variable-length expansion: `pending` holds the unexplored relationships
    /// of every node on the current walk and `frames` which slice belongs to which node, so the
    /// depth costs heap, charged to the memory budget, and each relationship tried is a timeout tick.
    func repeatTrail(
        _ repeated: RepeatTrail, _ pc: Int, _ row: inout [Value], _ used: inout [Int], _ context: ExecutionContext,
        _ emit: Emit
    ) throws(QueryError) {
        guard let source = row[repeated.from].boundNodeID else { return }
        let length = repeated.hops.count
        var walk = [source]
        var trail: [Int] = []
        var pending: [(relationship: Int, neighbor: Int)] = []
        var frames: [(start: Int, cursor: Int, end: Int)] = []
        let store = context.store
        let frontier = context.memory.track("quantified path pattern")
        defer { frontier.release() }
        var charged = 0

        // Binds the singletons of the repetition that the walk's last position belongs to.
        func bindRepetition(_ row: inout [Value]) {
            let taken = trail.count
            let base = taken == 0 ? 0 : ((taken - 1) / length) * length
            row[repeated.first.slot] = context.nodeReference(walk[base])
            var position = base
            while position < taken {
                let hop = repeated.hops[position - base]
                row[hop.relationship.slot] = context.relationshipReference(trail[position])
                row[hop.node.slot] = context.nodeReference(walk[position + 1])
                position += 1
            }
        }

        func allPass(_ filters: [Expr], _ row: [Value]) throws(QueryError) -> Bool {
            for filter in filters {
                guard case .bool(true) = try filter.evaluate(row, context) else { return false }
            }
            return true
        }

        // Whether a repetition may start at the walk's last node (it passes the first inner node).
        func starts(_ row: inout [Value]) throws(QueryError) -> Bool {
            guard let node = walk.last else { return false }
            row[repeated.first.slot] = context.nodeReference(node)
            guard try passes(node, repeated.first, row, context) else { return false }
            return try allPass(repeated.filters[0], row)
        }

        func finish(_ row: inout [Value], _ used: inout [Int]) throws(QueryError) {
            guard let end = walk.last, try bindTarget(end, repeated.to, repeated.toBound, &row, context) else { return }
            let count = trail.count / length
            // Group variables list the repetitions in written order.
            let nodes = repeated.reversed ? walk.reversed() : walk
            let relationships = repeated.reversed ? trail.reversed() : trail
            for (slot, source) in repeated.groups {
                var values: [Value] = []
                values.reserveCapacity(count)
                for index in 0..<count {
                    switch source {
                    case .node(let j): values.append(context.nodeReference(nodes[index * length + j]))
                    case .relationship(let j):
                        values.append(context.relationshipReference(relationships[index * length + j]))
                    }
                }
                row[slot] = .list(values)
            }
            row[repeated.listSlot] = .list(relationships.map { context.relationshipReference($0) })
            try run(pc + 1, &row, &used, context, emit)
        }

        func open(_ node: Int) throws(QueryError) {
            let start = pending.count
            repeated.hops[trail.count % length].relationship.forEachNeighbor(of: node, in: store) { relationship, neighbor in
                pending.append((relationship, neighbor))
            }
            frames.append((start, start, pending.count))
            let held = pending.count + frames.count + 2 * walk.count
            if held > charged {
                charged = held + 4096
                try frontier.resize(to: charged * 40)
            }
        }

        if repeated.minimum == 0 { try finish(&row, &used) }
        guard repeated.maximum > 0, try starts(&row) else { return }
        try open(source)
        while let top = frames.last {
            try context.tick()
            if top.cursor == top.end {
                frames.removeLast()
                pending.removeLast(pending.count - top.start)
                // Every frame but the source's was opened by the walk's last relationship.
                if !frames.isEmpty {
                    trail.removeLast()
                    walk.removeLast()
                    used.removeLast()
                }
                continue
            }
            frames[frames.count - 1].cursor += 1
            let (relationship, neighbor) = pending[top.cursor]
            let position = trail.count % length
            let hop = repeated.hops[position]
            guard !used.contains(relationship) else { continue }
            used.append(relationship)
            trail.append(relationship)
            walk.append(neighbor)
            if repeated.readsSingletons { bindRepetition(&row) }
            var keep = try relationshipPasses(relationship, hop.relationship, row, context)
            if keep { keep = try passes(neighbor, hop.node, row, context) }
            if keep { keep = try allPass(repeated.filters[position + 1], row) }
            if keep, position == length - 1 {
                let count = trail.count / length
                if count >= repeated.minimum { try finish(&row, &used) }
                keep = count < repeated.maximum
                if keep { keep = try starts(&row) }
            }
            if keep {
                try open(neighbor)
            } else {
                used.removeLast()
                trail.removeLast()
                walk.removeLast()
            }
        }
    }
}

/// The group variables of a one-relationship quantified path pattern `((a)-[r]->(b)){m,n}` that
/// was searched as the relationship list `-[r*m..n]->` (inside SHORTEST): each variable's list is
/// read off the relationships walked.
struct GroupUnpacking {
    /// The slot of the node the relationships start from.
    let start: Int
    /// The slot of the relationship list, in written order.
    let listSlot: Int
    /// `.node(0)`: each relationship's first node; `.node(1)`: its second; `.relationship(0)`: itself.
    let groups: [(slot: Int, source: RepeatTrail.Source)]
}

extension PatternMatcher {
    /// Binds the group variables of `unpacking` from the relationship list already in the row.
    func unpackGroups(_ unpacking: GroupUnpacking, _ row: inout [Value], _ context: ExecutionContext) {
        guard case .node(let first) = row[unpacking.start], case .list(let items) = row[unpacking.listSlot] else { return }
        var nodes = [first.id]
        var relationships: [Relationship] = []
        for case .relationship(let r) in items {
            guard let current = nodes.last else { break }
            nodes.append(r.startID == current ? r.endID : r.startID)
            relationships.append(r)
        }
        for (slot, source) in unpacking.groups {
            switch source {
            case .node(let j): row[slot] = .list(relationships.indices.map { context.nodeReference(nodes[$0 + j]) })
            case .relationship: row[slot] = .list(relationships.map(Value.relationship))
            }
        }
    }

    /// Whether a step repeats a quantified path pattern.
    var repeatsPaths: Bool {
        steps.contains {
            switch $0 {
            case .repeatTrail, .unpackGroups: true
            default: false
            }
        }
    }
}
