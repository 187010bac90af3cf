import QuiverCore

/// The logical operators one WITH / RETURN lowers together: SKIP, LIMIT or Top pushed below the
/// projection, the projection or aggregation, then DISTINCT, ORDER BY, SKIP, LIMIT and WHERE.
struct ProjectionBlock {
    /// ORDER BY … LIMIT run on the input rows, before projecting.
    var topBefore: (keys: [SortItem], skip: Expression?, limit: Expression)?
    /// SKIP / LIMIT run on the input rows, before projecting.
    var skipBefore: Expression?, limitBefore: Expression?
    var items = ProjectionItems(items: [], includesAll: false, scope: [])
    /// Set for an aggregation.
    var strategy: AggregationStrategy?
    var distinct = false
    var orderBy: [SortItem] = []
    var skip: Expression?, limit: Expression?
    var predicate: Expression?
    var clause: SourceRange
    /// The index after the block's last operator in the chain.
    var end: Int

    /// Reads the block that starts at `start` of `chain`.
    init(_ chain: [LogicalPlan], at start: Int) {
        var index = start
        clause = chain[start].clause
        end = start
        func op(_ i: Int) -> LogicalOperator? { i < chain.count ? chain[i].op : nil }
        // After the projection: only the operators of the same WITH / RETURN (an operator of the
        // next clause may have been pushed below its projection, right after this one).
        func post(_ i: Int, _ clause: SourceRange) -> LogicalOperator? { i < chain.count && chain[i].clause == clause ? chain[i].op : nil }
        // Operators pushed below the projection.
        pushed: while let current = op(index) {
            switch current {
            case .top(let keys, let skip, let limit): topBefore = (keys, skip, limit)
            case .skip(let s): skipBefore = s
            case .limit(let l): limitBefore = l
            default: break pushed
            }
            index += 1
        }
        switch op(index) {
        case .projection(let i)?: items = i
        case .aggregation(let i, let s)?: items = i; strategy = s
        default: break
        }
        clause = index < chain.count ? chain[index].clause : clause
        index += 1
        if case .distinct? = post(index, clause) { distinct = true; index += 1 }
        switch post(index, clause) {
        case .sort(let keys)?:
            orderBy = keys
            index += 1
        case .top(let keys, let s, let l)?:
            (orderBy, skip, limit) = (keys, s, l)
            index += 1
        default: break
        }
        if case .skip(let s)? = post(index, clause), skip == nil { skip = s; index += 1 }
        if case .limit(let l)? = post(index, clause), limit == nil { limit = l; index += 1 }
        if case .filter(let conjuncts)? = post(index, clause) {
            predicate = QueryPlanner.conjunction(conjuncts)
            index += 1
        }
        end = index
    }

    /// The WITH / RETURN after the operators pushed below it.
    var projection: Projection {
        Projection(distinct: distinct, includesAll: items.includesAll, items: items.items, orderBy: orderBy,
                   skip: skip, limit: limit, range: clause)
    }
}
