import Foundation
import KnowledgeGraph
import TextAnalysis

/// Answers a question offline from its ranked passages by picking a span of them.
///
/// It reads the best `answerPassageCount` passages and, further down the ranking, the articles of the entities
/// the best `bridgeSourceCount` passages name (`readPassages`). Candidates are their entity mentions, dates,
/// periods, numbers and subjects (see `AnswerCandidates`), lists of names for questions for several, and for
/// questions that ask for no name the noun phrases written right after the question's cue (`cueSpans`). Each
/// occurrence is scored by
/// - the expected answer type (`AnswerExpectation`): a candidate of the expected category gains
///   `typeWeight`, one of another known category loses `mismatchWeight`; dates and numbers answer only date and
///   number questions, periods only questions for a timeframe; a candidate whose IS_A class or name holds the
///   question's class noun ("which company") gains `classWeight`, a place of another kind ("which city" and a
///   county) loses `mismatchWeight`; role names answer questions about a position;
/// - the description: the share of the question's class phrase ("British first-generation jet-powered medium
///   bomber") held by the candidate's article's first sentence or the words around it, times
///   `descriptionWeight` (`ClassDescription`);
/// - the cue: the words before the question's wh-word ("formerly known as what") found right before the
///   candidate, times `cueWeight`; birth and death dates of an article's opening parentheses when the question
///   asks when someone was born or died (`lifeWeight`);
/// - proximity: how much of the question (idf-weighted, the candidate's own words left out) its sentence
///   holds, together with the sentence of another read passage that names the passage's subject (a two-hop
///   chain, `chainWeight`), times `proximityWeight`;
/// - the bridge structure: a typed relation of the passage that links the candidate and has a type word
///   of the question ("born" → `BORN_IN`) gains `relationWeight`; a passage reached through a bridge
///   gains `hopBonus`, and the bridge itself (the intermediate entity) loses it; a relation walk from the
///   question's entities that reads its words ends at candidates of the expected category (`RelationWalk`);
/// - the passage's rank: its retrieval score relative to the best, to the power `rankExponent`; in a passage
///   that another read passage leads to (the chain above), a candidate that passage does not name gets at
///   least that passage's rank times `chainRankShare`.
///
/// A candidate's score is its best occurrence plus `repetitionWeight` times the others (for a chain link, the
/// subject of a read passage another one names, only its best occurrence in each other passage: see
/// `CandidateTally`); entities the question names and spans whose words the question already contains are
/// never answers. Yes/no questions are answered "yes" when every passage about a question entity holds most
/// of the question's other words; "Who is older, A or B?" with one of the alternatives, by their dates,
/// counts or articles (`choose`).
///
/// ```swift
/// let answerer = ExtractiveAnswerer(index: index)
/// let answer = answerer.answer("Who founded the company where Selma Fell worked?", ranking: hits, seeds: seeds)
/// answer?.text   // "Jonas Fell"
/// ```
public struct ExtractiveAnswerer: Sendable {
    /// The index.
    public let index: RetrievalIndex
    /// The constants.
    public let parameters: AnswerParameters

    /// An answer with where it was read.
    public struct Answer: Sendable, Hashable, Codable {
        /// The answer text.
        public var text: String
        /// Its score (comparable within one question).
        public var score: Double
        /// The passage it was read from (-1 for yes/no and comparisons).
        public var passage: Int32
        /// The entity the span mentions, or -1 (numbers, yes/no, comparisons).
        public var entity: Int32
        /// UTF-8 offsets of the span in that passage.
        public var start: Int
        /// UTF-8 offset one past the span.
        public var end: Int
        /// The answer type the question asked for.
        public var expected: AnswerExpectation.AnswerType
    }

    /// An answerer.
    public init(index: RetrievalIndex, parameters: AnswerParameters = AnswerParameters()) {
        self.index = index
        self.parameters = parameters
    }

    /// The best answer to a question from its ranked passages, or nil when nothing fits.
    public func answer(_ question: String, ranking: [RankedPassage], seeds: Seeds) -> Answer? {
        rankedAnswers(question, ranking: ranking, seeds: seeds).first
    }

