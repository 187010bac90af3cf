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

    static func answer(_ question: String, _ documents: [CorpusDocument]) throws -> String? {
        var graph = KnowledgeGraph()
        graph.add(documents)
        return try QuestionAnswering(index: RetrievalIndex(graph: graph)).ask(question, method: .hybrid, limit: 3).answer?.text
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
}
