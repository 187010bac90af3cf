import QuiverCore

/// A subquery planned against an outer row: the body of `EXISTS { … }`, `COUNT { … }`,
/// `COLLECT { … }` and `CALL { … }`.
///
/// Operators keep state while they run (aggregates, DISTINCT sets), so each outer row gets its
/// own plan; planning is cheap next to running (a few microseconds per clause).
final class Subquery {
    let query: Query
    /// The variables the subquery sees, by slot in its input row.
    let outer: [String: Int]
    /// The input row's width.
    let width: Int
    let context: PlanContext

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
        for part in query.parts {
            let layout = Layout()
            for (name, slot) in outer.sorted(by: { $0.value < $1.value }) { layout.add(name, at: slot) }
            _ = layout.reserve(max(0, width - layout.width))
            let plan = try QueryPlanner(context: context, layout: layout).plan(part)
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
