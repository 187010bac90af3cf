import KnowledgeGraph

/// The baseline that offline answers are measured against: the entity of the expected type mentioned
/// most often in the top five passages (ties go to the earlier mention). Entities the question names are
/// skipped; when the question expects no particular type, any entity counts; yes/no questions get "yes".
///
/// ```swift
/// FrequencyBaseline(index: index).answer("Who founded …?", ranking: hits, seeds: seeds)
/// ```
public struct FrequencyBaseline: Sendable {
    /// The index.
    public let index: RetrievalIndex

    /// A baseline.
    public init(index: RetrievalIndex) {
        self.index = index
    }

    /// The baseline's answer, or "" when the passages mention nothing of the expected type.
    public func answer(_ question: String, ranking: [RankedPassage], seeds: Seeds) -> String {
        let analysis = AnswerExpectation(question)
        if analysis.expected == .yesNo { return "yes" }
        let expected = analysis.expected.category
        let named = Set(seeds.entities.map(\.entity))
        let reader = AnswerCandidates(index: index)
        var counts: [String: (count: Int, order: Int)] = [:]
        var order = 0
        for hit in ranking.prefix(5) {
            for candidate in reader.candidates(in: Int(hit.passage)) where candidate.end > candidate.start {
                guard candidate.entity < 0 || !named.contains(candidate.entity) else { continue }
                if let expected, candidate.category != expected { continue }
                order += 1
                let key = candidate.text
                counts[key] = ((counts[key]?.count ?? 0) + 1, counts[key]?.order ?? order)
            }
        }
        return counts.max { ($0.value.count, -$0.value.order) < ($1.value.count, -$1.value.order) }?.key ?? ""
    }
}
