import TextAnalysis

/// How well a candidate fits what the question says the answer is: the share of the question's class phrase
/// ("which British first-generation jet-powered medium bomber") that the candidate's description holds.
/// A candidate's description is the first sentence of its own article ("The English Electric Canberra is a
/// British first-generation jet-powered medium bomber") or the words right around its mention ("Andrew
/// Jaspan, co-founder of The Conversation, a not-for-profit media outlet"), whichever holds more; terms
/// count by their idf, so "bomber" weighs more than "British". A phrase of one term describes nothing.
///
/// ```swift
/// var description = ClassDescription(index: index, phrase: "American film actor")
/// description.share(of: candidate, in: context)   // 0…1
/// ```
struct ClassDescription {
    /// The phrase's analysed terms and their idf.
    let weights: [(term: String, weight: Double)]
    /// Their total.
    let total: Double
    let index: RetrievalIndex
    /// The bytes on each side of a mention that describe it.
    let radius: Int
    /// The article terms read so far, by entity.
    private var articleTerms: [Int32: Set<String>] = [:]

    /// A matcher for a question's class phrase ("" matches nothing).
    init(index: RetrievalIndex, phrase: String, radius: Int = 60) {
        var weighted: [String: Double] = [:]
        let terms = Set(index.analyzer.terms(phrase))
        // A bare class noun ("what county") is no description: "McLean … in Fairfax County" holds "county" and
        // is no county. Whether a candidate is of the class is `ExtractiveAnswerer.hasClass`'s question.
        if terms.count >= 2 {
            for term in terms { weighted[term] = max(index.bm25.idf(of: term), 0.1) }
        }
        // In term order, so that every sum is the same in every process (a dictionary's order is not).
        let weights = weighted.sorted { $0.key < $1.key }.map { (term: $0.key, weight: $0.value) }
        self.weights = weights
        self.total = weights.reduce(0) { $0 + $1.weight }
        self.index = index
        self.radius = radius
    }

    /// The share of the phrase (by idf) that the candidate's best description holds, 0 without a phrase.
    mutating func share(of candidate: AnswerCandidate, in context: SentenceContext) -> Double {
        guard total > 0 else { return 0 }
        var best = 0.0
        if candidate.entity >= 0, let article = index.articlePassage[candidate.entity] {
            best = held(in: articleFirstSentence(candidate.entity, passage: Int(article)))
        }
        if candidate.end > candidate.start {
            best = max(best, held(in: context.windowTerms(start: candidate.start, end: candidate.end, radius: radius)))
        }
        return best
    }

    private func held(in terms: Set<String>) -> Double {
        weights.reduce(0) { $0 + (terms.contains($1.term) ? $1.weight : 0) } / total
    }

    private mutating func articleFirstSentence(_ entity: Int32, passage: Int) -> Set<String> {
        if let terms = articleTerms[entity] { return terms }
        let text = index.graph.passages[passage].text
        let first = SentenceSplitter().split(text).first.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) } ?? ""
        let terms = Set(index.analyzer.terms(first))
        articleTerms[entity] = terms
        return terms
    }
}
