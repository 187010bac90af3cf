/// The run-level partial-match scores as the official Spider evaluator computes them.
///
/// For each component, the accuracy is the mean verdict over the examples whose prediction has any
/// item of it (`pred_total > 0`), the recall the mean over those whose gold has any
/// (`label_total > 0`), each 0 when no example counts, and the F1 is taken from those two means (1
/// when both are 0). An example where neither side has the clause counts towards neither, so a
/// clause most queries lack is judged on the few that have it; a plain mean over every example
/// would count all the others as matches.
///
/// ```swift
/// let averages = ComponentAverages.of(results.compactMap(\.components))
/// averages["IUEN"]?.f1
/// ```
public struct ComponentAverages: Sendable, Hashable, Codable {
    /// Mean verdict over examples with predicted items.
    public var accuracy: Double
    /// Mean verdict over examples with gold items.
    public var recall: Double
    /// From `accuracy` and `recall`, as the official evaluator takes it.
    public var f1: Double

    enum CodingKeys: String, CodingKey { case accuracy = "acc", recall = "rec", f1 }

    /// The averages of each component over `examples`.
    public static func of(_ examples: some Sequence<[String: ComponentVerdict]>) -> [String: ComponentAverages] {
        var sums: [String: (acc: Double, accCount: Int, rec: Double, recCount: Int)] = [:]
        for components in examples {
            for (name, verdict) in components {
                var sum = sums[name] ?? (0, 0, 0, 0)
                let value = verdict.match ? 1.0 : 0.0
                if verdict.predictionTotal > 0 {
                    sum.acc += value
                    sum.accCount += 1
                }
                if verdict.goldTotal > 0 {
                    sum.rec += value
                    sum.recCount += 1
                }
                sums[name] = sum
            }
        }
        return sums.mapValues { sum in
            let accuracy = sum.accCount == 0 ? 0 : sum.acc / Double(sum.accCount)
            let recall = sum.recCount == 0 ? 0 : sum.rec / Double(sum.recCount)
            let f1 = accuracy == 0 && recall == 0 ? 1 : 2 * accuracy * recall / (accuracy + recall)
            return ComponentAverages(accuracy: accuracy, recall: recall, f1: f1)
        }
    }
}