    /// The answer first, then the other span answers best first; for a yes/no question or a comparison only
    /// the answer.
    public func rankedAnswers(_ question: String, ranking: [RankedPassage], seeds: Seeds) -> [Answer] {
        let analysis = AnswerExpectation(question)
        let passages = readPassages(ranking)
        guard !passages.isEmpty else { return [] }
        if analysis.alternatives.count == 2, let choice = choose(analysis, passages: passages) { return [choice] }
        if analysis.expected == .yesNo { return [yesNo(analysis, question: question, passages: passages, seeds: seeds)] }
        return rankedCandidates(analysis, question: question, passages: passages, seeds: seeds)
    }

    /// The passages read: the best `answerPassageCount`, and among the next ones the articles of entities that
    /// the best `bridgeSourceCount` passages mention (the second hop of a bridge question, ranked low because
    /// the question names little of it).
    func readPassages(_ ranking: [RankedPassage]) -> [RankedPassage] {
        let count = parameters.answerPassageCount
        var read = Array(ranking.prefix(count))
        guard ranking.count > count, parameters.bridgeSourceCount > 0 else { return read }
        var mentioned = Set<Int32>()
        for hit in ranking.prefix(parameters.bridgeSourceCount) {
            mentioned.formUnion(index.mentions(in: Int(hit.passage)).map(\.entity))
        }
        for hit in ranking.dropFirst(count) where mentioned.contains(index.graph.titleEntity[Int(hit.passage)]) {
            read.append(hit)
        }
        return read
    }

    private func rankedCandidates(_ analysis: AnswerExpectation, question: String, passages: [RankedPassage],
                                  seeds: Seeds) -> [Answer]
    {
        var reading = QuestionReading(analysis, seeds: seeds, answerer: self)
        var tally = CandidateTally(repetitionWeight: parameters.repetitionWeight, linkedSubjects: linkedSubjects(of: passages))
        let top = max(passages.first?.score ?? 1, 1e-9)
        let contexts = passages.map { SentenceContext(index: index, passage: Int($0.passage), questionTerms: reading.questionTerms) }
        for (position, hit) in passages.enumerated() {
            let link = parameters.chainWeight > 0 ? linkedTerms(to: Int(hit.passage), passages: passages, contexts: contexts) : nil
            func rank(_ hit: RankedPassage) -> Double { pow(max(hit.score, 0) / top, parameters.rankExponent) }
            var weight = PassageWeight(rank: rank(hit))
            if let link {
                let leading = passages[link.position]
                weight.chain(to: Int(hit.passage), from: Int(leading.passage), leadingRank: rank(leading), answerer: self)
            }
            scoreCandidates(of: hit, context: contexts[position], linked: link?.terms ?? [], weight: weight,
                            reading: &reading, into: &tally)
        }
        addWalkEvidence(reading, to: &tally)
        // A chain of two or more typed relations that reads the question's words is stronger evidence than
        // anything a passage says near them: the ends of the longest such walks come first.
        // (A question for a kind — "what nationality" — is answered by a modifier, not by where a walk ends;
        // a walk that ends at a person where the question asks for a place found the wrong thing.)
        let asksForKind = analysis.classNoun.map(Self.kindNouns.contains) ?? false
        let expected = analysis.expected.category
        func strong(_ candidate: AnswerCandidate) -> Bool {
            !asksForKind && reading.longest >= Double(parameters.decisiveWalk) && candidate.entity >= 0
                && reading.walk[candidate.entity].map { Double($0.score) == reading.longest } == true
                && (expected == nil || candidate.category == .other || candidate.category == expected)
        }
        return tally.best.sorted {
            (strong($0.value.candidate) ? 1 : 0, $0.value.score, $1.key) > (strong($1.value.candidate) ? 1 : 0, $1.value.score, $0.key)
        }.map { _, entry in
            let candidate = entry.candidate
            return Answer(text: candidate.text, score: entry.score, passage: candidate.passage, entity: candidate.entity,
                          start: candidate.start, end: candidate.end, expected: analysis.expected)
        }
    }

