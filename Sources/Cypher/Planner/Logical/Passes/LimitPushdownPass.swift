import QuiverCore

/// Limit pushdown: SKIP, LIMIT and Top move below a projection that cannot change the number
/// of rows (no aggregate, no DISTINCT), so only the rows that survive are projected.
///
/// A Top stays above the projection when a WHERE follows it in the same WITH: that WHERE may
/// read variables the projection drops, which only the rows before projecting still hold.
struct LimitPushdownPass: RewritePass {
    var name: String { "limit pushdown" }

    func apply(_ plan: LogicalPlan) -> LogicalPlan {
        rewrite(plan, underFilter: false)
    }

    private func rewrite(_ plan: LogicalPlan, underFilter: Bool) -> LogicalPlan {
        var node = plan
        let isFilter = if case .filter = plan.op { true } else { false }
        node.inputs = plan.inputs.map { rewrite($0, underFilter: isFilter) }
        guard let input = node.input, case .projection = input.op, let below = input.input else { return node }
        switch node.op {
        case .skip, .limit:
            break
        case .top where !underFilter:
            break
        default:
            return node
        }
        return input.replacingInput(LogicalPlan(node.op, [below], clause: node.clause))
    }
}
