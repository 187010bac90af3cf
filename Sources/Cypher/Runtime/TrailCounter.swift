import PropertyGraph
import QuiverCore

/// Counts the trails (paths that repeat no relationship) of `minimum...maximum` hops from a node,
/// walking the adjacency directly: the count push-down of `count(*)` over a variable-length hop.
struct TrailCounter {
    let relationship: RelationshipSpec
    let target: NodeCheck
    let minimum: Int
    let maximum: Int

    /// Whether the hop has no condition beyond its type(s) and direction, so every trail counts.
    func isUnconditional(_ store: GraphStore) -> Bool {
        relationship.properties.isEmpty && target.properties.isEmpty && target.labels.allSatisfy { label in
            label.resolve(in: store).map { store.nodeCount(label: $0) == store.nodeCount } ?? false
        }
    }

    /// The number of trails from `source` that avoid the relationships in `used`; nil when the
    /// hop has conditions (the caller then enumerates).
    func count(from source: Int, avoiding used: [Int], _ store: GraphStore) -> Int? {
        guard isUnconditional(store) else { return nil }
        var types: [Int?] = []
        if relationship.types.isEmpty {
            types = [nil]
        } else {
            for type in relationship.types { if let id = type.resolve(in: store) { types.append(id) } }
            if types.isEmpty { return 0 }
        }
        var trail = used
        var total = 0
        walk(source, depth: 0, types, &trail, &total, store)
        return total
    }

    private func walk(_ node: Int, depth: Int, _ types: [Int?], _ trail: inout [Int], _ total: inout Int, _ store: GraphStore) {
        if depth >= minimum { total += 1 }
        guard depth < maximum else { return }
        let last = depth + 1 == maximum
        for type in types {
            store.forEachNeighbor(of: node, type: type, direction: relationship.direction) { rel, neighbor in
                if trail.contains(rel) { return }
                if last {
                    if depth + 1 >= minimum { total += 1 }
                    return
                }
                trail.append(rel)
                walk(neighbor, depth: depth + 1, types, &trail, &total, store)
                trail.removeLast()
            }
        }
    }
}

extension PatternMatcher {
    /// The same pattern with its last variable-length hop counted instead of bound (trail
    /// semantics kept), and the slot holding the count; nil when the last step is not such a hop.
    func countingLastVariableExpansion() -> (PatternMatcher, countSlot: Int, target: Int, relationship: Int)? {
        guard case .expandVariable(let from, let rel, let to, let toBound, let minimum, let maximum, _)? = steps.last,
            !toBound, !rel.bound, maximum >= minimum
        else { return nil }
        let countSlot = width
        var counted = steps
        let counter = TrailCounter(relationship: rel, target: to, minimum: minimum, maximum: maximum)
        counted[counted.count - 1] = .countTrails(from: from, counter, fallback: steps[steps.count - 1], countSlot: countSlot)
        return (PatternMatcher(steps: counted, width: width + 1, introduced: introduced), countSlot, to.slot, rel.slot)
    }
}
