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
        // The group tables are moved into locals for the loop (no exclusivity checks per node).
        var integers = integerGroups, others = otherGroups, order = groupOrder, totals = sums
        integerGroups = [:]; otherGroups = [:]; groupOrder = []; sums = []
        defer { integerGroups = integers; otherGroups = others; groupOrder = order; sums = totals }
        if integers.isEmpty { integers.reserveCapacity(nodes.count) }
        func add(integer: Int64, value: Value?, _ n: Int) {
            if let group = integers[integer] {
                totals[group] += n
                return
            }
            integers[integer] = order.count
            order.append(value ?? .int(integer))
            totals.append(n)
        }
        func add(other: Value, _ n: Int) {
            if let group = others[other] {
                totals[group] += n
                return
            }
            others[other] = order.count
            order.append(other)
            totals.append(n)
        }
        let direction = relationship.direction
        if let column, column.kind == .int {
            // Degrees straight from the CSR when it is complete.
            let done = direction != .both && store.withAdjacency(direction) { view -> Bool in
                guard view.isComplete else { return false }
                for node in nodes {
                    let n = view.degree(of: node, type: type)
                    guard n > 0 else { continue }
                    if let v = column.int64(node) { add(integer: v, value: nil, n) } else { add(other: .null, n) }
                }
                return true
            }
            if done { return }
            for node in nodes {
                let n = store.degree(of: node, type: type, direction: direction)
                guard n > 0 else { continue }
                if let v = column.int64(node) { add(integer: v, value: nil, n) } else { add(other: .null, n) }
            }
            return
        }
        for node in nodes {
            let n = store.degree(of: node, type: type, direction: direction)
            guard n > 0 else { continue }
            let value = keyID.map { store.nodeProperty(node, $0) } ?? .null
            switch value {
            case .int(let i): add(integer: i, value: value, n)
            case .float(let f) where f == f.rounded() && abs(f) < 9.0e18: add(integer: Int64(f), value: value, n)
            default: add(other: value, n)
            }
        }
    }

    private var fusedRows = 0
    private var integerGroups: [Int64: Int] = [:]
    private var otherGroups: [Value: Int] = [:]
    private var groupOrder: [Value] = []
    private var sums: [Int] = []

    override func complete(_ context: ExecutionContext) throws(QueryError) {
        if usedGeneral {
            general.next = next
            try general.finish(context)
            return
        }
        var aggregated: [Value] = []
        aggregated.reserveCapacity(1 + aggregateCount)
        for (group, keyValue) in groupOrder.enumerated() {
            aggregated.removeAll(keepingCapacity: true)
            aggregated.append(keyValue)
            for _ in 0..<aggregateCount { aggregated.append(.int(Int64(sums[group]))) }
            var out: [Value] = []
            out.reserveCapacity(outputs.count)
            for output in outputs { out.append(try output.evaluate(aggregated, context)) }
            try next?.push(&out, context)
        }
        integerGroups.removeAll()
        otherGroups.removeAll()
        groupOrder.removeAll()
        sums.removeAll()
        fusedRows = 0
        try next?.finish(context)
    }
}
