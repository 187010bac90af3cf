/// Meters the work of an edit-distance search against its budget.
///
/// Counting expansions alone cannot keep a time limit: one expansion of a pair of 40-node graphs
/// solves up to 40 assignment problems of 80 × 80 cells, one of two 6-node graphs costs a few hundred
/// nanoseconds. So the searches charge the meter for what they do, in units of about one inner-loop
/// step (an assignment of size s costs s³, a step cost over k placed nodes costs k), and the clock is
/// read each time ``quantum`` units have been charged: about 50 µs of work in a release build, about
/// 1 ms in a debug build. The largest single charge (the assignment bound, skipped above
/// ``assignmentSizeLimit`` cells a side) stays under a millisecond, so a time limit ends a search
/// within a few milliseconds of work.
///
/// Both searches of ``GraphEditDistance/Semantics/networkx`` share one deadline.
///
/// ```swift
/// var meter = SearchMeter(budget: SearchBudget(timeLimit: .milliseconds(500)))
/// if meter.expand(work: 120) { return }   // out of budget: return the best path so far
/// ```
struct SearchMeter {
    /// When the search must stop, or `nil` for no time limit.
    let deadline: ContinuousClock.Instant?
    /// The most expansions, or `nil` for no limit.
    let maxExpansions: Int?
    /// Expansions counted so far.
    private(set) var expansions = 0
    /// Whether the budget ran out; once set it stays set.
    private(set) var exhausted = false
    /// Work charged since the clock was last read.
    private var pending = 0

    /// Work units between two readings of the clock.
    static let quantum = 1 << 15

    /// The largest assignment (rows = columns) a search solves for a bound: about 0.1–0.5 ms for
    /// Jonker–Volgenant at 96 × 96 in a release build. Larger open sub-problems use the cheaper
    /// label-multiset bound only.
    static let assignmentSizeLimit = 96

    /// A meter for `budget`, its clock started now.
    init(budget: SearchBudget) {
        deadline = budget.timeLimit.map { ContinuousClock.now + $0 }
        maxExpansions = budget.maxExpansions
    }

    /// A meter with an absolute deadline, for a search that continues another one's budget.
    init(deadline: ContinuousClock.Instant?, maxExpansions: Int?) {
        self.deadline = deadline
        self.maxExpansions = maxExpansions
    }

    /// Counts one expansion costing `work` units; returns whether the budget has run out.
    mutating func expand(work: Int) -> Bool {
        if exhausted { return true }
        expansions += 1
        if let maxExpansions, expansions >= maxExpansions {
            exhausted = true
            return true
        }
        return charge(work)
    }

    /// Charges `work` units; returns whether the budget has run out.
    mutating func charge(_ work: Int) -> Bool {
        if exhausted { return true }
        pending &+= work
        guard pending >= Self.quantum, let deadline else { return false }
        pending = 0
        if ContinuousClock.now >= deadline { exhausted = true }
        return exhausted
    }

    /// The work units of solving an assignment of `size` rows.
    @inline(__always) static func assignmentWork(_ size: Int) -> Int { size &* size &* size &+ 1 }
}
