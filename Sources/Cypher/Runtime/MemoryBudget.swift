import QuiverCore

/// The memory one query may hold, and what holds it now.
///
/// Operators that gather rows or values (sorting, grouping, `collect`, `DISTINCT`, eager barriers,
/// buffered results, variable-length and shortest-path frontiers, an `UNWIND` list) hold a
/// ``MemoryReservation`` sized as they grow; functions that build one large value (`range`,
/// comprehensions, `reduce`, string building) check first that it fits beside what is held. Past
/// the limit the query stops with `ResourceLimit` / `MemoryLimit`, before the memory is taken.
final class MemoryBudget {
    /// The budget in bytes.
    let limit: Int
    /// Bytes held by live reservations.
    private(set) var held = 0
    /// While PROFILE runs, the operator whose code runs now: reservations made then are charged to it.
    var charge: OperatorMemory.Charge?

    init(limit: Int) { self.limit = limit }

    /// Fails unless a value of `bytes` fits beside what the query already holds.
    @inline(__always)
    func requireRoom(_ bytes: Int, for what: @autoclosure () -> String) throws(QueryError) {
        if bytes > limit &- held { throw QueryError.memoryLimit(limit, what()) }
    }

    /// A reservation that starts empty and is resized as `what` grows.
    func track(_ what: String) -> MemoryReservation { MemoryReservation(self, what) }

    fileprivate func adjust(by delta: Int, for what: String) throws(QueryError) {
        if delta > 0, delta > limit &- held { throw QueryError.memoryLimit(limit, what) }
        held &+= delta
    }
}

/// Memory held by one operator or walk, counted against its query's ``MemoryBudget``.
///
/// Operators that buffer row by row add to ``pending`` and settle it in batches of
/// ``batchBytes`` (one budget check per batch, not per row): the budget may be passed by at most
/// one batch per operator before the query stops.
final class MemoryReservation {
    private let budget: MemoryBudget
    private let what: String
    private(set) var bytes = 0
    /// Bytes taken since the last settlement.
    private var pending = 0
    /// The PROFILE operator this reservation is charged to, if PROFILE runs.
    private let charge: OperatorMemory.Charge?
    /// What the charged operator was last told this reservation holds.
    private var noted = 0
    /// How much a reservation takes before it checks with the budget.
    static let batchBytes = 64 << 10

    fileprivate init(_ budget: MemoryBudget, _ what: String) {
        self.budget = budget
        self.what = what
        charge = budget.charge
    }

    /// Sets the reservation to `newBytes`; fails (holding what it held) when that does not fit.
    @inline(__always)
    func resize(to newBytes: Int) throws(QueryError) {
        guard newBytes != bytes else { return }
        try budget.adjust(by: newBytes &- bytes, for: what)
        bytes = newBytes
        noteCharge()
    }

    /// Adds `more` bytes.
    @inline(__always)
    func grow(by more: Int) throws(QueryError) {
        try budget.adjust(by: more, for: what)
        bytes &+= more
        noteCharge()
    }

    /// Adds `more` bytes, checking with the budget once ``batchBytes`` have gathered.
    @inline(__always)
    func add(_ more: Int) throws(QueryError) {
        pending &+= more
        noteCharge()
        if pending >= Self.batchBytes {
            let settled = pending
            pending = 0
            try grow(by: settled)
        }
    }

    /// Gives everything back (the operator emptied its buffers).
    func release() {
        pending = 0
        try? budget.adjust(by: -bytes, for: what)
        bytes = 0
        noteCharge()
    }

    /// Tells the charged operator (under PROFILE) what this reservation holds now.
    @inline(__always)
    private func noteCharge() {
        guard let charge else { return }
        let now = bytes &+ pending
        charge.record.add(now &- noted, operator: charge.index)
        noted = now
    }
}

/// The most memory each operator of a profiled plan held at once, for PROFILE's `memory_bytes`.
///
/// An operator's figure is the peak, over the run, of the bytes its ``MemoryReservation``s held
/// together (settled with the budget or not yet): the estimated footprint of the rows, keys, groups
/// and frontiers it buffered, as the budget counts them. Values a function only checks room for
/// (``MemoryBudget/requireRoom(_:for:)``) and rows merely passed on are not counted.
final class OperatorMemory {
    /// A reservation's link to the operator it is charged to.
    struct Charge {
        let record: OperatorMemory
        let index: Int
    }

    /// The peak bytes per operator, in plan order.
    private(set) var peaks: [Int]
    /// The bytes each operator's reservations hold now.
    private var current: [Int]

    init(operators: Int) {
        peaks = Array(repeating: 0, count: operators)
        current = peaks
    }

    fileprivate func add(_ delta: Int, operator index: Int) {
        guard index >= 0, index < peaks.count else { return }
        current[index] &+= delta
        peaks[index] = max(peaks[index], current[index])
    }
}

extension QueryError {
    /// The query needed more memory than its budget (`ResourceLimit` / `MemoryLimit`).
    static func memoryLimit(_ limit: Int, _ what: String) -> QueryError {
        .runtime(.resourceLimit, "MemoryLimit",
                 "the query needs more than its \(ByteCount.describe(limit)) memory budget (\(what)); "
                     + "narrow it (LIMIT, fewer rows or smaller lists) or allow more with --max-memory")
    }
}

extension MemoryBudget {
    /// The reservation in `slot`, made on first use (operators are built before the query's
    /// context exists, so they reserve lazily).
    @inline(__always)
    static func reservation(_ slot: inout MemoryReservation?, _ context: ExecutionContext, _ what: String) -> MemoryReservation {
        if let existing = slot { return existing }
        let made = context.memory.track(what)
        slot = made
        return made
    }

    /// The estimated bytes of a buffered row: its inline bytes, plus what its strings, lists,
    /// maps and entities hold (only those are looked into, so a row of numbers costs one multiply).
    @inline(__always)
    static func footprint(ofRow row: [Value]) -> Int {
        row.withUnsafeBufferPointer(footprint(of:))
    }

    /// The estimated bytes of a buffered part of a row.
    @inline(__always)
    static func footprint(ofRow row: ArraySlice<Value>) -> Int {
        row.withUnsafeBufferPointer(footprint(of:))
    }

    @inline(__always)
    private static func footprint(of values: UnsafeBufferPointer<Value>) -> Int {
        var total = 32 &+ values.count &* Value.inlineSize
        for index in values.indices where !values[index].isInline {
            total &+= values[index].footprint &- Value.inlineSize
        }
        return total
    }
}
