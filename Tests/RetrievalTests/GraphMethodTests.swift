import Foundation
import KnowledgeGraph
import PropertyGraph
import Testing
@testable import Retrieval

/// A bridge corpus: the question names the film; only the film's article names the actress, whose
/// article holds the answer ("Chief of Protocol").
let bridgeCorpus = [
    CorpusDocument(id: "film", title: "Kiss and Tell (1945 film)",
                   text: "Kiss and Tell is a 1945 comedy film starring Shirley Temple as Corliss Archer."),
    CorpusDocument(id: "actress", title: "Shirley Temple",
                   text: "Shirley Temple Black was an actress. As an adult, she served as Chief of Protocol."),
    CorpusDocument(id: "other", title: "Meet Corliss Archer",
                   text: "Meet Corliss Archer is a radio comedy about a teenage girl."),
    CorpusDocument(id: "noise1", title: "Chief Joseph", text: "Chief Joseph was a leader of the Nez Perce."),
    CorpusDocument(id: "noise2", title: "Protocol (film)", text: "Protocol is a 1984 comedy film with Goldie Hawn."),
]

func makeIndex(_ documents: [CorpusDocument] = bridgeCorpus) -> RetrievalIndex {
    var graph = KnowledgeGraph()
    graph.add(documents)
    return RetrievalIndex(graph: graph)
}

@Suite struct GraphMethodTests {
    let question = "What position was held by the woman who starred in the film Kiss and Tell?"

    @Test func seedLinkingFindsQuestionEntitiesWeightedBySpecificity() throws {
        let index = makeIndex()
        var parameters = RetrievalParameters()
        parameters.seedNameExponent = 0
        let seeds = SeedLinker(index: index, parameters: parameters).seeds(for: question)
        let names = seeds.entities.map { index.graph.entities[Int($0.entity)].name }
        #expect(names.contains("Kiss and Tell (1945 film)"))
        #expect(seeds.lexical.max() == 1)
        for seed in seeds.entities {
            #expect(seed.weight == 1 / Double(index.passageFrequency[Int(seed.entity)]))
        }
    }

    @Test(arguments: RetrievalMethod.allCases)
    func aNameOfNoIndexedWordKeepsEveryScoreFinite(method: RetrievalMethod) throws {
        // "B.B" is a name, but its words have one letter and are no terms: its seed weight is 0, and with no
        // other seed, spreading activation divided by that 0 and ranked passages at NaN and infinity.
        let documents = bridgeCorpus + [
            CorpusDocument(id: "bb", title: "B.B", text: "B.B is a band of four members from Brannock."),
            CorpusDocument(id: "sl", title: "Salt Lantern", text: "Salt Lantern is a band of five members. Its singer admires B.B."),
        ]
        let answering = QuestionAnswering(index: makeIndex(documents))
        for question in ["Which has more members, A or B B?", "members B B", "A B B", "B.B"] {
            let report = try answering.ask(question, method: method, limit: 5)
            #expect(report.passages.allSatisfy { $0.score.isFinite }, "\(method) \(question)")
        }
    }

    @Test func namesOfCommonWordsSeedLessThanRareNames() throws {
        // "Comedy" and "Zyxwell" are each the title of one passage; "comedy" is also a word of every other one.
        let documents = [
            CorpusDocument(id: "c", title: "Comedy", text: "Comedy is a genre."),
            CorpusDocument(id: "z", title: "Zyxwell", text: "Zyxwell is a town."),
        ] + (0..<6).map { CorpusDocument(id: "n\($0)", title: "Note \($0)", text: "A comedy about walking.") }
        let index = makeIndex(documents)
        let seeds = SeedLinker(index: index).seeds(for: "Is Zyxwell in a Comedy?")
        let weight = Dictionary(uniqueKeysWithValues: seeds.entities.map { (index.graph.entities[Int($0.entity)].key, $0.weight) })
        let common = try #require(weight["comedy"])
        let rare = try #require(weight["zyxwell"])
        #expect(common < rare / 2)
    }

    @Test func spreadingActivationReachesTheBridgePassageWithItsPath() throws {
        let index = makeIndex()
        let retriever = Retriever(index: index)
        let ranking = retriever.retrieve(question, method: .spreading, limit: 2)
        #expect(Set(ranking.map { index.graph.passages[Int($0.passage)].id }) == ["film", "actress"])
        let actress = try #require(ranking.first { index.graph.passages[Int($0.passage)].id == "actress" })
        let path = try #require(actress.paths.first)
        // The path runs through the film's article and the actress entity to her article.
        #expect(path.last == .passage(actress.passage))
        let temple = try #require(index.graph.entity(forKey: "shirley temple"))
        #expect(path.contains(.entity(temple)))
        #expect(path.contains(.passage(0)))
    }

    @Test func bm25AloneMissesTheBridge() {
        let index = makeIndex()
        let ranking = Retriever(index: index).retrieve(question, method: .bm25, limit: 2)
        #expect(!ranking.map { index.graph.passages[Int($0.passage)].id }.contains("actress"))
    }

