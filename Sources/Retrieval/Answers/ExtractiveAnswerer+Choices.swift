import KnowledgeGraph
import TextAnalysis

/// Yes/no questions and two-way comparisons.
extension ExtractiveAnswerer {
    /// Words that ask for the earlier of two dates, and those that ask for the later.
    static let earlierWords: Set<String> = ["older", "oldest", "first", "earlier", "earliest", "before", "elder"]
    static let laterWords: Set<String> = ["younger", "youngest", "later", "latest", "last", "after", "newer", "recently"]

    /// "Who is older, Annie Morton or Terry Richardson?": the alternative whose passage gives the earlier
    /// (or later) date; nil when the question compares something else or a date is missing.
    func compare(_ analysis: AnswerExpectation, passages: [RankedPassage]) -> Answer? {
        let wantsEarlier = analysis.words.contains { Self.earlierWords.contains($0) }
        let wantsLater = analysis.words.contains { Self.laterWords.contains($0) }
        guard wantsEarlier != wantsLater else { return nil }
        var dated: [(text: String, year: Int)] = []
        for alternative in analysis.alternatives {
            guard let year = firstYear(about: alternative, passages: passages) else { return nil }
            dated.append((alternative, year))
        }
        guard dated.count == 2, dated[0].year != dated[1].year else { return nil }
        let earlier = dated[0].year < dated[1].year ? dated[0] : dated[1]
        let later = dated[0].year < dated[1].year ? dated[1] : dated[0]
        let chosen = wantsEarlier ? earlier : later
        return Answer(text: chosen.text, score: 1, passage: -1, entity: -1, start: 0, end: 0, expected: analysis.expected)
    }

    /// The first year written in the best passage whose title names the alternative.
    private func firstYear(about alternative: String, passages: [RankedPassage]) -> Int? {
        let key = EntityKey.normalize(alternative)
        for hit in passages {
            let passage = index.graph.passages[Int(hit.passage)]
            let title = EntityKey.titleKeys(passage.title)
            guard title.primary == key || title.full == key || title.primary.hasSuffix(" " + key) || key.hasSuffix(" " + title.primary)
            else { continue }
            for token in EntityKey.tokenizer.tokenize(passage.text) where token.isNumber && token.text.count == 4 {
                if let year = Int(token.text), (1000...2100).contains(year) { return year }
            }
        }
        return nil
    }

    /// "yes" when every question entity's best passage holds most of the question's other words, else "no".
    func yesNo(_ analysis: AnswerExpectation, question: String, passages: [RankedPassage], seeds: Seeds) -> Answer {
        let graph = index.graph
        var entityWords = Set<String>()
        for seed in seeds.entities { entityWords.formUnion(graph.entities[Int(seed.entity)].key.split(separator: " ").map(String.init)) }
        let content = Set(index.analyzer.terms(question)).subtracting(index.analyzer.terms(entityWords.joined(separator: " ")))
        var answer = "yes"
        for seed in seeds.entities.prefix(2) {
            guard let hit = passages.first(where: { graph.titleEntity[Int($0.passage)] == seed.entity }) else { continue }
            let terms = Set(index.analyzer.terms(graph.passages[Int(hit.passage)].text))
            let held = content.isEmpty ? 1 : Double(content.intersection(terms).count) / Double(content.count)
            if held < parameters.yesThreshold { answer = "no" }
        }
        return Answer(text: answer, score: 1, passage: -1, entity: -1, start: 0, end: 0, expected: .yesNo)
    }
}
