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
        // "Which was created first": the year of the sentence that says most of what the question asks
        // ("The county was created in 1840"); a person's age by the first year of the article (the birth).
        let asksAge = analysis.words.contains { Self.birthWords.contains($0) || Self.ageWords.contains($0) }
        let asked = asksAge ? [] : contentTerms(of: analysis)
            .subtracting(index.analyzer.terms((analysis.alternatives + Self.earlierWords + Self.laterWords).joined(separator: " ")))
        var dated: [(text: String, year: Int)] = []
        for alternative in analysis.alternatives {
            guard let article = article(about: alternative, passages: passages),
                let year = asksDeath ? deathYear(in: article) : firstYear(in: article, saying: asked)
            else { return nil }
            dated.append((alternative, year))
        }
        guard dated.count == 2, dated[0].year != dated[1].year else { return nil }
        let earlier = dated[0].year < dated[1].year ? dated[0] : dated[1]
        let later = dated[0].year < dated[1].year ? dated[1] : dated[0]
        let chosen = wantsEarlier ? earlier : later
        return Answer(choice: chosen.text, expected: analysis.expected)
    }

    /// "Which magazine was started first, A or B?", "Which band is from Canada, A or B?": one of the two
    /// alternatives as written — by their dates (`compare`), else the one whose article holds more of the
    /// question's other words (idf-weighted); nil when neither alternative has an article among the passages.
    func choose(_ analysis: AnswerExpectation, passages: [RankedPassage]) -> Answer? {
        if let dated = compare(analysis, passages: passages) { return dated }
        if let measured = compareCounts(analysis, passages: passages) { return measured }
        let comparing = analysis.alternatives + Self.earlierWords + Self.laterWords + Self.largerWords + Self.smallerWords
        let alternativeTerms = Set(index.analyzer.terms(comparing.joined(separator: " ")))
        let content = contentTerms(of: analysis).subtracting(alternativeTerms)
        var best: (text: String, held: Double)?
        for alternative in analysis.alternatives {
            guard let article = article(about: alternative, passages: passages) else { continue }
            let terms = Set(index.analyzer.terms(index.graph.passages[article].text))
            let held = content.intersection(terms).reduce(0) { $0 + index.bm25.idf(of: $1) }
            if held > best?.held ?? -1 { best = (alternative, held) }
        }
        return best.map { Answer(choice: $0.text, expected: analysis.expected) }
    }

    /// Words that ask for the larger of two counts ("more members", "larger population"), and those that ask
    /// for the smaller.
    static let largerWords: Set<String> = ["more", "most", "larger", "largest", "bigger", "biggest", "greater", "higher"]
    static let smallerWords: Set<String> = ["fewer", "fewest", "less", "least", "smaller", "smallest", "lower"]

    /// "Which genus has more species, A or B?": the alternative whose article counts more (or fewer) of the
    /// noun after the comparative; nil when the question compares no count or an article gives none.
    func compareCounts(_ analysis: AnswerExpectation, passages: [RankedPassage]) -> Answer? {
        let words = analysis.words
        guard let position = words.firstIndex(where: { Self.largerWords.contains($0) || Self.smallerWords.contains($0) }),
            let noun = words[(position + 1)...].first(where: { WordClass.of($0) == .other })
        else { return nil }
        let wantsLarger = Self.largerWords.contains(words[position])
        var counted: [(text: String, count: Double)] = []
        for alternative in analysis.alternatives {
            guard let article = article(about: alternative, passages: passages),
                let count = Self.count(of: noun, in: index.graph.passages[article].text)
            else { return nil }
            counted.append((alternative, count))
        }
        guard counted.count == 2, counted[0].count != counted[1].count else { return nil }
        let chosen = (counted[0].count > counted[1].count) == wantsLarger ? counted[0] : counted[1]
        return Answer(choice: chosen.text, expected: analysis.expected)
    }

    /// The first number a text gives for a noun: written right before it ("47 species", "five founding
    /// members") or within a few words after it ("the population was 12,345", "a population of 2.5 million").
    /// A year is no count ("the 2010 census population").
    static func count(of noun: String, in text: String) -> Double? {
        let tokens = EntityKey.tokenizer.tokenize(text)
        let bytes = Array(text.utf8)
        func joined(_ position: Int, by separator: Unicode.Scalar) -> Bool {
            position + 1 < tokens.count && tokens[position + 1].isNumber && tokens[position + 1].start == tokens[position].end + 1
                && bytes[tokens[position].end] == UInt8(ascii: separator)
        }
        var numbers: [Int: Double] = [:]  // at the position of a number's last token
        var position = 0
        while position < tokens.count {
            defer { position += 1 }
            let token = tokens[position]
            guard token.isNumber, var value = Double(token.text) else {
                if let word = numberWordValues[token.text] { numbers[position] = word }
                continue
            }
            let first = position
            // "12,345": digit groups of three joined by a comma alone; "2.5": a decimal point.
            while joined(position, by: ","), tokens[position + 1].text.count == 3 {
                position += 1
                value = value * 1000 + (Double(tokens[position].text) ?? 0)
            }
            if position == first, joined(position, by: "."), let fraction = Double("0." + tokens[position + 1].text) {
                position += 1
                value += fraction
            }
            if position + 1 < tokens.count, let scale = scaleValues[tokens[position + 1].text] {
                position += 1
                value *= scale
            }
            if position == first, token.text.count == 4, (1000...2100).contains(Int(value)) { continue }
            numbers[position] = value
        }
        let singular = AnswerExpectation.singular(noun)
        for (at, token) in tokens.enumerated() where AnswerExpectation.singular(token.text) == singular {
            if let before = (max(0, at - 2)..<at).reversed().lazy.compactMap({ numbers[$0] }).first { return before }
            if let after = ((at + 1)..<min(tokens.count, at + 5)).lazy.compactMap({ numbers[$0] }).first { return after }
        }
        return nil
    }

    static let numberWordValues: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    ]
    static let scaleValues: [String: Double] = ["hundred": 100, "thousand": 1_000, "million": 1e6, "billion": 1e9]

    /// The best read passage whose title names the alternative.
    private func article(about alternative: String, passages: [RankedPassage]) -> Int? {
        let key = EntityKey.normalize(alternative)
        return passages.lazy.map { Int($0.passage) }.first { passage in
            let title = EntityKey.titleKeys(index.graph.passages[passage].title)
            return title.primary == key || title.full == key || title.primary.hasSuffix(" " + key) || key.hasSuffix(" " + title.primary)
        }
    }

    /// The analysed terms of the question's main clause without its stop words ("who", "which").
    private func contentTerms(of analysis: AnswerExpectation) -> Set<String> {
        Set(index.analyzer.terms(analysis.words.filter { !StopWords.extended.contains($0) }.joined(separator: " ")))
    }

    /// Words that compare ages.
    static let ageWords: Set<String> = ["older", "oldest", "younger", "youngest", "elder", "age"]

    /// The first year of the passage's sentence that holds the most of `terms` and writes a year; with none
    /// of them in any such sentence, the passage's first year.
    private func firstYear(in passage: Int, saying terms: Set<String>) -> Int? {
        let text = index.graph.passages[passage].text
        let tokens = EntityKey.tokenizer.tokenize(text)
        func year(_ token: Token) -> Int? {
            guard token.isNumber, token.text.count == 4, let year = Int(token.text), (1000...2100).contains(year) else { return nil }
            return year
        }
        var best: (held: Int, year: Int)?
        for sentence in SentenceSplitter().split(text) {
            let inside = tokens.filter { $0.start >= sentence.lowerBound && $0.end <= sentence.upperBound }
            guard let first = inside.lazy.compactMap(year).first else { continue }
            let held = terms.isEmpty ? 0 : Set(index.analyzer.terms(of: inside)).intersection(terms).count
            if held > best?.held ?? -1 { best = (held, first) }
            if terms.isEmpty { break }
        }
        return best?.year
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
            guard let hit = passages.first(where: { graph.titleEntity[Int($0.passage)] == seed.entity }) else { continue }
            let terms = Set(index.analyzer.terms(graph.passages[Int(hit.passage)].text))
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
            guard let hit = passages.first(where: { index.graph.titleEntity[Int($0.passage)] == seed.entity }),
                let nationality = openingNationality(of: Int(hit.passage))
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
        let articles = seeds.entities.compactMap { seed in
            passages.first { graph.titleEntity[Int($0.passage)] == seed.entity }.map { (seed.entity, Int($0.passage)) }
        }.prefix(2)
        guard articles.count == 2 else { return nil }
        let names = Set(articles.flatMap { graph.entities[Int($0.0)].key.split(separator: " ").map(String.init) })
        let tokens = EntityKey.tokenizer.tokenize(question)
        let nationalities = tokens.dropFirst().filter { token in
            token.isCapitalized && !names.contains(token.text) && Self.nationalityEndings.contains { token.text.hasSuffix($0) }
        }.map(\.text)
        guard !nationalities.isEmpty else { return nil }
        for (_, passage) in articles {
            let text = graph.passages[passage].text
            let end = SentenceSplitter().split(text).first?.upperBound ?? text.utf8.count
            let opening = Set(EntityKey.tokenizer.tokenize(text).prefix { $0.end <= end }.map(\.text))
            if !nationalities.allSatisfy(opening.contains) { return false }
        }
        return true
    }

    /// How the names of nationalities end ("American", "French", "Danish", "Chinese", "Israeli", "Icelandic").
    static let nationalityEndings = ["an", "ch", "sh", "ese", "i", "ic"]

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

extension ExtractiveAnswerer.Answer {
    /// An answer read from no one span: "yes", "no", or one of the alternatives a question offers.
    init(choice text: String, expected: AnswerExpectation.AnswerType) {
        self.init(text: text, score: 1, passage: -1, entity: -1, start: 0, end: 0, expected: expected)
    }
}