    /// Scores every candidate of one read passage into the tally.
    private func scoreCandidates(of hit: RankedPassage, context: SentenceContext, linked: Set<String>,
                                 weight: PassageWeight, reading: inout QuestionReading, into tally: inout CandidateTally)
    {
        let passage = Int(hit.passage)
        let analysis = reading.analysis
        let bridges = Set(hit.paths.flatMap { $0.compactMap { step -> Int32? in
            if case .entity(let entity) = step { return entity }
            return nil
        } })
        let related = relatedEntities(in: passage, questionTerms: reading.questionTerms, known: reading.questionEntities.union(bridges))
        let reader = AnswerCandidates(index: index)
        var candidates = reader.candidates(in: passage)
        if analysis.asksForSeveral {
            candidates += reader.lists(in: passage, of: candidates.filter { !reading.questionEntities.contains($0.entity) })
        }
        // An answer that is no name ("sovereignty") is read right after the cue.
        if analysis.expected == .other, let last = reading.cueWords.last { candidates += reader.cueSpans(after: last, in: passage) }
        for read in candidates {
            let candidate = Self.narrowed(read, to: analysis)
            guard admissible(candidate, analysis: analysis, questionWords: reading.questionWords, questionEntities: reading.questionEntities)
            else { continue }
            var score = occurrenceScore(candidate, reading: &reading, context: context, linked: linked)
            if candidate.entity >= 0, related.contains(candidate.entity) { score += parameters.relationWeight }
            if !bridges.isEmpty { score += bridges.contains(candidate.entity) ? -parameters.hopBonus : parameters.hopBonus }
            tally.add(candidate, value: score * weight.of(candidate))
        }
    }

    /// What one occurrence of a candidate scores from the question and its sentence: type and class, proximity
    /// (with the chain), description, cue and life dates.
    private func occurrenceScore(_ candidate: AnswerCandidate, reading: inout QuestionReading, context: SentenceContext,
                                 linked: Set<String>) -> Double
    {
        var score = typeScore(candidate, reading.analysis)
        let own = context.coverage(at: candidate.start, excluding: candidate.text)
        let chained = linked.isEmpty ? 0 : context.coverage(at: candidate.start, excluding: candidate.text, linked: linked)
        score += parameters.proximityWeight * max(own, parameters.chainWeight * chained)
        score += parameters.descriptionWeight * reading.description.share(of: candidate, in: context)
        score += parameters.cueWeight * context.cueShare(reading.cueWords, before: candidate.start, radius: parameters.cueRadius)
        if let event = candidate.lifeEvent, reading.asksBirth != reading.asksDeath {
            score += (event == .birth) == reading.asksBirth ? parameters.lifeWeight : -parameters.lifeWeight
        }
        return score
    }

    /// A walk's evidence does not depend on the rank of the passage that names its end, so it is added once per
    /// candidate; the ends of the longest walks answer even when no read passage names them.
    private func addWalkEvidence(_ reading: QuestionReading, to tally: inout CandidateTally) {
        for (key, entry) in tally.best {
            tally.best[key]?.score = entry.score + reading.walked(entry.candidate.entity)
        }
        for (entity, end) in reading.walk where Double(end.score) == reading.longest && !tally.seen.contains(entity) {
            guard let last = end.relations.last else { continue }
            let relation = index.graph.relations[Int(last)]
            let entityRecord = index.graph.entities[Int(entity)]
            let candidate = AnswerCandidate(entity: entity, passage: relation.passage, start: 0, end: 0,
                                            text: AnswerCandidates.displayName(entityRecord.name), category: entityRecord.category)
            guard admissible(candidate, analysis: reading.analysis, questionWords: reading.questionWords,
                             questionEntities: reading.questionEntities)
            else { continue }
            let value = typeScore(candidate, reading.analysis) * parameters.walkOnlyWeight + reading.walked(entity)
            let key = AnswerMetrics.normalize(candidate.text)
            if value > (tally.best[key]?.score ?? -Double.infinity) { tally.best[key] = (value, value, candidate) }
        }
    }

    /// What a read passage's occurrences are weighted with: its rank (its retrieval score relative to the best,
    /// to the power `rankExponent`). A passage that another read passage leads to (names its subject: the second
    /// hop of a chain) is ranked low because the question names little of it: what it adds is weighted at least
    /// as the leading passage times `chainRankShare`, while what that passage already names (the bridge, its
    /// subject) keeps the passage's own rank.
    struct PassageWeight {
        let rank: Double
        private(set) var chainedRank: Double
        private(set) var named: Set<Int32> = []