    @Test func spreadingActivationHonoursIterationLimitAndThreshold() {
        let index = makeIndex()
        var parameters = RetrievalParameters()
        parameters.maximumIterations = 0
        let seeds = SeedLinker(index: index, parameters: parameters).seeds(for: question)
        let still = SpreadingActivation(index: index, parameters: parameters).run(seeds)
        #expect(still.received.allSatisfy { $0 == 0 })
        parameters.maximumIterations = 3
        parameters.firingThreshold = 2  // nothing reaches it: nothing fires
        let quiet = SpreadingActivation(index: index, parameters: parameters).run(seeds)
        #expect(quiet.received.allSatisfy { $0 == 0 })
        parameters.firingThreshold = 0.05
        parameters.activationCap = 1
        let capped = SpreadingActivation(index: index, parameters: parameters).run(seeds)
        #expect(capped.activation.allSatisfy { $0 <= 1 })
        #expect(capped.received.contains { $0 > 0 })
    }

    @Test func pageRankIsAProbabilityDistributionThatFavoursTheSeeds() throws {
        let index = makeIndex()
        var parameters = RetrievalParameters()
        parameters.pageRankIterations = 200
        parameters.pageRankTolerance = 1e-12
        let seeds = SeedLinker(index: index, parameters: parameters).seeds(for: question)
        let rank = PersonalizedPageRank(index: index, parameters: parameters).run(seeds)
        #expect(abs(rank.reduce(0, +) - 1) < 1e-9)
        #expect(rank.allSatisfy { $0 >= 0 })
        // The film is the seed's own article: it outranks the unrelated noise.
        let film = 0, noise = 3
        #expect(rank[film] > rank[noise])
        // With damping 0, PPR is the reset distribution itself.
        parameters.damping = 0
        let reset = PersonalizedPageRank(index: index, parameters: parameters).run(seeds)
        let total = seeds.entities.map(\.weight).reduce(0, +)
            + seeds.lexical.map { parameters.passageResetWeight * pow($0, parameters.seedSharpness) }.reduce(0, +)
        for seed in seeds.entities {
            #expect(abs(reset[index.passageCount + Int(seed.entity)] - seed.weight / total) < 1e-12)
        }
    }

    @Test func pageRankOnAHandMadeStarMatchesTheClosedForm() throws {
        // One passage that is the title of one entity, plus two passages mentioning it.
        let documents = [
            CorpusDocument(id: "a", title: "Zyx", text: "Zyx is a thing."),
            CorpusDocument(id: "b", title: "B", text: "It is about Zyx."),
            CorpusDocument(id: "c", title: "C", text: "Also about Zyx."),
        ]
        let index = makeIndex(documents)
        var parameters = RetrievalParameters()
        parameters.pageRankIterations = 500
        parameters.pageRankTolerance = 1e-15
        parameters.passageResetWeight = 0
        let zyx = try #require(index.graph.entity(forKey: "zyx"))
        let seeds = Seeds(entities: [(zyx, 1)], lexical: [0, 0, 0], topPassages: [])
        let rank = PersonalizedPageRank(index: index, parameters: parameters).run(seeds)
        // Edges: a–Z title (1), b–Z and c–Z mentions (0.5), b–B and c–C titles (1). With d = 0.5 and the
        // reset on Z, solving π = 0.5·e_Z + 0.5·Wᵀπ by hand gives Z = 20/33, a = 5/33, b = c = 3/33,
        // B = C = 1/33.
        let b = try #require(index.graph.entity(forKey: "b"))
        #expect(abs(rank[index.passageCount + Int(zyx)] - 20.0 / 33.0) < 1e-9)
        #expect(abs(rank[0] - 5.0 / 33.0) < 1e-9)
        #expect(abs(rank[1] - 3.0 / 33.0) < 1e-9)
        #expect(abs(rank[2] - 3.0 / 33.0) < 1e-9)
        #expect(abs(rank[index.passageCount + Int(b)] - 1.0 / 33.0) < 1e-9)
    }

    @Test func hybridRanksBothSupportingPassagesFirst() {
        let index = makeIndex()
        let ranking = Retriever(index: index).retrieve(question, method: .hybrid, limit: 2)
        #expect(Set(ranking.map { index.graph.passages[Int($0.passage)].id }) == ["film", "actress"])
    }

    @Test func savedAndLoadedGraphGivesIdenticalRankings() throws {
        var graph = KnowledgeGraph()
        graph.add(bridgeCorpus)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-\(UUID().uuidString).quiver")
        defer { try? FileManager.default.removeItem(at: file) }
        try graph.save(to: file)
        let loaded = try KnowledgeGraph.load(from: file)
        let before = Retriever(index: RetrievalIndex(graph: graph))
        let after = Retriever(index: RetrievalIndex(graph: loaded))
        for method in RetrievalMethod.allCases {
            #expect(before.retrieve(question, method: method) == after.retrieve(question, method: method))
        }
    }

    @Test func parameterOverridesAreCheckedByName() throws {
        let tuned = try RetrievalParameters().applying(["decay=0.7", "maximumIterations=2"])
        #expect(tuned.decay == 0.7)
        #expect(tuned.maximumIterations == 2)
        #expect(throws: ParameterError.self) { try RetrievalParameters().applying(["nonsense=1"]) }
        #expect(throws: ParameterError.self) { try RetrievalParameters().applying(["decay=high"]) }
    }

    @Test func recallCountsSupportingDocumentsInTheTopK() {
        let index = makeIndex()
        let questions = [Question(id: "q", question: question, supporting: ["film", "actress"])]
        let report = RecallEvaluation(retriever: Retriever(index: index), cutoffs: [1, 2])
            .evaluate(questions, method: .hybrid)
        #expect(report.recall[1] == 0.5)
        #expect(report.recall[2] == 1)
        #expect(report.questions.first?.retrieved.count == 2)
    }
}
