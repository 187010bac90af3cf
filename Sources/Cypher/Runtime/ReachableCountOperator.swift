import PropertyGraph
import QuiverCore

/// `MATCH (a…)-[:T*1..n]->(b:L) RETURN count(DISTINCT b)` fused: the distinct end nodes of a directed
/// variable-length hop are the nodes a breadth-first search reaches, so no trail is enumerated and no
/// `Value` is hashed; each start node's search marks a generation-stamped array and the reached nodes
/// that pass `b`'s labels join one bitset.
///
/// Exact because, with a lower bound of at most 1 and one direction, a node reachable by a walk of
/// length 1…n is reachable by a trail of length 1…n: a walk that repeats a relationship contains a
/// closed sub-walk from the first use of that relationship to the second, and cutting it leaves a
/// shorter walk that still uses the relationship (so is never empty). Anything else — both
/// directions, a lower bound above 1, property maps on the hop or on `b`, a bound end — runs the
/// general plan.
final class ReachableCountOperator: Operator {
    private let general: AggregateOperator
    private let matcher: PatternMatcher
    /// The steps up to the hop: the scan of `a` and its filters.
    private let prefix: PatternMatcher
    private let from: Int
    private let relationship: RelationshipSpec
    private let target: NodeCheck
    private let minimum: Int
    private let maximum: Int
    private let outputs: [Expr]
    private var usedGeneral = false
    /// One bit per node id: reached by some start and passing `b`'s labels.
    private var reached: [UInt64] = []
    /// Per-search marks: `stamps[node] == generation` when the current start's search has reached it.
    private var stamps: [UInt32] = []
    private var generation: UInt32 = 0
    private var count = 0
    // Unchecked: touched only by this operator's own process/complete, which never overlap.
    @exclusivity(unchecked) private var memory: MemoryReservation?

    init?(match: MatchOperator, keys: [Expr], specs: [AggregationCollector.Spec], outputs: [Expr],
          general: AggregateOperator) {
        let steps = match.matcher.steps
        guard keys.isEmpty, specs.count == 1, specs[0].function == .count, specs[0].distinct,
              specs[0].arguments.count == 1, case .slot(let counted) = specs[0].arguments[0],
              let last = steps.last, case .scan = steps.first,
              case .expandVariable(let from, let rel, let to, let toBound, let minimum, let maximum, let reversed) = last,
              !toBound, !reversed, !rel.bound, rel.properties.isEmpty, rel.direction != .both,
              to.properties.isEmpty, to.slot == counted, minimum <= 1, maximum >= max(minimum, 1),
              steps.dropLast().dropFirst().allSatisfy({ step in
                  switch step {
                  case .filter, .columnFilter: return true
                  default: return false
                  }
              })
        else { return nil }
        self.general = general
        matcher = match.matcher
        prefix = PatternMatcher(steps: Array(steps.dropLast()), width: match.matcher.width, introduced: [])
        self.from = from
        relationship = rel
        target = to
        self.minimum = minimum
        self.maximum = maximum
        self.outputs = outputs
    }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        let store = context.store
        var types: [Int?] = relationship.types.isEmpty ? [nil] : []
        for type in relationship.types { if let id = type.resolve(in: store) { types.append(id) } }
        var labels: [Int] = []
        for label in target.labels {
            guard let id = label.resolve(in: store) else { return }  // no node has it: nothing to count
            labels.append(id)
        }
        if usedGeneral || (types.isEmpty && !relationship.types.isEmpty) {
            // No relationship of the types exists yet: the general plan gives its answer (zero rows).
            return try runGeneral(&row, context)
        }
        if reached.isEmpty {
            // The stamps and the reached set: two arrays over node ids, held for the query.
            try MemoryBudget.reservation(&memory, context, "the distinct reachable nodes").add(store.nodeIDLimit * 5)
            reached = [UInt64](repeating: 0, count: (store.nodeIDLimit + 64) / 64)
        }
        if stamps.count < store.nodeIDLimit {
            stamps = [UInt32](repeating: 0, count: store.nodeIDLimit)
            generation = 0
        }
        // Held in locals for the search (no exclusivity check per node), given back at the end.
        var marks = stamps, generation = self.generation
        stamps = []
        defer { stamps = marks; self.generation = generation }
        var frontier: [Int] = [], next: [Int] = []
        var visits = 0
        var failure: QueryError?
        try prefix.forEachMatch(row, context) { (match: inout [Value]) throws(QueryError) in
            guard let start = match[from].boundNodeID else { return }
            generation &+= 1
            if generation == 0 {
                for i in marks.indices { marks[i] = 0 }
                generation = 1
            }
            if minimum == 0 { record(start, labels, store) }
            frontier.removeAll(keepingCapacity: true)
            frontier.append(start)
            var depth = 0
            while !frontier.isEmpty, depth < maximum {
                depth += 1
                next.removeAll(keepingCapacity: true)
                for node in frontier {
                    for type in types {
                        store.forEachNeighbor(of: node, type: type, direction: relationship.direction) { _, neighbor in
                            guard marks[neighbor] != generation else { return }
                            marks[neighbor] = generation
                            next.append(neighbor)
                            record(neighbor, labels, store)
                        }
                    }
                    visits &+= 1
                    if visits & 63 == 0 {
                        do throws(QueryError) { try context.tick() } catch { failure = error; break }
                    }
                }
                if failure != nil { break }
                swap(&frontier, &next)
            }
            if let failure { throw failure }
        }
    }

    private func runGeneral(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        usedGeneral = true
        general.next = next
        try matcher.forEachMatch(row, context) { (match: inout [Value]) throws(QueryError) in
            try general.push(&match, context)
        }
    }

    private func record(_ node: Int, _ labels: [Int], _ store: GraphStore) {
        let word = node >> 6, bit = UInt64(1) << UInt64(node & 63)
        guard word < reached.count, reached[word] & bit == 0,
              labels.allSatisfy({ store.hasLabel(node: node, label: $0) }) else { return }
        reached[word] |= bit
        count += 1
    }

    override func complete(_ context: ExecutionContext) throws(QueryError) {
        if usedGeneral {
            general.next = next
            try general.finish(context)
            return
        }
        var out: [Value] = []
        let aggregated: [Value] = [.int(Int64(count))]
        for output in outputs { out.append(try output.evaluate(aggregated, context)) }
        try next?.push(&out, context)
        try next?.finish(context)
    }
}
