/// Which logical operator a physical operator came from, so EXPLAIN shows each physical row
/// with the ``CardinalityEstimator``'s estimate of that logical operator.
enum PlanEstimates {
    /// The index in `chain` (within `steps`, the logical operators lowered together) of the
    /// operator `op` implements; nil for an operator that passes its input on (its estimate is
    /// the previous operator's).
    static func logicalIndex(of op: Operator, in chain: [LogicalPlan], _ steps: Range<Int>) -> Int? {
        func first(_ accept: (LogicalOperator) -> Bool) -> Int? { steps.first { accept(chain[$0].op) } }
        func last(_ accept: (LogicalOperator) -> Bool) -> Int? { steps.last { accept(chain[$0].op) } }
        switch op {
        case is MatchOperator:
            return first { if case .match = $0 { true } else { false } }
        case is FilterOperator:
            return last { if case .filter = $0 { true } else { false } } ?? steps.last
        case is ProjectOperator:
            return first { if case .projection = $0 { true } else { false } }
        case is AggregateOperator, is GroupedCountOperator, is ReachableCountOperator:
            return first { if case .aggregation = $0 { true } else { false } }
        case is DistinctOperator:
            return first { if case .distinct = $0 { true } else { false } }
        case is SortOperator:
            return first {
                switch $0 {
                case .sort, .top: true
                default: false
                }
            }
        case is SkipLimitOperator:
            return last {
                switch $0 {
                case .skip, .limit, .top: true
                default: false
                }
            }
        case is TruncateOperator:
            return nil
        default:
            return steps.lowerBound
        }
    }
}
