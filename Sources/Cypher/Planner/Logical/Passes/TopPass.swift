import QuiverCore

/// Top: `ORDER BY … [SKIP s] LIMIT l` becomes one Top operator, which keeps only the first
/// `s + l` rows while it sorts (a bounded insertion, or one sort and a cut past 4,096 rows).
struct TopPass: RewritePass {
    var name: String { "top" }

    func apply(_ plan: LogicalPlan) -> LogicalPlan {
        plan.rewritten { node in
            guard case .limit(let limit) = node.op, let input = node.input else { return node }
            switch input.op {
            case .sort(let keys):
                guard let below = input.input else { return node }
                return LogicalPlan(.top(keys, skip: nil, limit: limit), [below], clause: node.clause)
            case .skip(let skip):
                guard let sort = input.input, case .sort(let keys) = sort.op, let below = sort.input else { return node }
                return LogicalPlan(.top(keys, skip: skip, limit: limit), [below], clause: node.clause)
            default:
                return node
            }
        }
    }
}
