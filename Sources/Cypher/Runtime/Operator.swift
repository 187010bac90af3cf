import QuiverCore

/// A push-based operator: rows flow from the reading clauses to the result one at a time, and
/// blocking operators (sort, aggregation, eager barriers before writes) hold them until `finish`.
class Operator {
    /// The operator that receives this one's rows; the planner links the chain.
    var next: Operator?
    /// Where the clause this operator runs starts, given to runtime errors that have no position yet.
    var location: SourceLocation?
    /// The clause this operator runs, for EXPLAIN and PROFILE.
    var clauseRange: SourceRange?

    /// Receives one row; errors are located at this operator's clause unless already located.
    final func push(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        do {
            try context.tick()
            try process(&row, context)
        } catch {
            throw error.located(at: location)
        }
    }

    /// The end of the input: blocking operators emit their rows now. If a LIMIT downstream has
    /// all it needs while they emit (``QueryError/enoughRows``), the rest are dropped and the
    /// operators after this one finish as usual.
    final func finish(_ context: ExecutionContext) throws(QueryError) {
        do {
            try complete(context)
        } catch where error.isEnoughRows {
            try next?.finish(context)
        } catch {
            throw error.located(at: location)
        }
    }

    func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        try next?.push(&row, context)
    }

    func complete(_ context: ExecutionContext) throws(QueryError) {
        try next?.finish(context)
    }
}

/// MATCH / OPTIONAL MATCH: extends each row with every match of the pattern.
final class MatchOperator: Operator {
    var matcher: PatternMatcher
    let optional: Bool
    /// Set when the next operator runs this pattern itself (a fused plan): rows pass through.
    var bypass = false

    init(_ matcher: PatternMatcher, optional: Bool) {
        self.matcher = matcher
        self.optional = optional
    }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        guard let next else { return }
        if bypass { return try next.push(&row, context) }
        var found = false
        try matcher.forEachMatch(row, context) { (match: inout [Value]) throws(QueryError) in
            found = true
            try next.push(&match, context)
        }
        if optional && !found {
            var padded = Expr.widened(row, matcher.width - 1)
            for slot in matcher.introduced { padded[slot] = .null }
            try next.push(&padded, context)
        }
    }
}

/// UNWIND: one row per list element; null and empty lists give no rows, other values one row.
final class UnwindOperator: Operator {
    let expression: Expr
    let slot: Int

    init(_ expression: Expr, slot: Int) {
        self.expression = expression
        self.slot = slot
    }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        let value = try expression.evaluate(row, context)
        var out = Expr.widened(row, slot)
        switch value {
        case .null: return
        case .list(let items):
            // A large list is held while its rows flow on: it counts against the budget meanwhile.
            let held = items.count >= 1024 ? context.memory.track("the list UNWIND iterates") : nil
            try held?.resize(to: items.count * Value.inlineSize)
            defer { held?.release() }
            for item in items {
                out[slot] = item
                try next?.push(&out, context)
            }
        default:
            out[slot] = value
            try next?.push(&out, context)
        }
    }
}

/// WHERE after WITH: keeps rows whose predicate is true.
final class FilterOperator: Operator {
    let predicate: Expr

    init(_ predicate: Expr) { self.predicate = predicate }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        guard case .bool(true) = try predicate.evaluate(row, context) else { return }
        try next?.push(&row, context)
    }
}

/// Projection: a new row of the item values, optionally followed by the input row for ORDER BY.
final class ProjectOperator: Operator {
    let items: [Expr]
    let keepInput: Bool
    /// The last output row's storage, reused when no later operator kept the row.
    private var spare: [Value] = []

    init(_ items: [Expr], keepInput: Bool) {
        self.items = items
        self.keepInput = keepInput
    }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        var out = spare
        spare = []
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(items.count + (keepInput ? row.count : 0))
        for item in items { out.append(try item.evaluate(row, context)) }
        if keepInput { out.append(contentsOf: row) }
        try next?.push(&out, context)
        spare = out
    }
}

