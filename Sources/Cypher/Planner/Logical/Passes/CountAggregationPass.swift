import QuiverCore

/// Count aggregation: an aggregation right on a (non-optional) MATCH that only counts rows is
/// marked to count the pattern's last hop per row instead of enumerating it (a degree lookup,
/// or a trail count for a variable-length hop), fused with the scan when it groups by one
/// property of a node; `count(DISTINCT b)` with no grouping over a pattern with a
/// variable-length hop is marked to run as a reachability search. Lowering checks the compiled
/// pattern once more (the hop order is chosen there) and runs the general plan otherwise.
struct CountAggregationPass: RewritePass {
    var name: String { "count aggregation" }

    func apply(_ plan: LogicalPlan) -> LogicalPlan {
        plan.rewritten { node in
            guard case .aggregation(let items, .general) = node.op, let input = node.input,
                case .match(let match) = input.op, !match.optional,
                // A quantified path pattern repeats a whole path: its last hop is no single relationship to count.
                !match.parts.contains(where: { $0.element.steps.contains { $0.quantified != nil } })
            else { return node }
            let aggregates = items.items.flatMap { Self.aggregateCalls($0.expression) }
            let keys = items.items.filter { !$0.expression.containsAggregate }
            let strategy: AggregationStrategy
            if !aggregates.isEmpty, aggregates.allSatisfy(Self.isPlainCount) {
                let fused = !items.includesAll && keys.count == 1 && TopKScanPass.isProperty(of: Self.subject(keys[0].expression) ?? "", keys[0].expression)
                strategy = .countedHops(fused: fused)
            } else if !items.includesAll, keys.isEmpty, aggregates.count == 1, Self.isDistinctCount(aggregates[0]),
                match.parts.contains(where: { $0.element.relationships.contains { $0.length != nil } }) {
                strategy = .reachableCount
            } else {
                return node
            }
            return LogicalPlan(.aggregation(items, strategy), node.inputs, clause: node.clause)
        }
    }

    /// The aggregate calls in `e`, outermost only.
    static func aggregateCalls(_ e: Expression) -> [Expression] {
        switch e.kind {
        case .countStar: return [e]
        case .functionCall(let f) where f.namespace.isEmpty && Functions.isAggregate(f.name): return [e]
        default: return e.children.flatMap(aggregateCalls)
        }
    }

    /// `count(*)` or `count(v)` without DISTINCT.
    static func isPlainCount(_ e: Expression) -> Bool {
        if case .countStar = e.kind { return true }
        guard case .functionCall(let f) = e.kind, f.lookupName == "count", !f.distinct, f.arguments.count == 1,
            case .variable = f.arguments[0].kind else { return false }
        return true
    }

    /// `count(DISTINCT v)`.
    static func isDistinctCount(_ e: Expression) -> Bool {
        guard case .functionCall(let f) = e.kind, f.lookupName == "count", f.distinct, f.arguments.count == 1,
            case .variable = f.arguments[0].kind else { return false }
        return true
    }

    /// The variable of `v.key`.
    static func subject(_ e: Expression) -> String? {
        guard case .property(let subject, _) = e.kind, case .variable(let name) = subject.kind else { return nil }
        return name
    }
}
