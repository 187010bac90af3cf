import QuiverCore

/// One rewrite of a logical plan: a small, separate step that keeps the plan's result the same
/// and makes it cheaper to run (see docs/query-planning.md for each pass).
protocol RewritePass: Sendable {
    /// The pass's name, as ``CypherEngine/logicalPlan(_:parameters:on:procedures:)`` lists it.
    var name: String { get }
    /// The plan after the rewrite.
    func apply(_ plan: LogicalPlan) -> LogicalPlan
}

/// Runs rewrite passes in order over a logical plan.
struct LogicalOptimizer: Sendable {
    let passes: [any RewritePass]

    /// The passes every query goes through, in the order they run.
    static let standard = LogicalOptimizer(passes: [
        PredicatePushdownPass(), IndexSelectionPass(), TopPass(), LimitPushdownPass(), TopKScanPass(),
        CountAggregationPass(),
    ])

    /// The plan after every pass.
    func optimize(_ plan: LogicalPlan) -> LogicalPlan {
        passes.reduce(plan) { plan, pass in pass.apply(plan) }
    }

    /// The names of the passes that changed the plan, in order.
    func changes(_ plan: LogicalPlan) -> [String] {
        var current = plan
        var changed: [String] = []
        for pass in passes {
            let next = pass.apply(current)
            if next != current { changed.append(pass.name) }
            current = next
        }
        return changed
    }
}
