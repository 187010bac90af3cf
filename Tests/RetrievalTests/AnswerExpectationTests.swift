import Foundation
import KnowledgeGraph
import Testing
@testable import Retrieval

@Suite struct AnswerExpectationTests {
    @Test(arguments: [
        // The wh-word that asks, not the one that opens a relative clause.
        ("The football manager who recruited David Beckham managed Manchester United during what timeframe?", "date", "timeframe"),
        ("The battle in which Giuseppe Arimondi lost his life secured what for Ethiopia?", "other", "-"),
        ("According to the 2001 census, what was the population of the city in which Kirton End is located?", "number", "population"),
        ("Alvaro Mexia had a diplomatic mission with which tribe of indigenous people?", "other", "tribe"),
        ("Robert Suettinger was the national intelligence officer under which former Governor of Arkansas?", "person", "governor"),
        ("2014 S/S is the debut album of a South Korean boy group that was formed by who?", "person", "-"),
        // Noun heads through compounds, capitalised words and base verb forms.
        ("Which American film director hosted the 18th Independent Spirit Awards in 2002?", "person", "director"),
        ("Which other Mexican Formula One race car driver has held the podium?", "person", "driver"),
        ("What government position was held by the woman who portrayed Corliss Archer?", "other", "position"),
        ("What is the name of the executive producer of the film?", "person", "producer"),
        ("What is the middle name of the actress who plays Bobbi Bacha?", "other", "name"),
        ("What's the name of the fantasy film starring Sarah Bolger?", "work", "film"),
        ("The arena where the Lewiston Maineiacs played can seat how many people?", "number", "people"),
        ("Roger O. Egeberg served under a president that served during what years?", "date", "years"),
    ])
    func readsWhatTheQuestionAsksFor(question: String, type: String, noun: String) {
        let expectation = AnswerExpectation(question)
        #expect(expectation.expected.rawValue == type)
        #expect((expectation.classNoun ?? "-") == noun)
    }

    static func answer(_ question: String, _ documents: [CorpusDocument],
                       parameters: AnswerParameters = AnswerParameters()) throws -> String? {
        try QuestionAnswering(index: makeIndex(documents), answerParameters: parameters)
            .ask(question, method: .hybrid, limit: 3).answer?.text
    }

    @Test func aModifierIsNoAnswerUnlessTheQuestionAsksForAKind() throws {
        let documents = [
            CorpusDocument(id: "k", title: "Kiss and Tell (1945 film)", text: "Kiss and Tell is a 1945 American comedy film starring Shirley Temple as Corliss Archer."),
            CorpusDocument(id: "s", title: "Shirley Temple", text: "Shirley Temple was an American actress. She later served as United States Ambassador to Ghana."),
        ]
        let who = try Self.answer("Who starred as Corliss Archer in the film Kiss and Tell?", documents)
        #expect(who == "Shirley Temple")
        let nationality = try Self.answer("What nationality was the actress who starred in Kiss and Tell?", documents)
        #expect(nationality == "American")
    }

    @Test func whatYearAsksForTheYearOfADateNotOneTheQuestionWrites() throws {
        let documents = [
            CorpusDocument(id: "h", title: "1925 Birthday Honours", text: "The 1925 Birthday Honours were appointments by King George V of the United Kingdom."),
            CorpusDocument(id: "g", title: "George V", text: "George V (3 June 1865 – 20 January 1936) was King of the United Kingdom from 1910."),
        ]
        #expect(try Self.answer("In which year was the King who made the 1925 Birthday Honours born?", documents) == "1865")
    }

    @Test func anOpeningFullNameAnswersWithItsTitle() throws {
        let documents = [
            CorpusDocument(id: "f", title: "Fine Gael", text: "Fine Gael is a party in Ireland. Its leader is Leo Varadkar."),
            CorpusDocument(id: "l", title: "Leo Varadkar", text: "Leo Eric Varadkar (born 18 January 1979) is an Irish politician who leads Fine Gael."),
        ]
        #expect(try Self.answer("Which Irish politician leads Fine Gael?", documents) == "Leo Varadkar")
    }

