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
        // "Who died first, A or B?" compares the years of death; anything else the first year of each article.
        let asksDeath = analysis.words.contains { Self.deathWords.contains($0) }
        var dated: [(text: String, year: Int)] = []
        for alternative in analysis.alternatives {
            guard let article = article(about: alternative, passages: passages),
                let year = asksDeath ? deathYear(in: article) : firstYear(in: article)
            else { return nil }
            dated.append((alternative, year))
        }
        guard dated.count == 2, dated[0].year != dated[1].year else { return nil }
        let earlier = dated[0].year < dated[1].year ? dated[0] : dated[1]
        let later = dated[0].year < dated[1].year ? dated[1] : dated[0]
        let chosen = wantsEarlier ? earlier : later
        return Answer(text: chosen.text, score: 1, passage: -1, entity: -1, start: 0, end: 0, expected: analysis.expected)
    }

    /// The best read passage whose title names the alternative.
    private func article(about alternative: String, passages: [RankedPassage]) -> Int? {
        let key = EntityKey.normalize(alternative)
        return passages.lazy.map { Int($0.passage) }.first { passage in
            let title = EntityKey.titleKeys(index.graph.passages[passage].title)
            return title.primary == key || title.full == key || title.primary.hasSuffix(" " + key) || key.hasSuffix(" " + title.primary)
        }
    }

    /// The first year a passage writes.
    private func firstYear(in passage: Int) -> Int? {
        EntityKey.tokenizer.tokenize(index.graph.passages[passage].text).lazy
            .compactMap { $0.isNumber && $0.text.count == 4 ? Int($0.text) : nil }.first { (1000...2100).contains($0) }
    }

    /// The year of the death date in the parentheses after an article's opening name, if it gives one.
    private func deathYear(in passage: Int) -> Int? {
        guard let death = AnswerCandidates(index: index).candidates(in: passage).first(where: { $0.lifeEvent == .death })
        else { return nil }
        return EntityKey.tokenizer.tokenize(death.text).lazy
            .compactMap { $0.isNumber && $0.text.count == 4 ? Int($0.text) : nil }.last { (1000...2100).contains($0) }
    }

    /// "yes" when every question entity's best passage holds most of the question's other words, else "no".
    func yesNo(_ analysis: AnswerExpectation, question: String, passages: [RankedPassage], seeds: Seeds) -> Answer {
        let graph = index.graph
        if let same = sameNationality(analysis, passages: passages, seeds: seeds) {
            return Answer(text: same ? "yes" : "no", score: 1, passage: -1, entity: -1, start: 0, end: 0, expected: .yesNo)
        }
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

    /// "Were Scott Derrickson and Ed Wood of the same nationality?", "Are both films from the same country?":
    /// whether the two question entities' articles open with the same nationality ("… is an American
    /// director"); nil when the question asks something else or an article gives none.
    func sameNationality(_ analysis: AnswerExpectation, passages: [RankedPassage], seeds: Seeds) -> Bool? {
        guard analysis.words.contains("same"), analysis.words.contains(where: { ["nationality", "nationalities", "citizenship", "country"].contains($0) }),
            seeds.entities.count >= 2
        else { return nil }
        var nationalities: [String] = []
        for seed in seeds.entities.prefix(2) {
            guard let hit = passages.first(where: { index.graph.titleEntity[Int($0.passage)] == seed.entity }),
                let nationality = openingNationality(of: Int(hit.passage))
            else { return nil }
            nationalities.append(nationality)
        }
        return nationalities[0] == nationalities[1]
    }

    /// The capitalised word after "a" or "an" (and maybe a year) and before a lower-case word in a passage's first
    /// sentence: "an American film director", "a Norrish novelist", "a 1994 American biographical film".
    func openingNationality(of passage: Int) -> String? {
        let text = index.graph.passages[passage].text
        let end = SentenceSplitter().split(text).first?.upperBound ?? text.utf8.count
        let tokens = EntityKey.tokenizer.tokenize(text).prefix { $0.end <= end }
        let original = Array(text.utf8)
        for position in tokens.indices.dropLast() where tokens[position].isCapitalized {
            let start = tokens[position].start, after = tokens[position + 1]
            // "a 1994 American film": a year may stand between the article and the nationality.
            var opening = start
            if position > 0, tokens[position - 1].isNumber, tokens[position - 1].end + 1 == start { opening = tokens[position - 1].start }
            let before = String(decoding: original[max(0, opening - 4)..<opening], as: UTF8.self).lowercased()
            guard before.hasSuffix(" a ") || before.hasSuffix(" an "), !after.isCapitalized,
                [.other, .verb].contains(WordClass.of(after.text))  // "film" may be a verb
            else { continue }
            return String(decoding: original[start..<tokens[position].end], as: UTF8.self)
        }
        return nil
    }
}