/// Grouping and aggregation: one output row per distinct key, in first-seen order.
///
/// Group states live in one flat array (group × aggregate) so updates happen in place; a single
/// grouping key is hashed as a value, not as a one-element array.
final class AggregateOperator: Operator {
    let keys: [Expr]
    let specs: [AggregationCollector.Spec]
    let outputs: [Expr]
    private var singleKeyGroups: [Value: Int] = [:]
    /// Integer keys (and integral floats, which are equivalent to them) hashed as plain integers.
    private var integerGroups: [Int64: Int] = [:]
    private var multiKeyGroups: [[Value]: Int] = [:]
    /// Grouping key values of every group, flat (group × key).
    private var groupKeys: [Value] = []
    private var groupCount = 0
    private var states: [AggregateState] = []
    // Unchecked: touched only by this operator's own process/complete, which never overlap.
    @exclusivity(unchecked) private var memory: MemoryReservation?

    init(keys: [Expr], specs: [AggregationCollector.Spec], outputs: [Expr]) {
        self.keys = keys
        self.specs = specs
        self.outputs = outputs
    }

    private func newGroup(_ key: [Value]) -> Int {
        groupKeys.append(contentsOf: key)
        for spec in specs { states.append(AggregateState(spec.function, distinct: spec.distinct)) }
        groupCount += 1
        return groupCount - 1
    }

    private func newGroup(single key: Value) -> Int {
        groupKeys.append(key)
        for spec in specs { states.append(AggregateState(spec.function, distinct: spec.distinct)) }
        groupCount += 1
        return groupCount - 1
    }

    private func group(for row: [Value], _ context: ExecutionContext) throws(QueryError) -> Int {
        switch keys.count {
        case 0:
            return groupCount == 0 ? newGroup([]) : 0
        case 1:
            let key = try keys[0].evaluate(row, context)
            var integer: Int64?
            switch key {
            case .int(let i): integer = i
            case .float(let f) where f == f.rounded() && abs(f) < 9.0e18: integer = Int64(f)
            default: integer = nil
            }
            if let integer {
                if let group = integerGroups[integer] { return group }
                let group = newGroup(single: key)
                integerGroups[integer] = group
                return group
            }
            if let group = singleKeyGroups[key] { return group }
            let group = newGroup(single: key)
            singleKeyGroups[key] = group
            return group
        default:
            var key: [Value] = []
            key.reserveCapacity(keys.count)
            for k in keys { key.append(try k.evaluate(row, context)) }
            if let group = multiKeyGroups[key] { return group }
            let group = newGroup(key)
            multiKeyGroups[key] = group
            return group
        }
    }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        let groupsBefore = groupCount
        let base = try group(for: row, context) * specs.count
        var held = 0
        if groupCount > groupsBefore {
            held += MemoryBudget.footprint(ofRow: groupKeys[(groupCount - 1) * keys.count..<groupCount * keys.count])
                + specs.count * 96
        }
        for (index, spec) in specs.enumerated() {
            switch spec.arguments.count {
            case 0: try states[base + index].add(.null)
            case 1:
                let value = try spec.arguments[0].evaluate(row, context)
                if try states[base + index].add(value) { held += value.footprint }
            default:
                let value = try spec.arguments[0].evaluate(row, context)
                if try states[base + index].add(value, try spec.arguments[1].evaluate(row, context)) { held += value.footprint }
            }
        }
        if held > 0 { try MemoryBudget.reservation(&memory, context, "grouping and aggregation").add(held) }
    }

    override func complete(_ context: ExecutionContext) throws(QueryError) {
        if groupCount == 0 && keys.isEmpty { _ = newGroup([]) }
        var aggregated: [Value] = []
        var out: [Value] = []
        out.reserveCapacity(outputs.count)
        aggregated.reserveCapacity(keys.count + specs.count)
        for group in 0..<groupCount {
            aggregated.removeAll(keepingCapacity: true)
            aggregated.append(contentsOf: groupKeys[group * keys.count..<(group + 1) * keys.count])
            for index in specs.indices { aggregated.append(states[group * specs.count + index].result()) }
            // One row buffer for all groups: reused whenever the next operator did not keep the row.
            out.removeAll(keepingCapacity: true)
            for output in outputs { out.append(try output.evaluate(aggregated, context)) }
            try next?.push(&out, context)
        }
        groupKeys.removeAll()
        groupCount = 0
        states.removeAll()
        memory?.release()
        singleKeyGroups.removeAll()
        integerGroups.removeAll()
        multiKeyGroups.removeAll()
        try next?.finish(context)
    }
}

