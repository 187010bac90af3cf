import Foundation
import PropertyGraph
import QuiverCore

/// Counts the rows an operator hands on and the time spent below it (inclusive): PROFILE puts one
/// after every operator, and an operator's own time is its probe's minus the next probe's. While the
/// next operator runs, memory it reserves is charged to it (``OperatorMemory``).
final class ProfileProbe: Operator {
    private(set) var rows = 0
    private(set) var nanoseconds: UInt64 = 0
    /// The operator after this probe, for memory reserved while it runs.
    private let charge: OperatorMemory.Charge

    init(charging charge: OperatorMemory.Charge) {
        self.charge = charge
    }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        rows += 1
        let start = DispatchTime.now().uptimeNanoseconds
        let caller = context.memory.charge
        context.memory.charge = charge
        defer {
            context.memory.charge = caller
            nanoseconds += DispatchTime.now().uptimeNanoseconds - start
        }
        try next?.push(&row, context)
    }

    override func complete(_ context: ExecutionContext) throws(QueryError) {
        let start = DispatchTime.now().uptimeNanoseconds
        let caller = context.memory.charge
        context.memory.charge = charge
        defer {
            context.memory.charge = caller
            nanoseconds += DispatchTime.now().uptimeNanoseconds - start
        }
        try next?.finish(context)
    }
}

/// The operators of a planned single query, in the order rows flow, with estimated rows, for EXPLAIN
/// and PROFILE.
struct PlanDescription {
    struct Step {
        let name: String
        let details: String
        /// Rows the operator is expected to produce: its logical operator's (``CardinalityEstimator``).
        let estimate: Double
        var probe: ProfileProbe?
    }

    private(set) var steps: [Step] = []
    let part: Int
    /// The probe before the first operator: its time is the whole part's.
    private var entry: ProfileProbe?
    private var sink: CollectOperator?
    /// The peak memory each step held, filled while the instrumented plan runs.
    private var memory: OperatorMemory?

    /// Reads the chain from `head` (the planner's no-op entry) to the sink.
    init(_ plan: SingleQueryPlan, part: Int, source: [UInt8]) {
        self.part = part
        var op = plan.head.next
        var rows = 1.0
        while let current = op {
            // A MATCH whose scan the aggregation after it runs (fused) passes its input row on.
            if let match = current as? MatchOperator, match.bypass {} else {
                rows = plan.estimates[ObjectIdentifier(current)] ?? rows
            }
            steps.append(Step(name: Self.name(of: current), details: Self.details(of: current, source: source),
                              estimate: rows))
            op = current.next
        }
    }

    /// Puts a probe after every operator of `plan` (call once, before it runs).
    mutating func instrument(_ plan: SingleQueryPlan) {
        let record = OperatorMemory(operators: steps.count)
        memory = record
        let first = ProfileProbe(charging: .init(record: record, index: 0))
        first.next = plan.head.next
        plan.head.next = first
        entry = first
        sink = plan.sink
        var op = first.next
        var index = 0
        while let current = op, index < steps.count {
            let probe = ProfileProbe(charging: .init(record: record, index: index + 1))
            probe.location = current.location
            probe.next = current.next
            current.next = probe
            steps[index].probe = probe
            op = probe.next
            index += 1
        }
    }

    /// One row per operator: part, id, operator, details (and with `profiled`, rows, time and the
    /// peak bytes its memory reservations held).
    func rows(profiled: Bool) -> [[Value]] {
        steps.enumerated().map { index, step in
            var row: [Value] = [.int(Int64(part)), .int(Int64(index + 1)), .string(step.name), .string(step.details),
                                .int(Int64(step.estimate.rounded()))]
            if profiled {
                // A probe after each operator counts what it produced and times all below it.
                let above = index == 0 ? entry?.nanoseconds ?? 0 : steps[index - 1].probe?.nanoseconds ?? 0
                let below = step.probe?.nanoseconds ?? 0
                let produced = index == steps.count - 1 ? sink?.delivered ?? 0 : step.probe?.rows ?? 0
                row.append(.int(Int64(produced)))
                row.append(.float(Double(above - min(above, below)) / 1e6))
                row.append(.int(Int64(memory?.peaks[index] ?? 0)))
            }
            return row
        }
    }

    static let explainColumns = ["part", "id", "operator", "details", "estimated_rows"]
    static let profileColumns = explainColumns + ["rows", "time_ms", "memory_bytes"]

    /// Neo4j's operator names where one fits; the rest say what they do.
    static func name(of op: Operator) -> String {
        switch op {
        case let match as MatchOperator: match.matcher.repeatsPaths ? "Match (Repeat(Trail))" : "Match"
        case is UnwindOperator: "Unwind"
        case is FilterOperator: "Filter"
        case is ProjectOperator: "Projection"
        case is AggregateOperator: "EagerAggregation"
        case is GroupedCountOperator: "EagerAggregation (grouped degree count)"
        case is ReachableCountOperator: "EagerAggregation (distinct reachable count)"
        case is DistinctOperator: "Distinct"
        case is SortOperator: "Sort"
        case is SkipLimitOperator: "Skip/Limit"
        case is TruncateOperator: "Truncate"
        case is EagerOperator: "Eager"
        case is CollectOperator: "ProduceResults"
        case is CreateOperator: "Create"
        case is MergeOperator: "Merge"
        case is SetOperator: "Set/Remove"
        case is DeleteOperator: "Delete"
        case is ProcedureCallOperator: "ProcedureCall"
        case is LoadCSVOperator: "LoadCSV"
        case is CallSubqueryOperator: "Apply (CALL subquery, planned per row)"
        default: String(describing: type(of: op))
        }
    }

    /// The clause the operator came from, as written (cut to 80 characters).
    static func details(of op: Operator, source: [UInt8]) -> String {
        guard let range = op.clauseRange, range.start.offset >= 0, range.end.offset <= source.count,
              range.start.offset < range.end.offset else { return "" }
        let text = String(decoding: source[range.start.offset..<range.end.offset], as: UTF8.self)
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return flat.count > 80 ? String(flat.prefix(79)) + "…" : flat
    }
}
