import KnowledgeGraph
import TextAnalysis

/// Yes/no questions about two entities.
extension ExtractiveAnswerer {
    /// "yes" when every question entity's best passage holds most of the question's other words, else "no".
    func yesNo(_ analysis: AnswerExpectation, question: String, passages: [RankedPassage], seeds: Seeds) -> Answer {
        let graph = index.graph
        if let same = sameNationality(analysis, passages: passages, seeds: seeds)
            ?? bothOfNationality(question, passages: passages, seeds: seeds)
        {
            return Answer(choice: same ? "yes" : "no", expected: .yesNo)
        }
        var entityWords = Set<String>()
        for seed in seeds.entities { entityWords.formUnion(graph.entities[Int(seed.entity)].key.split(separator: " ").map(String.init)) }
        let content = Set(index.analyzer.terms(question)).subtracting(index.analyzer.terms(entityWords.joined(separator: " ")))
        var answer = "yes"
        for seed in seeds.entities.prefix(2) {
            guard let article = article(of: seed.entity, in: passages) else { continue }
            let terms = Set(index.analyzer.terms(graph.passages[article].text))
            let held = content.isEmpty ? 1 : Double(content.intersection(terms).count) / Double(content.count)
            if held < parameters.yesThreshold { answer = "no" }
        }
        return Answer(choice: answer, expected: .yesNo)
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
            guard let article = article(of: seed.entity, in: passages), let nationality = openingNationality(of: article)
            else { return nil }
            nationalities.append(nationality)
        }
        return nationalities[0] == nationalities[1]
    }

    /// "Were Georges Madon and François Coli both French?", "Are A and B both American gospel musicians?":
    /// whether the first sentence of each of the two question entities' articles writes the nationality the
    /// question names (a capitalised word shaped like one: "French", "South Korean", "Danish"); nil when the
    /// question names none or an article is not among the passages.
    func bothOfNationality(_ question: String, passages: [RankedPassage], seeds: Seeds) -> Bool? {
        let graph = index.graph
        // The question's entities that have an article among the passages ("French" may be an entity too).
        let articles = seeds.entities.compactMap { seed in article(of: seed.entity, in: passages).map { (seed.entity, $0) } }.prefix(2)
        guard articles.count == 2 else { return nil }
        let names = Set(articles.flatMap { graph.entities[Int($0.0)].key.split(separator: " ").map(String.init) })
        let tokens = EntityKey.tokenizer.tokenize(question)
        let nationalities = tokens.dropFirst().filter { token in
            token.isCapitalized && !names.contains(token.text) && Self.nationalityEndings.contains { token.text.hasSuffix($0) }
        }.map(\.text)
        guard !nationalities.isEmpty else { return nil }
        for (_, passage) in articles {
            let opening = Set(openingTokens(of: passage).map(\.text))
            if !nationalities.allSatisfy(opening.contains) { return false }
        }
        return true
    }

    /// How the names of nationalities end ("American", "French", "Danish", "Chinese", "Israeli", "Icelandic").
    static let nationalityEndings = ["an", "ch", "sh", "ese", "i", "ic"]

    /// The capitalised word after "a" or "an" (and maybe a year) and before a lower-case word in a passage's first
    /// sentence: "an American film director", "a Norrish novelist", "a 1994 American biographical film".
    func openingNationality(of passage: Int) -> String? {
        let tokens = openingTokens(of: passage)
        let original = Array(index.graph.passages[passage].text.utf8)
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

    /// The best read passage that is the entity's article.
    private func article(of entity: Int32, in passages: [RankedPassage]) -> Int? {
        passages.first { index.graph.titleEntity[Int($0.passage)] == entity }.map { Int($0.passage) }
    }

    /// The tokens of a passage's first sentence.
    private func openingTokens(of passage: Int) -> ArraySlice<Token> {
        let text = index.graph.passages[passage].text
        let end = SentenceSplitter().split(text).first?.upperBound ?? text.utf8.count
        return EntityKey.tokenizer.tokenize(text).prefix { $0.end <= end }
    }
}
