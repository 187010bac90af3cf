/// The candidates scored so far, by normalised text: a candidate's score is its best occurrence plus
/// `repetitionWeight` times each other occurrence. A subject of a read passage that another read passage names
/// (`linkedSubjects`) is a link of a two-hop chain, more often the question's bridge than its answer, and its
/// article names it again and again: for it, only the best occurrence of each other passage adds.
struct CandidateTally {
    let repetitionWeight: Double
    /// Entities whose further mentions within one passage add nothing.
    let linkedSubjects: Set<Int32>
    var best: [String: (score: Double, occurrence: Double, candidate: AnswerCandidate)] = [:]
    /// Per candidate: its best occurrence in each passage, the sum of those, and the sum of the other
    /// occurrences (running sums, so that the score does not depend on a dictionary's order).
    private var occurrences: [String: (best: [Int32: Double], bests: Double, rest: Double)] = [:]
    /// The entities read as candidates so far.
    var seen = Set<Int32>()

    init(repetitionWeight: Double, linkedSubjects: Set<Int32> = []) {
        self.repetitionWeight = repetitionWeight
        self.linkedSubjects = linkedSubjects
    }

    /// Adds one occurrence.
    mutating func add(_ candidate: AnswerCandidate, value: Double) {
        seen.insert(candidate.entity)
        let key = AnswerMetrics.normalize(candidate.text)
        guard !key.isEmpty else { return }
        var entry = occurrences[key, default: ([:], 0, 0)]
        if let earlier = entry.best[candidate.passage] {
            entry.best[candidate.passage] = max(earlier, value)
            entry.bests += max(earlier, value) - earlier
            entry.rest += min(earlier, value)
        } else {
            entry.best[candidate.passage] = value
            entry.bests += value
        }
        occurrences[key] = entry
        let top = max(best[key]?.occurrence ?? value, value)
        let others = entry.bests - top
        let within = linkedSubjects.contains(candidate.entity) ? 0 : entry.rest
        let chosen = value >= top ? candidate : best[key]?.candidate ?? candidate
        best[key] = (top + repetitionWeight * (others + within), top, chosen)
    }
}
