/// The mean of each partial score over the results that have it: a result without a key does not
/// count as 0 for it. The `partial` of every group of ``SQLEvaluationSummary`` and
/// ``CypherEvaluationSummary``.
///
/// ```swift
/// PartialMeans.of([["soft_f1": 1], ["soft_f1": 0.5, "syntax_ok": 1]])   // ["soft_f1": 0.75, "syntax_ok": 1]
/// ```
enum PartialMeans {
    static func of(_ partials: some Sequence<[String: Double]>) -> [String: Double] {
        var sums: [String: (total: Double, count: Int)] = [:]
        for partial in partials {
            for (key, value) in partial {
                sums[key, default: (0, 0)].total += value
                sums[key, default: (0, 0)].count += 1
            }
        }
        return sums.mapValues { $0.total / Double($0.count) }
    }
}