        init(rank: Double) {
            self.rank = rank
            chainedRank = rank
        }

        /// Makes `passage` the second hop of a chain from `leading`.
        mutating func chain(to passage: Int, from leading: Int, leadingRank: Double, answerer: ExtractiveAnswerer) {
            let index = answerer.index
            chainedRank = max(rank, answerer.parameters.chainRankShare * leadingRank)
            named = Set(index.mentions(in: leading).map(\.entity)).union([index.graph.titleEntity[passage], index.graph.titleEntity[leading]])
        }

        /// The weight of an occurrence of a candidate of the passage.
        func of(_ candidate: AnswerCandidate) -> Double {
            candidate.entity >= 0 && named.contains(candidate.entity) ? rank : chainedRank
        }
    }

    /// The subjects of read passages that another read passage names: the links of a two-hop chain, more often
    /// the question's bridge than its answer.
    func linkedSubjects(of passages: [RankedPassage]) -> Set<Int32> {
        var named: [Int32: Set<Int32>] = [:]  // entity → passages that mention it
        for hit in passages {
            for mention in index.mentions(in: Int(hit.passage)) { named[mention.entity, default: []].insert(hit.passage) }
        }
        var subjects = Set<Int32>()
        for hit in passages {
            let subject = index.graph.titleEntity[Int(hit.passage)]
            if subject >= 0, named[subject]?.contains(where: { $0 != hit.passage }) == true { subjects.insert(subject) }
        }
        return subjects
    }

    /// Words that ask when someone was born, and those that ask when someone died.
    static let birthWords: Set<String> = ["born", "birth", "birthday", "birthdate"]
    static let deathWords: Set<String> = ["died", "die", "dies", "death", "killed"]

    /// Class nouns of questions about a kind, which a modifier answers ("What nationality were …?").
    static let kindNouns: Set<String> = [
        "nationality", "nationalities", "language", "languages", "color", "colour", "ethnicity", "origin", "descent",
        "citizenship", "religion", "genre",
    ]

    /// Whether a candidate may answer at all: the right kind for dates and numbers, not named by the question,
    /// not a modifier unless the question asks for a kind, not a year where a count is asked.
    private func admissible(_ candidate: AnswerCandidate, analysis: AnswerExpectation, questionWords: Set<String>,
                            questionEntities: Set<Int32>) -> Bool
    {
        if candidate.entity >= 0, questionEntities.contains(candidate.entity) { return false }
        // A kind ("What nationality …?") is written as a modifier, and is no person, place or work.
        let asksForKind = analysis.classNoun.map(Self.kindNouns.contains) ?? false
        if candidate.isModifier, !asksForKind { return false }
        if asksForKind, !candidate.isModifier, candidate.category != .other { return false }
        // A period answers "during what timeframe", and only that.
        if candidate.isPeriod != analysis.asksForPeriod { return false }
        // A list answers a question for several ("what other writers"), and only that.
        if candidate.isList != analysis.asksForSeveral { return false }
        let isDate = candidate.category == .date, isNumber = candidate.category == .number
        switch analysis.expected {
        case .date: guard isDate else { return false }
        case .number: guard isNumber, !Self.isYear(candidate.text) else { return false }
        default: guard !isDate, !isNumber else { return false }
        }
        let words = EntityKey.tokenizer.tokenize(candidate.text).map(\.text).filter { !StopWords.extended.contains($0) }
        // A date or a number the question writes ("the 1925 Birthday Honours") is what it asks from, not about.
        let asked = isDate || isNumber ? Set(analysis.words) : questionWords
        return !words.isEmpty && !words.allSatisfy { asked.contains($0) }
    }

    /// Whether two nouns are one, singular or plural ("country", "countries").
    static func sameNoun(_ first: String, _ second: String) -> Bool {
        AnswerExpectation.singular(first) == AnswerExpectation.singular(second)
    }

    /// Whether a text is a bare year ("1920"): a count question is not answered by one.
    static func isYear(_ text: String) -> Bool {
        text.count == 4 && text.allSatisfy(\.isNumber) && Int(text).map { (1000...2100).contains($0) } == true
    }

