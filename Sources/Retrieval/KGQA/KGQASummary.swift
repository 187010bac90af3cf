/// The figures of a KGQA run: Hits@1, Hits@5 and answer-set F1 (percentages over all questions,
/// a question with a missing topic counting as a miss), questions per second, and the same by hop
/// count when known.
///
/// ```swift
/// let summary = KGQASummary(results, seconds: 2.5)
/// print(summary.hits1, summary.questionsPerSecond)
/// ```
public struct KGQASummary: Sendable, Hashable, Codable {
    /// Questions answered.
    public var questions: Int
    /// Questions with gold answers (the denominators of the measures).
    public var scored: Int
    /// Questions whose topic entity was missing or not linked.
    public var missingTopic: Int
    /// Hits@1, in percent.
    public var hits1: Double
    /// Hits@5, in percent.
    public var hits5: Double
    /// Mean answer-set F1, in percent.
    public var f1: Double
    /// Questions whose Cypher query returned exactly the search's answers, in percent of those run.
    public var cypherAgreement: Double?
    /// Wall-clock seconds for the questions (loading excluded).
    public var seconds: Double
    /// Questions per second.
    public var questionsPerSecond: Double
    /// The same measures by hop count, keyed "1", "2", …, when hop counts are known.
    public var byHops: [String: Group]

    /// Measures over a group of questions.
    public struct Group: Sendable, Hashable, Codable {
        /// Questions with gold answers.
        public var scored: Int
        /// Hits@1, in percent.
        public var hits1: Double
        /// Hits@5, in percent.
        public var hits5: Double
        /// Mean F1, in percent.
        public var f1: Double
    }

    /// Summarises results answered in `seconds`.
    public init(_ results: [KGQAResult], seconds: Double) {
        questions = results.count
        missingTopic = results.filter { $0.error != nil }.count
        let all = Self.group(results)
        scored = all.scored
        hits1 = all.hits1
        hits5 = all.hits5
        f1 = all.f1
        let checked = results.compactMap(\.cypherAgrees)
        cypherAgreement = checked.isEmpty ? nil : 100 * Double(checked.filter { $0 }.count) / Double(checked.count)
        self.seconds = seconds
        questionsPerSecond = seconds > 0 ? Double(results.count) / seconds : 0
        var byHops: [String: Group] = [:]
        for hops in Set(results.compactMap(\.hops)) {
            byHops[String(hops)] = Self.group(results.filter { $0.hops == hops })
        }
        self.byHops = byHops
    }

    static func group(_ results: [KGQAResult]) -> Group {
        let scored = results.filter { !$0.gold.isEmpty }
        let count = Double(max(scored.count, 1))
        return Group(scored: scored.count,
                     hits1: 100 * Double(scored.filter { $0.hits1 == true }.count) / count,
                     hits5: 100 * Double(scored.filter { $0.hits5 == true }.count) / count,
                     f1: 100 * scored.map { $0.f1 ?? 0 }.reduce(0, +) / count)
    }
}