/// DISTINCT over the first `width` columns.
final class DistinctOperator: Operator {
    let width: Int
    private var seen: Set<ArraySlice<Value>> = []
    // Unchecked: touched only by this operator's own process/complete, which never overlap.
    @exclusivity(unchecked) private var memory: MemoryReservation?

    init(width: Int) { self.width = width }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        let key = row[0..<min(width, row.count)]
        guard seen.insert(key).inserted else { return }
        try MemoryBudget.reservation(&memory, context, "DISTINCT").add(MemoryBudget.footprint(ofRow: key))
        try next?.push(&row, context)
    }
}

/// ORDER BY: buffers the rows and emits them sorted by the keys (stable).
final class SortOperator: Operator {
    let keys: [Expr]
    let ascending: [Bool]
    /// With `SKIP s LIMIT l` after the sort only the first `s + l` rows matter (top-k).
    let keep: Int?
    /// `keep` when it is small enough to hold the top rows in order as they come (each insertion
    /// moves up to `keep` rows); a larger `keep` buffers everything and sorts once, then cuts.
    private let insertionKeep: Int?
    private var rows: [(keys: [Value], sequence: Int, row: [Value])] = []
    private var sequence = 0
    private var scratch: [Value] = []
    /// The keys of the last kept row once `keep` rows are held: the bar a new row must beat.
    private var threshold: [Value]?
    // Unchecked: touched only by this operator's own process/complete, which never overlap.
    @exclusivity(unchecked) private var memory: MemoryReservation?

    /// The row slot of every key when all keys are plain columns (ORDER BY on projected items):
    /// keys are then compared in place, not evaluated into copies.
    private let keySlots: [Int]?

    init(_ keys: [(Expr, ascending: Bool)], keep: Int? = nil) {
        self.keys = keys.map(\.0)
        ascending = keys.map(\.ascending)
        self.keep = keep
        insertionKeep = keep.flatMap { $0 <= 4096 ? $0 : nil }
        var slots: [Int] = []
        for (key, _) in keys {
            guard case .slot(let i) = key else { break }
            slots.append(i)
        }
        keySlots = slots.count == keys.count ? slots : nil
    }

    /// How key `k` of `row` orders against `bound` (the ORDER BY total order, ascending).
    @inline(__always)
    private func compareKey(_ k: Int, _ row: [Value], _ bound: Value, _ context: ExecutionContext) throws(QueryError) -> Value.Order {
        if let keySlots {
            let i = keySlots[k]
            return i < row.count ? row[i].orderCompare(bound) : Value.null.orderCompare(bound)
        }
        return try keys[k].evaluate(row, context).orderCompare(bound)
    }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        sequence += 1
        if keep == 0 { return }
        if let threshold {
            // Top-k: most rows lose to the current last one on the first key alone.
            var wins = false
            for k in 0..<keys.count {
                let c = try compareKey(k, row, threshold[k], context)
                if c == .equal { continue }
                wins = ascending[k] ? c == .less : c == .greater
                break
            }
            if !wins { return }
        }
        scratch.removeAll(keepingCapacity: true)
        for key in keys { scratch.append(try key.evaluate(row, context)) }
        let held = MemoryBudget.reservation(&memory, context, "ORDER BY")
        guard let keep = insertionKeep else {
            try held.add(MemoryBudget.footprint(ofRow: scratch) + MemoryBudget.footprint(ofRow: row))
            rows.append((scratch, sequence, row))
            return
        }
        if rows.count < keep { try held.add(MemoryBudget.footprint(ofRow: scratch) + MemoryBudget.footprint(ofRow: row)) }
        var low = 0, high = rows.count
        while low < high {
            let mid = (low + high) / 2
            if precedes(rows[mid].keys, rows[mid].sequence, scratch, sequence) { low = mid + 1 } else { high = mid }
        }
        rows.insert((scratch, sequence, row), at: low)
        if rows.count > keep { rows.removeLast() }
        if rows.count == keep { threshold = rows[keep - 1].keys }
    }

    /// Whether a row whose first sort key is `first` could still enter the top k.
    func admits(first: Value) -> Bool {
        if keep == 0 { return false }
        guard let threshold else { return true }
        let c = first.orderCompare(threshold[0])
        if c == .equal { return true }
        return ascending[0] ? c == .less : c == .greater
    }

    @inline(__always)
    private func precedes(_ a: [Value], _ sa: Int, _ b: [Value], _ sb: Int) -> Bool {
        for k in 0..<ascending.count {
            let c = a[k].orderCompare(b[k])
            if c != .equal { return ascending[k] ? c == .less : c == .greater }
        }
        return sa < sb
    }

    override func complete(_ context: ExecutionContext) throws(QueryError) {
        if insertionKeep == nil {
            // Sorting millions of rows takes long enough to need the clock checked as it goes.
            do {
                try rows.sort { a, b in
                    try context.tick()
                    return precedes(a.keys, a.sequence, b.keys, b.sequence)
                }
            } catch let error as QueryError {
                throw error
            } catch {
                throw QueryError.runtime(.resourceLimit, "InternalError", "\(error)")
            }
            if let keep, rows.count > keep { rows.removeLast(rows.count - keep) }
        }
        let sorted = rows.map(\.row)
        rows.removeAll()
        threshold = nil
        memory?.release()
        for var row in sorted { try next?.push(&row, context) }
        try next?.finish(context)
    }
}

