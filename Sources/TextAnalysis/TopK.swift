/// Selection of the k largest scores of a dense array.
///
/// ```swift
/// TopK.select([0.1, 0.9, 0.5], limit: 2)   // [(index: 1, score: 0.9), (index: 2, score: 0.5)]
/// ```
public enum TopK {
    /// The `limit` largest entries, best first; equal scores keep the lower index first.
    public static func select(_ scores: [Double], limit: Int) -> [(index: Int, score: Double)] {
        guard limit > 0, !scores.isEmpty else { return [] }
        // A small sorted buffer: limit is small (≤ a few hundred) in every use here.
        var best: [(index: Int, score: Double)] = []
        best.reserveCapacity(limit + 1)
        for (index, score) in scores.enumerated() {
            if best.count == limit, let last = best.last, !(score > last.score) { continue }
            var position = best.count
            while position > 0, best[position - 1].score < score { position -= 1 }
            best.insert((index, score), at: position)
            if best.count > limit { best.removeLast() }
        }
        return best
    }
}
