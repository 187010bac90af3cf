import KnowledgeGraph
import Testing
@testable import Retrieval

/// "A or B" questions and yes/no questions about two entities.
@Suite struct ChoiceTests {
    @Test(arguments: [
        ("Who is older, Annie Morton or Terry Richardson?", ["Annie Morton", "Terry Richardson"]),
        ("who is younger Keith Bostic or Jerry Glanville ?", ["Keith Bostic", "Jerry Glanville"]),
        ("Which was created first, Hampden County, Massachusetts or Carroll County, New Hampshire?",
         ["Hampden County, Massachusetts", "Carroll County, New Hampshire"]),
        ("Which shipbuilder was founded first, John Roach & Sons or the New York Shipbuilding Corporation?",
         ["John Roach & Sons", "the New York Shipbuilding Corporation"]),
        ("Which came first: Bank of Norrholm or \"The Grey Harbour\"?", ["Bank of Norrholm", "\"The Grey Harbour\""]),
        // No choice: the right part names nothing.
        ("What color do people wear during Oranjegekte or to celebrate the national holiday Koningsdag?", []),
        ("Who is older, or?", []),
    ])
    func readsTheTwoAlternatives(question: String, alternatives: [String]) {
        #expect(AnswerExpectation(question).alternatives == alternatives)
    }

    @Test(arguments: [
        ("Salt Lantern is a rock band of five members.", "member", 5.0),
        ("The genus holds 47 species of cactus.", "species", 47),
        ("As of the 2010 census, the population was 12,345, up from 9,100.", "population", 12_345),
        ("The city has a population of 2.5 million.", "population", 2_500_000),
        ("The band has no members left.", "member", nil),
    ] as [(String, String, Double?)])
    func readsTheCountOfANoun(text: String, noun: String, count: Double?) {
        #expect(ExtractiveAnswerer.count(of: noun, in: text) == count)
    }

    @Test func hostileTextsGiveACountOrNothing() {
        let texts = [
            "1,000,000,0001 members", "2. members", ",,, members ,,,", "members 1,", "٣ members", "1.5.6 members",
            String(repeating: "9", count: 400) + " members", "1,234,567.89 million members", "members of 1999",
            String(repeating: "1,", count: 2_000) + " members", "", "members", "2100 members", "0.0000001 members",
        ]
        for text in texts {
            let count = ExtractiveAnswerer.count(of: "member", in: text)
            #expect(count.map { !$0.isNaN && $0 >= 0 } ?? true, "\(text.prefix(40))")
        }
        #expect(ExtractiveAnswerer.count(of: "member", in: "members of 1999") == nil)
        #expect(ExtractiveAnswerer.count(of: "member", in: "2. members") == 2)
    }

    static let bands = [
        CorpusDocument(id: "t", title: "Tallow Kings", text: "Tallow Kings is a Norrish rock band of five members from Brannock. It was founded in 1950."),
        CorpusDocument(id: "s", title: "Salt Lantern", text: "Salt Lantern is a Kaskan rock band with 3 members. As of 2010 it had sold 300 records. It was founded in 1940."),
        CorpusDocument(id: "e", title: "Edda Lorne", text: "Edda Lorne (born 1901) is a Norrish novelist and painter."),
        CorpusDocument(id: "o", title: "Orla Menz", text: "Orla Menz was a Norrish film director from Brannock."),
        CorpusDocument(id: "m", title: "Mara Venn", text: "Mara Venn was a Kaskan singer and actress."),
    ]

    @Test func countsDecideWhichHasMore() throws {
        let ask = AnsweringTests.asker(Self.bands)
        #expect(try ask("Which band has more members, Tallow Kings or Salt Lantern?") == "Tallow Kings")
        #expect(try ask("Which band has fewer members, Tallow Kings or Salt Lantern?") == "Salt Lantern")
    }

    @Test func theYearOfTheSentenceThatSaysWhatIsAskedDecidesWhichCameFirst() throws {
        // Salt Lantern's article writes 2010 first, but it was founded in 1940.
        let ask = AnsweringTests.asker(Self.bands)
        #expect(try ask("Which band was founded first, Tallow Kings or Salt Lantern?") == "Salt Lantern")
        #expect(try ask("Which band was founded later, Tallow Kings or Salt Lantern?") == "Tallow Kings")
    }

    @Test func otherwiseTheAlternativeWhoseArticleSaysMoreOfTheQuestion() throws {
        let ask = AnsweringTests.asker(Self.bands)
        #expect(try ask("Which band comes from Brannock, Salt Lantern or Tallow Kings?") == "Tallow Kings")
    }

    @Test func bothOfANationalityAsksEachArticlesOpening() throws {
        let ask = AnsweringTests.asker(Self.bands, limit: 5)
        #expect(try ask("Were Edda Lorne and Orla Menz both Norrish?") == "yes")
        #expect(try ask("Were Edda Lorne and Mara Venn both Norrish?") == "no")
        #expect(try ask("Are Mara Venn and Salt Lantern both Kaskan?") == "yes")
    }

    @Test func aLinkedSubjectGainsNothingFromRepeatingItselfInItsArticle() {
        func candidate(_ entity: Int32, passage: Int32) -> AnswerCandidate {
            AnswerCandidate(entity: entity, passage: passage, start: 0, end: 0, text: "name \(entity)", category: .person)
        }
        var tally = CandidateTally(repetitionWeight: 0.5, linkedSubjects: [1])
        for entity: Int32 in [1, 2] {
            tally.add(candidate(entity, passage: 0), value: 1)
            tally.add(candidate(entity, passage: 0), value: 0.5)
            tally.add(candidate(entity, passage: 3), value: 0.4)
        }
        // Both gain half the best occurrence of the other passage; only entity 2 its second mention in passage 0.
        #expect(tally.best["name 1"]?.score == 1 + 0.5 * 0.4)
        #expect(tally.best["name 2"]?.score == 1 + 0.5 * (0.4 + 0.5))
    }
}