    @Test(arguments: [
        ("Which British first-generation jet-powered medium bomber was used in the war?", "British first-generation jet-powered medium bomber", ""),
        ("The Kessel Rovers compete in a league that was formerly known as what?", "", "formerly known as"),
        ("2014 S/S is the debut album of a boy group that was formed by who?", "", "was formed by"),
        ("Where is the company that Selma Fell worked for headquartered?", "", "headquartered"),
        ("What is the Edsa Shangri-La an instance of?", "", ""),
    ])
    func readsTheClassPhraseAndTheCue(question: String, phrase: String, cue: String) {
        let expectation = AnswerExpectation(question)
        #expect(expectation.classPhrase == phrase)
        #expect(expectation.cue == cue)
    }

    @Test func howManyCountsItsPluralNoun() {
        let expectation = AnswerExpectation("The record holder has won how many tournaments worldwide?")
        #expect(expectation.expected == .number)
        #expect(expectation.classNoun == "tournaments")
    }

    @Test func theCandidateWhoseArticleDescribesTheClassPhraseAnswers() throws {
        let documents = [
            CorpusDocument(id: "v", title: "Vell Islands", text: "The Vell Islands were served by the Tessel Wind and the Marlow Spray from 1950 to 1961."),
            CorpusDocument(id: "t", title: "Tessel Wind", text: "The Tessel Wind was an experimental Kaskan steam ferry built in Orlin."),
            CorpusDocument(id: "m", title: "Marlow Spray", text: "The Marlow Spray is a Norrish twin-engined coastal ferry built in Brannock."),
        ]
        let question = "Which Norrish twin-engined coastal ferry served the Vell Islands?"
        #expect(try Self.answer(question, documents) == "Marlow Spray")
        // The description decides: both ferries' articles are read, only one holds the whole class phrase.
        let index = makeIndex(documents)
        var description = ClassDescription(index: index, phrase: AnswerExpectation(question).classPhrase)
        let context = SentenceContext(index: index, passage: 0, questionTerms: [])
        let shares = Dictionary(AnswerCandidates(index: index).candidates(in: 0)
            .filter { $0.end > $0.start }.map { ($0.text, description.share(of: $0, in: context)) }, uniquingKeysWith: max)
        #expect(shares["Marlow Spray"] == 1)
        #expect((shares["Tessel Wind"] ?? 1) < 0.5)
    }