/// SKIP and LIMIT. In a query that does not write, reaching the limit stops the producers above
/// (``QueryError/enoughRows``): `MATCH (n) RETURN n LIMIT 1` reads one node, not all of them.
final class SkipLimitOperator: Operator {
    private var toSkip: Int
    private var remaining: Int
    /// Whether reaching the limit may stop the rows above (never when the query writes: every
    /// input row of a write clause must be written).
    let stopsEarly: Bool
    /// The SKIP and LIMIT as written, for EXPLAIN's estimates.
    let skip: Int, limit: Int?

    init(skip: Int, limit: Int?, stopsEarly: Bool = false) {
        toSkip = skip
        remaining = limit ?? Int.max
        self.stopsEarly = stopsEarly
        self.skip = skip
        self.limit = limit
    }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        if toSkip > 0 {
            toSkip -= 1
            return
        }
        guard remaining > 0 else {
            if stopsEarly { throw .enoughRows }
            return
        }
        remaining -= 1
        try next?.push(&row, context)
        if remaining == 0 && stopsEarly { throw .enoughRows }
    }
}

/// Drops the hidden columns kept for ORDER BY.
final class TruncateOperator: Operator {
    let width: Int

    init(width: Int) { self.width = width }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        var out = Array(row.prefix(width))
        try next?.push(&out, context)
    }
}

/// A barrier: every input row is read before any is passed on, so a write clause never sees its own writes.
final class EagerOperator: Operator {
    private var rows: [[Value]] = []
    // Unchecked: touched only by this operator's own process/complete, which never overlap.
    @exclusivity(unchecked) private var memory: MemoryReservation?

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        try MemoryBudget.reservation(&memory, context, "rows held before a write").add(MemoryBudget.footprint(ofRow: row))
        rows.append(row)
    }

    override func complete(_ context: ExecutionContext) throws(QueryError) {
        let buffered = rows
        rows.removeAll()
        memory?.release()
        for var row in buffered { try next?.push(&row, context) }
        try next?.finish(context)
    }
}

/// The end of a chain: keeps the result rows, or hands each to `consumer` as it comes.
final class CollectOperator: Operator {
    private(set) var rows: [[Value]] = []
    let width: Int
    /// Receives each row instead of the buffer, when the caller streams the result.
    var consumer: (([Value]) throws(QueryError) -> Void)?
    // Unchecked: touched only by this operator's own process/complete, which never overlap.
    @exclusivity(unchecked) private var memory: MemoryReservation?

    init(width: Int) { self.width = width }

    /// Rows that reached the end, buffered or handed to the consumer.
    private(set) var delivered = 0

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        let out = row.count == width ? row : Array(row.prefix(width))
        delivered += 1
        if let consumer { return try consumer(out) }
        try MemoryBudget.reservation(&memory, context, "the result rows").add(MemoryBudget.footprint(ofRow: out))
        rows.append(out)
    }

    override func complete(_ context: ExecutionContext) throws(QueryError) {}
}
