import KnowledgeGraph
import TextAnalysis

/// Questions that offer a choice: "Who is older, A or B?" is answered with one of the alternatives as written.
extension ExtractiveAnswerer {
    /// Words that ask for the earlier of two dates, and those that ask for the later.
    static let earlierWords: Set<String> = ["older", "oldest", "first", "earlier", "earliest", "before", "elder"]
    static let laterWords: Set<String> = ["younger", "youngest", "later", "latest", "last", "after", "newer", "recently"]
    /// Words that compare ages.
    static let ageWords: Set<String> = ["older", "oldest", "younger", "youngest", "elder", "age"]
    /// Words that ask for the larger of two counts ("more members", "larger population"), and those that ask
    /// for the smaller.
    static let largerWords: Set<String> = ["more", "most", "larger", "largest", "bigger", "biggest", "greater", "higher"]
    static let smallerWords: Set<String> = ["fewer", "fewest", "less", "least", "smaller", "smallest", "lower"]

    /// "Which magazine was started first, A or B?", "Which band is from Canada, A or B?": one of the two
    /// alternatives as written — by their dates (`compareDates`), by the counts their articles give
    /// (`compareCounts`), else the one whose article holds more of the question's other words (idf-weighted);
    /// nil when neither alternative has an article among the passages.
    func choose(_ analysis: AnswerExpectation, passages: [RankedPassage]) -> Answer? {
        let articles = analysis.alternatives.compactMap { alternative in
            article(about: alternative, passages: passages).map { (text: alternative, passage: $0) }
        }
        let asked = askedTerms(of: analysis)
        if articles.count == 2 {
            if let dated = compareDates(analysis, articles, asked: asked) { return dated }
            if let counted = compareCounts(analysis, articles) { return counted }
        }
        var best: (text: String, held: Double)?
        for (text, passage) in articles {
            let terms = Set(index.analyzer.terms(index.graph.passages[passage].text))
            let held = asked.intersection(terms).reduce(0) { $0 + index.bm25.idf(of: $1) }
            if held > best?.held ?? -1 { best = (text, held) }
        }
        return best.map { Answer(choice: $0.text, expected: analysis.expected) }
    }

    /// The alternative whose article gives the earlier (or later) year; nil when the question compares no dates
    /// or a year is missing. "Who died first" reads the years of death; a question about age the first year of
    /// each article (the birth); anything else ("Which was created first") the year of the sentence that holds
    /// most of what the question asks ("The county was created in 1840", not "As of 2010 …").
    func compareDates(_ analysis: AnswerExpectation, _ articles: [(text: String, passage: Int)], asked: Set<String>) -> Answer? {
        let wantsEarlier = analysis.words.contains { Self.earlierWords.contains($0) }
        let wantsLater = analysis.words.contains { Self.laterWords.contains($0) }
        guard wantsEarlier != wantsLater else { return nil }
        let asksDeath = analysis.words.contains { Self.deathWords.contains($0) }
        let asksAge = analysis.words.contains { Self.birthWords.contains($0) || Self.ageWords.contains($0) }
        var dated: [(text: String, year: Int)] = []
        for (text, passage) in articles {
            guard let year = asksDeath ? deathYear(in: passage) : firstYear(in: passage, saying: asksAge ? [] : asked)
            else { return nil }
            dated.append((text, year))
        }
        guard dated[0].year != dated[1].year else { return nil }
        let chosen = (dated[0].year < dated[1].year) == wantsEarlier ? dated[0] : dated[1]
        return Answer(choice: chosen.text, expected: analysis.expected)
    }

    /// "Which genus has more species, A or B?": the alternative whose article counts more (or fewer) of the
    /// noun after the comparative; nil when the question compares no count or an article gives none.
    func compareCounts(_ analysis: AnswerExpectation, _ articles: [(text: String, passage: Int)]) -> Answer? {
        let words = analysis.words
        guard let position = words.firstIndex(where: { Self.largerWords.contains($0) || Self.smallerWords.contains($0) }),
            let noun = words[(position + 1)...].first(where: { WordClass.of($0) == .other })
        else { return nil }
        let wantsLarger = Self.largerWords.contains(words[position])
        var counted: [(text: String, count: Double)] = []
        for (text, passage) in articles {
            guard let count = Self.count(of: noun, in: index.graph.passages[passage].text) else { return nil }
            counted.append((text, count))
        }
        guard counted[0].count != counted[1].count else { return nil }
        let chosen = (counted[0].count > counted[1].count) == wantsLarger ? counted[0] : counted[1]
        return Answer(choice: chosen.text, expected: analysis.expected)
    }