    @Test func theCueBeforeTheWhWordPointsAtTheAnswer() throws {
        let documents = [
            CorpusDocument(id: "k", title: "Kessel Rovers", text: "The Kessel Rovers are a football club from Orlin. They compete in the Northern Premier Circuit."),
            CorpusDocument(id: "n", title: "Northern Premier Circuit", text: "The Northern Premier Circuit, organised by the Lund Committee and formerly known as the Vell Football Alliance, was founded in 1921."),
        ]
        let question = "The Kessel Rovers compete in a league that was formerly known as what?"
        #expect(try Self.answer(question, documents) == "Vell Football Alliance")
        // The cue's words stand right before the answer, and not before the other names of its sentence.
        let index = makeIndex(documents)
        let cue = index.analyzer.terms(AnswerExpectation(question).cue)
        let context = SentenceContext(index: index, passage: 1, questionTerms: [])
        let text = index.graph.passages[1].text
        func share(before name: String) -> Double {
            let start = text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: name)!.lowerBound.samePosition(in: text.utf8)!)
            return context.cueShare(cue, before: start, radius: AnswerParameters().cueRadius)
        }
        #expect(share(before: "the Vell Football Alliance") == 1)
        #expect(share(before: "Lund Committee") == 0)
    }

    @Test func anArticlesOpeningParenthesesGiveBirthAndDeath() throws {
        let documents = [
            CorpusDocument(id: "g", title: "The Grey Harbour", text: "The Grey Harbour is a 1950 novel by Edda Lorne, first published in Orlin."),
            CorpusDocument(id: "e", title: "Edda Lorne", text: "Edda Lorne (3 March 1901 – 9 May 1977) was a Norrish novelist. She moved to Caldmere on 12 June 1930."),
        ]
        #expect(try Self.answer("When was the author of The Grey Harbour born?", documents) == "3 March 1901")
        #expect(try Self.answer("When did the author of The Grey Harbour die?", documents) == "9 May 1977")
        var candidates = AnswerCandidates(index: makeIndex(documents))
            .candidates(in: 1).filter { $0.lifeEvent != nil }
        candidates.sort { $0.start < $1.start }
        #expect(candidates.map(\.lifeEvent) == [.birth, .death])
    }

    @Test func aQuestionAboutAPositionIsAnsweredByARoleName() throws {
        #expect(ExtractiveAnswerer.isRoleName("Chief of Protocol of the United States"))
        #expect(ExtractiveAnswerer.isRoleName("United States Senator"))
        #expect(!ExtractiveAnswerer.isRoleName("United Artists"))
        #expect(!ExtractiveAnswerer.isRoleName("Ghana"))
        let documents = [
            CorpusDocument(id: "g", title: "The Grey Harbour", text: "The Grey Harbour is a 1950 film starring Edda Lorne as Mara Venn."),
            CorpusDocument(id: "e", title: "Edda Lorne", text: "Edda Lorne was a Norrish actress. She was later named ambassador to Kaska and served as Chief of Protocol of Norrland."),
        ]
        #expect(try Self.answer("What government position did Edda Lorne hold?", documents) == "Chief of Protocol of Norrland")
    }

    @Test func aQuestionForATimeframeIsAnsweredByAPeriodAndOnlyItIs() throws {
        let documents = [
            CorpusDocument(id: "c", title: "Orlin Rovers", text: "Orlin Rovers is a football club. Its longest-serving manager was Edda Lorne."),
            CorpusDocument(id: "e", title: "Edda Lorne", text: "Edda Lorne (3 March 1941 – 9 May 2017) was a Norrish football manager who managed Orlin Rovers from 1986 to 2013."),
        ]
        #expect(try Self.answer("The longest-serving manager of Orlin Rovers managed the club during what timeframe?", documents) == "from 1986 to 2013")
        #expect(try Self.answer("When was the longest-serving manager of Orlin Rovers born?", documents) == "3 March 1941")
        let periods = AnswerCandidates(index: makeIndex(documents)).candidates(in: 1).filter(\.isPeriod).map(\.text)
        #expect(periods == ["from 1986 to 2013"])  // the life dates make no period
    }

    @Test func wordsRightAfterTheCueAreCandidatesEvenWhenTheyNameNothing() throws {
        let documents = [
            CorpusDocument(id: "b", title: "Battle of Orlin", text: "The Battle of Orlin was fought in 1896. It was a decisive defeat for Kaska and secured Norrish sovereignty."),
        ]
        let index = makeIndex(documents)
        let cue = index.analyzer.terms(AnswerExpectation("The battle in which Edda Lorne lost her life secured what for Norrland?").cue)
        let spans = AnswerCandidates(index: index).cueSpans(after: try #require(cue.last), in: 0).map(\.text)
        #expect(spans == ["Norrish sovereignty"])
    }

    @Test func aPlaceOfAnotherKindLosesToTheKindAskedFor() throws {
        #expect(ExtractiveAnswerer.placeKind("town") == ExtractiveAnswerer.placeKind("city"))
        #expect(ExtractiveAnswerer.placeKind("states") == ExtractiveAnswerer.placeKind("country"))
        #expect(ExtractiveAnswerer.placeKind("county") != ExtractiveAnswerer.placeKind("country"))
        #expect(ExtractiveAnswerer.placeKind("place") == nil)
        let documents = [
            CorpusDocument(id: "m", title: "Marlow", text: "Marlow is a town in Brannock County, in the Kingdom of Norrland. Edda Lorne was born in Marlow."),
        ]
        let answerer = ExtractiveAnswerer(index: makeIndex(documents))
        let county = try #require(answerer.index.graph.entities.firstIndex { $0.name == "Brannock County" })
        #expect(answerer.isOtherKindOfPlace(Int32(county), than: "city"))
        #expect(!answerer.isOtherKindOfPlace(Int32(county), than: "county"))
        #expect(!answerer.isOtherKindOfPlace(Int32(county), than: "place"))
    }

    @Test func theSentenceThatLeadsToAPassageCountsWithTheAnswersSentence() throws {
        let documents = [
            CorpusDocument(id: "g", title: "The Grey Harbour", text: "The Grey Harbour is a 1950 film starring Edda Lorne as Mara Venn."),
            CorpusDocument(id: "e", title: "Edda Lorne", text: "Edda Lorne is a Norrish actress. Her first novel was published in 1962."),
        ]
        let question = "In what year was the first novel of the actress who starred in The Grey Harbour published?"
        #expect(try Self.answer(question, documents) == "1962")
        let index = makeIndex(documents)
        let terms = Set(index.analyzer.terms(question))
        let film = SentenceContext(index: index, passage: 0, questionTerms: terms)
        let actress = SentenceContext(index: index, passage: 1, questionTerms: terms)
        let mention = try #require(index.passageMentions[Int(index.mentionStarts[0])..<Int(index.mentionStarts[1])]
            .first { index.graph.entities[Int($0.entity)].name == "Edda Lorne" })
        let linked = try #require(film.bestSentence(mentioning: [Int(mention.start)]))
        let offset = documents[1].text.utf8.count - 5  // inside "1962"
        let alone = actress.coverage(at: offset, excluding: "1962")
        let chained = actress.coverage(at: offset, excluding: "1962", linked: linked)
        #expect(alone < 0.7)
        #expect(chained > alone + 0.2)
    }

    @Test func whatTheSecondHopOfAChainAddsIsWeightedAsThePassageThatLeadsToIt() throws {
        let documents = [
            CorpusDocument(id: "k", title: "Kessel Rovers", text: "The Kessel Rovers are a football club in Brannock, founded by the shipwright Orla Menz."),
            CorpusDocument(id: "o", title: "Orla Menz", text: "Orla Menz was a Norrish shipwright. Menz was born in Caldmere, north of Brannock."),
            CorpusDocument(id: "b", title: "Brannock", text: "Brannock is a harbour city in Norrland, home of a football club."),
        ]
        let question = "In which city was the founder of the football club Kessel Rovers born?"
        let index = makeIndex(documents)
        let retriever = Retriever(index: index)
        let seeds = SeedLinker(index: index, parameters: retriever.parameters).seeds(for: question)
        let ranking = retriever.retrieve(question, seeds: seeds, method: .hybrid, limit: 10)
        #expect(index.graph.passages[Int(ranking[0].passage)].title == "Kessel Rovers")
        func score(_ answer: String, chainRankShare: Double) throws -> Double {
            var parameters = AnswerParameters()
            parameters.chainRankShare = chainRankShare
            let answers = ExtractiveAnswerer(index: index, parameters: parameters).rankedAnswers(question, ranking: ranking, seeds: seeds)
            return try #require(answers.first { $0.text == answer }).score
        }
        let orla = try #require(ranking.first { index.graph.passages[Int($0.passage)].title == "Orla Menz" })
        #expect(pow(orla.score / ranking[0].score, AnswerParameters().rankExponent) < 0.6)
        // Caldmere, which only Orla Menz's article names, gains; Brannock, which the leading passage names, does not.
        #expect(try score("Caldmere", chainRankShare: 1) > 1.2 * score("Caldmere", chainRankShare: 0))
        #expect(try score("Brannock", chainRankShare: 1) == score("Brannock", chainRankShare: 0))
    }

    @Test func theArticlesOfWhatTheBestPassagesNameAreReadBeyondTheFirstFive() throws {
        var documents = [
            CorpusDocument(id: "g", title: "The Grey Harbour", text: "The Grey Harbour is a 1950 film starring Edda Lorne."),
            CorpusDocument(id: "e", title: "Edda Lorne", text: "Edda Lorne is a Norrish actress born in Marlow."),
        ]
        for number in 1...6 {
            documents.append(CorpusDocument(id: "o\(number)", title: "Orlin Station \(number)", text: "Orlin Station \(number) is a railway station in Kaska."))
        }
        let answerer = ExtractiveAnswerer(index: makeIndex(documents))
        // Edda Lorne's article ranked last: read because the best passage names her; the stations are not.
        let order: [Int32] = [0, 2, 3, 4, 5, 6, 7, 1]
        let ranking = order.enumerated().map { RankedPassage(passage: $1, score: 1 / Double($0 + 1)) }
        #expect(answerer.readPassages(ranking).map(\.passage) == [0, 2, 3, 4, 5, 1])
        var none = AnswerParameters()
        none.bridgeSourceCount = 0
        #expect(ExtractiveAnswerer(index: answerer.index, parameters: none).readPassages(ranking).count == 5)
    }

    @Test func aNumberWrittenRightAfterTheMeasuredNounAnswers() throws {
        let documents = [
            CorpusDocument(id: "k", title: "Kirton Mill", text: "Kirton Mill is a hamlet in the borough of Marlow, 4 miles from the coast."),
            CorpusDocument(id: "m", title: "Marlow", text: "Marlow is a town on the Rhine. In the 2001 census, the town had a population of 35,124, against 12,210 for the old borough."),
        ]
        let question = "According to the 2001 census, what was the population of the town in which Kirton Mill is located?"
        #expect(try Self.answer(question, documents) == "35,124")
        var without = AnswerParameters()
        without.cueWeight = 0
        #expect(try Self.answer(question, documents, parameters: without) == "12,210")  // without the cue the other number wins
    }

    @Test func aQuestionForSeveralIsAnsweredByAListAndOnlyItIs() throws {
        #expect(AnswerExpectation("Ellie Goulding worked with what other writers on her album?").asksForSeveral)
        #expect(AnswerExpectation("Which countries did Edda Lorne visit?").asksForSeveral)
        #expect(!AnswerExpectation("What WB drama series was she best known for?").asksForSeveral)
        #expect(!AnswerExpectation("Which writer wrote the album?").asksForSeveral)
        let documents = [
            CorpusDocument(id: "s", title: "Grey Harbour (song)", text: "Grey Harbour is a song by Edda Lorne. It was written by Lorne, Orla Menz, Mara Venn and Tove Brannock."),
        ]
        #expect(try Self.answer("Edda Lorne wrote Grey Harbour with what other writers?", documents) == "Orla Menz, Mara Venn and Tove Brannock")
        #expect(try Self.answer("Which writer did Edda Lorne write Grey Harbour with?", documents)?.contains(",") == false)
    }

    @Test func aNumberWordCountsWithItsNoun() throws {
        let documents = [
            CorpusDocument(id: "c", title: "Orlin Castle", text: "Orlin Castle is one of the oldest castles in Kaska. It was built over three centuries, 137 miles from Marlow."),
        ]
        let numbers = AnswerCandidates(index: makeIndex(documents)).candidates(in: 0).filter { $0.category == .number }.map(\.text)
        #expect(numbers.contains("three centuries"))
        #expect(!numbers.contains { $0.hasPrefix("one") })  // "one of": no noun counted
        #expect(try Self.answer("Over how many centuries was Orlin Castle built?", documents) == "three centuries")
    }
}
