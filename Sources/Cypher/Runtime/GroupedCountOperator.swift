import PropertyGraph
import QuiverCore

/// `MATCH (p:L)-[:T]->(q) RETURN p.key, count(q)` after count push-down, fused: one pass over the
/// scanned nodes adds each node's degree to its group, keyed by the integer column when it holds
/// integers, with no row, no `Value` and no aggregate state per node. Groups come out in
/// first-seen order with the outputs the aggregation would give. When the hop has conditions
/// (a target label not every node has, property maps, several types) it runs the general plan.
final class GroupedCountOperator: Operator {
    let matcher: PatternMatcher
    let general: AggregateOperator
    let scan: NodeCheck
    let relationship: RelationshipSpec
    let target: NodeCheck
    /// The grouping key: a property of the scanned node.
    let key: PropertyKeyRef
    let outputs: [Expr]
    let aggregateCount: Int
    private var usedGeneral = false

    init?(match: MatchOperator, keys: [Expr], specs: [AggregationCollector.Spec], outputs: [Expr], general: AggregateOperator) {
        guard match.matcher.steps.count == 2, case .scan(let scan) = match.matcher.steps[0],
            scan.properties.isEmpty, scan.labels.count <= 1,
            case .countExpand(let from, let rel, let to, let countSlot) = match.matcher.steps[1], from == scan.slot,
            keys.count == 1, case .property(.slot(let slot), let key) = keys[0], slot == scan.slot,
            specs.allSatisfy({ $0.function == .sum && !$0.distinct && $0.arguments.count == 1 }),
            specs.allSatisfy({ if case .slot(countSlot) = $0.arguments[0] { true } else { false } })
        else { return nil }
        matcher = match.matcher
        self.general = general
        self.scan = scan
        relationship = rel
        target = to
        self.key = key
        self.outputs = outputs
        aggregateCount = specs.count
    }

    /// The single type the hop follows (nil: any), or false when the fused path does not apply.
    private func fusedType(_ store: GraphStore) -> Int?? {
        guard relationship.properties.isEmpty, target.properties.isEmpty, relationship.types.count <= 1,
            target.labels.allSatisfy({ label in label.resolve(in: store).map { store.nodeCount(label: $0) == store.nodeCount } ?? false })
        else { return .none }
        guard let name = relationship.types.first else { return .some(nil) }
        guard let id = name.resolve(in: store) else { return .none }
        return .some(id)
    }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        let store = context.store
        guard !usedGeneral, case .some(let type) = fusedType(store) else {
            usedGeneral = true
            general.next = next
            try matcher.forEachMatch(row, context) { (match: inout [Value]) throws(QueryError) in
                try general.push(&match, context)
            }
            return
        }
        fusedRows += 1
        let nodes: [Int]
        if let label = scan.labels.first {
            guard let id = label.resolve(in: store) else { return }
            nodes = store.nodeIDs(label: id)
        } else {
            nodes = store.nodeIDs()
        }
        let keyID = key.resolve(in: store)
        let column = keyID.flatMap { store.nodeColumn(key: $0) }
        // The group table is a local for the loop (no exclusivity check per node on a property).
        var groups = totals
        totals = GroupTotals()
        defer { totals = groups }
        if groups.count == 0 { groups.reserve(nodes.count) }
        let direction = relationship.direction
        if let column, column.kind == .int {
            let degrees = Self.compactDegrees(nodes, type: type, direction, store)
            for i in nodes.indices {
                let node = nodes[i]
                let n = degrees?[i] ?? store.degree(of: node, type: type, direction: direction)
                guard n > 0 else { continue }
                if let v = column.int64(node) { groups.add(integer: v, value: nil, n) } else { groups.add(other: .null, n) }
            }
            return
        }
        for node in nodes {
            let n = store.degree(of: node, type: type, direction: direction)
            guard n > 0 else { continue }
            let value = keyID.map { store.nodeProperty(node, $0) } ?? .null
            switch value {
            case .int(let i): groups.add(integer: i, value: value, n)
            case .float(let f) where f == f.rounded() && abs(f) < 9.0e18: groups.add(integer: Int64(f), value: value, n)
            default: groups.add(other: value, n)
            }
        }
    }

    /// The degrees of `nodes` read straight from the CSR, or nil when it is not complete.
    private static func compactDegrees(_ nodes: [Int], type: Int?, _ direction: GraphStore.Direction, _ store: GraphStore) -> [Int]? {
        guard direction != .both else { return nil }
        return store.withAdjacency(direction) { view -> [Int]? in
            guard view.isComplete else { return nil }
            return nodes.map { view.degree(of: $0, type: type) }
        }
    }

    private var fusedRows = 0
    private var totals = GroupTotals()

    override func complete(_ context: ExecutionContext) throws(QueryError) {
        if usedGeneral {
            general.next = next
            try general.finish(context)
            return
        }
        var aggregated: [Value] = []
        var out: [Value] = []
        out.reserveCapacity(outputs.count)
        aggregated.reserveCapacity(1 + aggregateCount)
        let groups = totals
        totals = GroupTotals()
        for group in 0..<groups.count {
            aggregated.removeAll(keepingCapacity: true)
            aggregated.append(groups.key(group))
            for _ in 0..<aggregateCount { aggregated.append(.int(Int64(groups.sums[group]))) }
            // One row buffer for all groups: reused whenever the next operator did not keep the row.
            out.removeAll(keepingCapacity: true)
            for output in outputs { out.append(try output.evaluate(aggregated, context)) }
            try next?.push(&out, context)
        }
        fusedRows = 0
        try next?.finish(context)
    }
}

/// Degree totals per group in first-seen order; integer keys (and integral floats, equivalent to
/// them) are hashed as plain integers and kept as plain integers, 8 bytes a group instead of a `Value`.
private struct GroupTotals {
    var integers: [Int64: Int] = [:]
    var others: [Value: Int] = [:]
    /// The integer key of each group (0 for a group keyed by another value).
    var integerKeys: [Int64] = []
    /// The key of each group whose key is not an `.int`: a float equal to an integer keeps the
    /// first value seen, as the general aggregation does, and other values are kept as they are.
    var otherKeys: [Int: Value] = [:]
    var sums: [Int] = []

    var count: Int { sums.count }

    mutating func reserve(_ n: Int) {
        integers.reserveCapacity(n)
        integerKeys.reserveCapacity(n)
        sums.reserveCapacity(n)
    }

    func key(_ group: Int) -> Value {
        if !otherKeys.isEmpty, let key = otherKeys[group] { return key }
        return .int(integerKeys[group])
    }

    mutating func add(integer: Int64, value: Value?, _ n: Int) {
        let fresh = sums.count
        // One hash per node: the default inserts the new group's index when the key is new.
        let group = Self.settle(&integers[integer, default: fresh])
        guard group == fresh else {
            sums[group] += n
            return
        }
        integerKeys.append(integer)
        sums.append(n)
        if let value, case .int = value {} else if let value { otherKeys[group] = value }
    }

    mutating func add(other: Value, _ n: Int) {
        let fresh = sums.count
        let group = Self.settle(&others[other, default: fresh])
        guard group == fresh else {
            sums[group] += n
            return
        }
        integerKeys.append(0)
        sums.append(n)
        otherKeys[group] = other
    }

    @inline(__always)
    private static func settle(_ slot: inout Int) -> Int { slot }
}