    /// The first number a text gives for a noun: written right before it ("47 species", "five founding
    /// members") or within a few words after it ("the population was 12,345", "a population of 2.5 million").
    /// A year is no count ("the 2010 census population").
    static func count(of noun: String, in text: String) -> Double? {
        let tokens = EntityKey.tokenizer.tokenize(text)
        let bytes = Array(text.utf8)
        var numbers: [Int: Double] = [:]  // at the position of a number's last token
        var position = 0
        while position < tokens.count {
            defer { position += 1 }
            guard tokens[position].isNumber else {
                if let word = AnswerCandidates.numberWordValues[tokens[position].text] { numbers[position] = word }
                continue
            }
            let first = position
            let number = AnswerCandidates.writtenNumber(from: first, in: tokens, bytes: bytes)
            position = number.last
            guard let value = number.value, !(position == first && isYear(tokens[first].text)) else { continue }
            numbers[position] = value
        }
        let singular = AnswerExpectation.singular(noun)
        for (at, token) in tokens.enumerated() where AnswerExpectation.singular(token.text) == singular {
            if let before = (max(0, at - 2)..<at).reversed().lazy.compactMap({ numbers[$0] }).first { return before }
            if let after = ((at + 1)..<min(tokens.count, at + 5)).lazy.compactMap({ numbers[$0] }).first { return after }
        }
        return nil
    }

    /// The best read passage whose title names the alternative.
    private func article(about alternative: String, passages: [RankedPassage]) -> Int? {
        let key = EntityKey.normalize(alternative)
        return passages.lazy.map { Int($0.passage) }.first { passage in
            let title = EntityKey.titleKeys(index.graph.passages[passage].title)
            return title.primary == key || title.full == key || title.primary.hasSuffix(" " + key) || key.hasSuffix(" " + title.primary)
        }
    }

    /// The analysed terms of the question's main clause without its stop words ("who", "which"), the
    /// alternatives' words and the words that say how they compare: what an alternative's article should say.
    private func askedTerms(of analysis: AnswerExpectation) -> Set<String> {
        let content = analysis.words.filter { !StopWords.extended.contains($0) }
        let comparing = analysis.alternatives + Self.earlierWords + Self.laterWords + Self.largerWords + Self.smallerWords
        return Set(index.analyzer.terms(content.joined(separator: " ")))
            .subtracting(index.analyzer.terms(comparing.joined(separator: " ")))
    }

    /// The first year of the passage's sentence that holds the most of `terms` and writes a year; with none
    /// of them in any such sentence, the passage's first year.
    private func firstYear(in passage: Int, saying terms: Set<String>) -> Int? {
        let text = index.graph.passages[passage].text
        let tokens = EntityKey.tokenizer.tokenize(text)
        var best: (held: Int, year: Int)?
        for sentence in SentenceSplitter().split(text) {
            let inside = tokens.filter { $0.start >= sentence.lowerBound && $0.end <= sentence.upperBound }
            guard let first = inside.first(where: { Self.isYear($0.text) }), let year = Int(first.text) else { continue }
            let held = terms.isEmpty ? 0 : Set(index.analyzer.terms(of: inside)).intersection(terms).count
            if held > best?.held ?? -1 { best = (held, year) }
            if terms.isEmpty { break }
        }
        return best?.year
    }

    /// The year of the death date in the parentheses after an article's opening name, if it gives one.
    private func deathYear(in passage: Int) -> Int? {
        guard let death = AnswerCandidates(index: index).candidates(in: passage).first(where: { $0.lifeEvent == .death })
        else { return nil }
        return EntityKey.tokenizer.tokenize(death.text).last { Self.isYear($0.text) }.flatMap { Int($0.text) }
    }
}

extension ExtractiveAnswerer.Answer {
    /// An answer read from no one span: "yes", "no", or one of the alternatives a question offers.
    init(choice text: String, expected: AnswerExpectation.AnswerType) {
        self.init(text: text, score: 1, passage: -1, entity: -1, start: 0, end: 0, expected: expected)
    }
}