    /// The candidate cut to what the question asks: the year of a date when it asks "what year".
    static func narrowed(_ candidate: AnswerCandidate, to analysis: AnswerExpectation) -> AnswerCandidate {
        guard candidate.category == .date, analysis.classNoun == "year",
            let year = EntityKey.tokenizer.tokenize(candidate.text).last(where: { isYear($0.text) })
        else { return candidate }
        var narrowed = candidate
        narrowed.text = year.text
        if candidate.end > candidate.start {
            (narrowed.start, narrowed.end) = (candidate.start + year.start, candidate.start + year.end)
        }
        return narrowed
    }

    /// The terms of the best sentence of another read passage that names this passage's subject (its title
    /// entity): "Kiss and Tell … starring Shirley Temple as Corliss Archer" leads to the passage on Shirley
    /// Temple, whose "served as Chief of Protocol" holds the rest of the question.
    private func linkedTerms(to passage: Int, passages: [RankedPassage], contexts: [SentenceContext]) -> (terms: Set<String>, position: Int)? {
        let subject = index.graph.titleEntity[passage]
        var best: (share: Double, terms: Set<String>, position: Int)?
        for (position, other) in passages.enumerated() where Int(other.passage) != passage {
            let offsets = index.mentions(in: Int(other.passage)).compactMap { mention -> Int? in
                mention.entity == subject && mention.end > mention.start ? Int(mention.start) : nil
            }
            guard let terms = contexts[position].bestSentence(mentioning: offsets) else { continue }
            let share = contexts[position].weights.reduce(0) { $0 + (terms.contains($1.term) ? $1.weight : 0) }
            if share > (best?.share ?? -1) { best = (share, terms, position) }
        }
        return best.map { ($0.terms, $0.position) }
    }

    /// The type part of a candidate's score.
    private func typeScore(_ candidate: AnswerCandidate, _ analysis: AnswerExpectation) -> Double {
        var score = 0.0
        if let noun = analysis.classNoun, Self.roleNouns.contains(noun) {
            if Self.isRoleName(candidate.text) { return parameters.classWeight }
            // A person, place or work holds no position.
            if candidate.category != .other { score -= parameters.mismatchWeight }
        }
        if let expected = analysis.expected.category {
            if candidate.category == expected {
                score += parameters.typeWeight
            } else if candidate.category != .other {
                score -= parameters.mismatchWeight
            }
        }
        if let noun = analysis.classNoun, candidate.entity >= 0 {
            if hasClass(candidate.entity, noun) {
                score += parameters.classWeight
            } else if isOtherKindOfPlace(candidate.entity, than: noun) {
                // "What county …?" is not answered by a country, nor "which city" by a county.
                score -= parameters.mismatchWeight
            }
        }
        // "What nationality …?" asks for a modifier ("an American actress").
        if candidate.isModifier, let noun = analysis.classNoun, Self.kindNouns.contains(noun) {
            score += parameters.classWeight
        }
        // "how many people" and "3,677 people"; "13 km" counts no inhabitants.
        if let noun = analysis.classNoun, candidate.category == .number {
            let words = candidate.text.split(separator: " ")
            if words.count > 1, let unit = words.last?.lowercased(), unit.allSatisfy(\.isLetter),
                !AnswerCandidates.scales.contains(unit)
            {
                score += Self.sameNoun(unit, noun) ? parameters.classWeight : -parameters.mismatchWeight
            }
        }
        return score
    }

    /// Entities that a passage's typed relations link, under a type sharing a word with the question, to
    /// the passage's subject, a question entity or a bridge: "Mira Tavoss BORN_IN Caldmere" speaks for
    /// Caldmere when the question asks where someone was born.
    private func relatedEntities(in passage: Int, questionTerms: Set<String>, known: Set<Int32>) -> Set<Int32> {
        var result = Set<Int32>()
        let title = index.graph.titleEntity[passage]
        for relation in index.relations(of: passage) where index.typeMatches(relation.type, questionTerms) {
            let subjectKnown = relation.subject == title || known.contains(relation.subject)
            let objectKnown = relation.object == title || known.contains(relation.object)
            if !subjectKnown || objectKnown { result.insert(relation.subject) }
            if !objectKnown || subjectKnown { result.insert(relation.object) }
        }
        return result
    }
}
