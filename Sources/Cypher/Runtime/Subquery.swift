import QuiverCore

/// A subquery planned against an outer row: the body of `EXISTS { … }`, `COUNT { … }`,
/// `COLLECT { … }` and `CALL { … }`.
///
/// Operators that keep state while they run (aggregates, DISTINCT sets, sorts, LIMIT counters)
/// need a fresh plan per outer row. A plan made only of operators that keep none (scans and
/// expansions, filters, projections, UNWIND, nested CALL) is made once and run again for every row.
final class Subquery {
    let query: Query
    /// The variables the subquery sees, by slot in its input row.
    let outer: [String: Int]
    /// The input row's width.
    let width: Int
    let context: PlanContext
    /// The plans of the parts, once they are known to keep no state between runs.
    private var reusable: [SingleQueryPlan]?
    private var checkedReuse = false

    init(query: Query, outer: [String: Int], width: Int, context: PlanContext) {
        self.query = query
        self.outer = outer
        self.width = width
        self.context = context
    }

    /// Runs the subquery on `input`, handing each result row (its RETURN columns) to `consumer`
    /// until it returns false; UNION parts run in turn, and a UNION without ALL drops repeated rows.
    func run(_ input: [Value], _ execution: ExecutionContext,
             _ consumer: @escaping ([Value]) throws(QueryError) -> Bool) throws(QueryError) {
        let deduplicates = query.unions.contains { !$0.all }
        var seen: Set<[Value]> = []
        var stopped = false
        var made: [SingleQueryPlan] = []
        defer {
            if !checkedReuse, made.count == query.parts.count {
                checkedReuse = true
                if made.allSatisfy(Self.keepsNoState) { reusable = made }
            }
        }
        for (index, part) in query.parts.enumerated() {
            let plan: SingleQueryPlan
            if let reusable {
                plan = reusable[index]
            } else {
                let layout = Layout()
                for (name, slot) in outer.sorted(by: { $0.value < $1.value }) { layout.add(name, at: slot) }
                _ = layout.reserve(max(0, width - layout.width))
                plan = try QueryPlanner(context: context, layout: layout).plan(part)
                made.append(plan)
            }
            plan.sink.consumer = { (row: [Value]) throws(QueryError) in
                if deduplicates, !seen.insert(row).inserted { return }
                guard try consumer(row) else {
                    stopped = true
                    throw .enoughRows
                }
            }
            var row = Expr.widened(input, width - 1)
            do {
                try plan.head.push(&row, execution)
            } catch where error.isEnoughRows {
                // The consumer has enough, or a LIMIT inside the subquery has its rows.
            }
            if stopped { return }
            try plan.head.finish(execution)
            if stopped { return }
        }
    }

    /// Whether every operator of `plan` forgets each row once it has passed it on.
    private static func keepsNoState(_ plan: SingleQueryPlan) -> Bool {
        var op = plan.head.next
        while let current = op {
            switch current {
            case let match as MatchOperator where !match.bypass: break
            case is UnwindOperator, is FilterOperator, is ProjectOperator, is TruncateOperator, is CallSubqueryOperator: break
            case is CollectOperator where current === plan.sink: break
            default: return false
            }
            op = current.next
        }
        return true
    }

    /// Whether the subquery yields at least one row for `row`.
    func exists(_ row: [Value], _ execution: ExecutionContext) throws(QueryError) -> Bool {
        // One row answers EXISTS: the consumer stops the subquery at its first row.
        var found = false
        try run(row, execution) { (_: [Value]) throws(QueryError) -> Bool in
            found = true
            return false
        }
        return found
    }

    /// How many rows the subquery yields for `row`.
    func count(_ row: [Value], _ execution: ExecutionContext) throws(QueryError) -> Value {
        var count: Int64 = 0
        try run(row, execution) { (_: [Value]) throws(QueryError) -> Bool in
            count += 1
            return true
        }
        return .int(count)
    }

    /// The subquery's single column for `row`, as a list.
    func collect(_ row: [Value], _ execution: ExecutionContext) throws(QueryError) -> Value {
        var values: [Value] = []
        var reservation: MemoryReservation?
        try run(row, execution) { (result: [Value]) throws(QueryError) -> Bool in
            let value = result.first ?? .null
            try MemoryBudget.reservation(&reservation, execution, "COLLECT { }").add(MemoryBudget.footprint(ofRow: [value]))
            values.append(value)
            return true
        }
        return .list(values)
    }
}
