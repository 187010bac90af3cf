import PropertyGraph
import QuiverCore

/// The expansions of `PatternMatcher`: variable-length trails, counted hops, relationship lists and
/// hops between two bound nodes.
extension PatternMatcher {
    /// Walks every trail of `minimum...maximum` relationships from `source` depth-first, binding
    /// each end that passes and running the rest of the pattern from it.
    ///
    /// Iterative, so that a trail thousands of relationships long (a chain, or `[*]` on a large
    /// graph) costs heap, not stack: `pending` holds the unexplored relationships of every node
    /// on the current trail, `frames` which slice of it belongs to which node.
    func expandVariable(
        _ source: Int, _ rel: RelationshipSpec, _ to: NodeCheck, _ toBound: Bool,
        _ minimum: Int, _ maximum: Int, _ reversed: Bool,
        _ pc: Int, _ row: inout [Value], _ used: inout [Int], _ context: ExecutionContext, _ emit: Emit
    ) throws(QueryError) {
        var trail: [Int] = []
        var pending: [(relationship: Int, neighbor: Int)] = []
        var frames: [(start: Int, cursor: Int, end: Int)] = []
        let store = context.store
        let frontier = context.memory.track("variable-length expansion")
        defer { frontier.release() }

        func reached(_ node: Int, _ row: inout [Value], _ used: inout [Int]) throws(QueryError) {
            guard trail.count >= minimum, try bindTarget(node, to, toBound, &row, context) else { return }
            if rel.bindValue {
                let ordered = reversed ? trail.reversed() : trail
                row[rel.slot] = .list(ordered.map { context.relationshipReference($0) })
            }
            try run(pc + 1, &row, &used, context, emit)
        }

        // The frontier is charged in steps of 4,096 entries, so the budget is asked once per step.
        var charged = 0
        func open(_ node: Int) throws(QueryError) {
            let start = pending.count
            rel.forEachNeighbor(of: node, in: store) { relationship, neighbor in pending.append((relationship, neighbor)) }
            frames.append((start, start, pending.count))
            if pending.count + frames.count > charged {
                charged = pending.count + frames.count + 4096
                try frontier.resize(to: charged * 40)
            }
        }

        try reached(source, &row, &used)
        if maximum > 0 { try open(source) }
        while let top = frames.last {
            try context.tick()
            if top.cursor == top.end {
                frames.removeLast()
                pending.removeLast(pending.count - top.start)
                // Every frame but the source's was opened by the trail's last relationship.
                if !frames.isEmpty {
                    trail.removeLast()
                    used.removeLast()
                }
                continue
            }
            frames[frames.count - 1].cursor += 1
            let (relationship, neighbor) = pending[top.cursor]
            guard !used.contains(relationship), try relationshipPasses(relationship, rel, row, context) else { continue }
            used.append(relationship)
            trail.append(relationship)
            try reached(neighbor, &row, &used)
            if trail.count < maximum {
                try open(neighbor)
            } else {
                trail.removeLast()
                used.removeLast()
            }
        }
    }

    func countNeighbors(
        _ node: Int, _ rel: RelationshipSpec, _ to: NodeCheck, _ row: [Value], _ used: [Int], _ context: ExecutionContext
    ) throws(QueryError) -> Int {
        let store = context.store
        // A label every node carries filters nothing, so the degree alone is the count.
        let labelsVacuous = to.labels.allSatisfy { label in
            label.resolve(in: store).map { store.nodeCount(label: $0) == store.nodeCount } ?? false
        }
        if labelsVacuous, to.properties.isEmpty, rel.properties.isEmpty, rel.types.count <= 1 {
            var type: Int?
            if let name = rel.types.first {
                guard let id = name.resolve(in: store) else { return 0 }
                type = id
            }
            var n = store.degree(of: node, type: type, direction: rel.direction)
            // Relationships already used by this MATCH are not followed again (trail semantics).
            for r in used where type == nil || store.relationshipType(r) == type {
                let start = store.startNode(of: r), end = store.endNode(of: r)
                switch rel.direction {
                case .outgoing: if start == node { n -= 1 }
                case .incoming: if end == node { n -= 1 }
                case .both: if start == node || end == node { n -= 1 }
                }
            }
            return n
        }
        var n = 0
        var failure: QueryError?
        rel.forEachNeighbor(of: node, in: store) { relationship, neighbor in
            if failure != nil || used.contains(relationship) { return }
            do throws(QueryError) {
                guard try relationshipPasses(relationship, rel, row, context), try passes(neighbor, to, row, context)
                else { return }
                n += 1
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return n
    }

    /// The same pattern with its last single-hop expansion counted instead of bound, and the slot
    /// holding the count; nil when the last step is not such an expansion.
    func countingLastExpansion() -> (PatternMatcher, countSlot: Int, target: Int, relationship: Int)? {
        guard case .expand(let from, let rel, let to, let toBound)? = steps.last, !toBound, !rel.bound else { return nil }
        let countSlot = width
        var counted = steps
        counted[counted.count - 1] = .countExpand(from: from, relationship: rel, to: to, countSlot: countSlot)
        return (PatternMatcher(steps: counted, width: width + 1, introduced: introduced), countSlot, to.slot, rel.slot)
    }

    /// A variable-length pattern whose relationship list is already bound: walk exactly that list.
    func followList(
        _ source: Int, _ rel: RelationshipSpec, _ to: NodeCheck, _ toBound: Bool, _ reversed: Bool,
        _ pc: Int, _ row: inout [Value], _ used: inout [Int], _ context: ExecutionContext, _ emit: Emit
    ) throws(QueryError) {
        guard case .list(let items) = row[rel.slot] else { return }
        var rels: [Relationship] = []
        for case .relationship(let r) in items { rels.append(r) }
        guard rels.count == items.count else { return }
        if reversed { rels.reverse() }
        var current = source
        for r in rels {
            guard context.store.isAlive(relationship: r.id), !used.contains(r.id),
                try relationshipPasses(r.id, rel, row, context)
            else { return }
            switch rel.direction {
            case .outgoing where r.startID == current: current = r.endID
            case .incoming where r.endID == current: current = r.startID
            case .both where r.startID == current: current = r.endID
            case .both where r.endID == current: current = r.startID
            default: return
            }
        }
        guard try bindTarget(current, to, toBound, &row, context) else { return }
        let mark = used.count
        used.append(contentsOf: rels.map(\.id))
        defer { used.removeLast(used.count - mark) }
        try run(pc + 1, &row, &used, context, emit)
    }

    func expandBound(
        _ source: Int, _ rel: RelationshipSpec, _ to: NodeCheck, _ toBound: Bool,
        _ pc: Int, _ row: inout [Value], _ used: inout [Int], _ context: ExecutionContext, _ emit: Emit
    ) throws(QueryError) {
        guard case .relationship(let r) = row[rel.slot], context.store.isAlive(relationship: r.id),
            !used.contains(r.id)
        else { return }
        var ends: [Int] = []
        switch rel.direction {
        case .outgoing: if r.startID == source { ends = [r.endID] }
        case .incoming: if r.endID == source { ends = [r.startID] }
        case .both:
            if r.startID == source { ends.append(r.endID) }
            if r.endID == source && r.startID != r.endID { ends.append(r.startID) }
        }
        for end in ends {
            guard try relationshipPasses(r.id, rel, row, context), try bindTarget(end, to, toBound, &row, context)
            else { continue }
            used.append(r.id)
            defer { used.removeLast() }
            try run(pc + 1, &row, &used, context, emit)
        }
    }
}
