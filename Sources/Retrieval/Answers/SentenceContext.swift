import TextAnalysis

/// How much of a question a passage holds around a span: the idf-weighted share of the question's analysed terms
/// in the span's sentence (for proximity, alone or with a linked sentence of another passage), and the terms
/// right before or around it (for the cue and the class phrase's description).
///
/// ```swift
/// let context = SentenceContext(index: index, passage: 3, questionTerms: Set(index.analyzer.terms(question)))
/// context.coverage(at: 120, excluding: "Caldmere")   // 0…1
/// ```
struct SentenceContext {
    /// The sentences' UTF-8 ranges.
    let sentences: [Range<Int>]
    /// Each sentence's analysed terms.
    let terms: [Set<String>]
    /// The question's terms with their idf.
    let weights: [(term: String, weight: Double)]
    /// The total idf of the question's terms.
    let total: Double
    let analyzer: Analyzer
    /// The passage's UTF-8 bytes.
    let bytes: [UInt8]

    init(index: RetrievalIndex, passage: Int, questionTerms: Set<String>) {
        let text = index.graph.passages[passage].text
        let bytes = Array(text.utf8)
        let sentences = SentenceSplitter().split(text)
        self.sentences = sentences
        self.analyzer = index.analyzer
        self.bytes = bytes
        self.terms = sentences.map { Set(index.analyzer.terms(String(decoding: bytes[$0], as: UTF8.self))) }
        var weighted: [String: Double] = [:]
        for term in questionTerms { weighted[term] = max(index.bm25.idf(of: term), 0.1) }
        // In term order, so that every sum is the same in every process (a dictionary's order is not).
        let weights = weighted.sorted { $0.key < $1.key }.map { (term: $0.key, weight: $0.value) }
        self.weights = weights
        self.total = max(weights.reduce(0) { $0 + $1.weight }, 1e-9)
    }

    /// The analysed terms of the words within `radius` bytes before a span and `after` bytes after it (`radius`
    /// when not given), inside the span's sentence (the span's own words left out).
    func windowTerms(start: Int, end: Int, radius: Int, after: Int? = nil) -> Set<String> {
        let sentence = sentences.first(where: { $0.upperBound > start }) ?? 0..<bytes.count
        let lower = max(sentence.lowerBound, start - radius), upper = min(sentence.upperBound, end + (after ?? radius))
        guard lower <= start, end <= upper else { return [] }
        // Cut at word boundaries so that no half word is analysed.
        var left = lower, right = upper
        if left > sentence.lowerBound { while left < start, bytes[left] != UInt8(ascii: " ") { left += 1 } }
        if right < sentence.upperBound { while right > end, bytes[right] != UInt8(ascii: " ") { right -= 1 } }
        let before = String(decoding: bytes[left..<start], as: UTF8.self)
        let after = String(decoding: bytes[end..<right], as: UTF8.self)
        return Set(analyzer.terms(before)).union(analyzer.terms(after))
    }

    /// How much of a cue ("lost his life secured") the `radius` bytes before a span hold: its last term
    /// ("secured", the word the answer follows) counts as much as all the others together.
    func cueShare(_ cue: [String], before start: Int, radius: Int) -> Double {
        guard let last = cue.last else { return 0 }
        let others = Set(cue.dropLast()).subtracting([last])
        let window = windowTerms(start: start, end: start, radius: radius, after: 0)
        let lastShare = window.contains(last) ? 1.0 : 0
        guard !others.isEmpty else { return lastShare }
        return (lastShare + Double(others.filter(window.contains).count) / Double(others.count)) / 2
    }

    /// The share of the question held by the sentence at a UTF-8 offset (the first sentence for offset 0),
    /// leaving out the terms of the candidate's own text.
    /// With `linked`, the terms of a sentence elsewhere that leads to this passage count as the sentence's own
    /// (see `bestSentence(mentioning:)`).
    func coverage(at offset: Int, excluding text: String, linked: Set<String> = []) -> Double {
        guard let sentence = sentences.firstIndex(where: { $0.upperBound > offset }) ?? sentences.indices.last else { return 0 }
        let own = Set(analyzer.terms(text))
        var held = 0.0, possible = 0.0
        for (term, weight) in weights where !own.contains(term) {
            possible += weight
            if terms[sentence].contains(term) || linked.contains(term) { held += weight }
        }
        return possible > 0 ? held / possible : 0
    }

    /// The terms of the sentence that holds most of the question among those that mention an entity (at the
    /// given UTF-8 offsets), or nil when none does: in a two-hop question, the sentence of the first passage that
    /// names the bridge holds the half of the question that the answer's sentence does not.
    func bestSentence(mentioning offsets: [Int]) -> Set<String>? {
        var best: (share: Double, terms: Set<String>)?
        for offset in offsets {
            guard let sentence = sentences.firstIndex(where: { $0.upperBound > offset }) else { continue }
            let share = weights.reduce(0) { $0 + (terms[sentence].contains($1.term) ? $1.weight : 0) } / total
            if share > (best?.share ?? -1) { best = (share, terms[sentence]) }
        }
        return best?.terms
    }
}
