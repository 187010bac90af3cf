import Foundation
import Testing
import PropertyGraph
import TreeSearch
@testable import Retrieval

@Suite struct KGQAAnswerTests {
    @Test(arguments: ToyKnowledgeGraph.questions.indices)
    func treeSearchAnswersTheToyQuestions(index: Int) throws {
        let graph = try ToyKnowledgeGraph.graph()
        let answerer = try KGQAAnswerer(graph: graph, configuration: KGQAConfiguration())
        let result = answerer.answer(ToyKnowledgeGraph.question(index))
        #expect(result.error == nil)
        #expect(Set(result.predicted) == Set(ToyKnowledgeGraph.questions[index].1), "\(result.paths.first?.pattern ?? "-")")
        #expect(result.hits1 == true)
        #expect(result.cypherAgrees == true)
    }

    @Test func theCypherQueryShowsThePathAndReturnsTheAnswers() throws {
        let graph = try ToyKnowledgeGraph.graph()
        let result = try KGQAAnswerer(graph: graph, configuration: KGQAConfiguration()).answer(ToyKnowledgeGraph.question(2))
        let cypher = try #require(result.cypher)
        #expect(cypher.contains("MATCH (n0)-[:works_for]->(n1)"))
        #expect(cypher.contains("MATCH (n1)-[:founded_by]->(n2) WHERE NOT n2 IN topics"))
        #expect(result.paths.first?.relations == ["works_for", "founded_by"])
    }

    @Test func topicsAreLinkedFromTheTextWithoutBrackets() throws {
        let graph = try ToyKnowledgeGraph.graph()
        let answerer = try KGQAAnswerer(graph: graph, configuration: KGQAConfiguration())
        let result = answerer.answer(KGQAQuestion(id: "x", question: "who does ada_park work for", answers: ["Norrholm Labs"]))
        #expect(result.topics == ["Ada Park"])
        #expect(result.hits1 == true)
    }

    @Test func aMissingTopicIsReportedAndCountsAsAMiss() async throws {
        let graph = try ToyKnowledgeGraph.graph()
        let questions = [
            KGQAQuestion(id: "1", question: "who founded Nobody Inc", topics: ["Nobody Inc"], answers: ["x"]),
            ToyKnowledgeGraph.question(0),
        ]
        let results = try await KGQARunner(graph: graph, configuration: KGQAConfiguration()).run(questions)
        #expect(results[0].error == "topic entity `Nobody Inc` is not in the knowledge graph")
        #expect(results[0].hits1 == false)
        #expect(results[1].hits1 == true)
        let summary = KGQASummary(results, seconds: 1)
        #expect(summary.missingTopic == 1)
        #expect(summary.hits1 == 50)
    }

    @Test func theSameSeedGivesIdenticalResults() async throws {
        let graph = try ToyKnowledgeGraph.graph()
        var configuration = KGQAConfiguration()
        configuration.search.simulations = 20   // small enough that the tree is not exhausted
        configuration.search.seed = 5
        func run(jobs: Int) async throws -> [KGQAResult] {
            try await KGQARunner(graph: graph, configuration: configuration, jobs: jobs).run(ToyKnowledgeGraph.allQuestions)
                .map { result in
                    var copy = result
                    copy.statistics.milliseconds = 0
                    return copy
                }
        }
        let first = try await run(jobs: 1)
        #expect(first == (try await run(jobs: 1)))
        #expect(first == (try await run(jobs: 2)))
    }

    @Test func beamSearchSeesTheSameRewards() throws {
        let graph = try ToyKnowledgeGraph.graph()
        var configuration = KGQAConfiguration()
        configuration.method = .beam
        configuration.beamWidth = 8
        let answerer = try KGQAAnswerer(graph: graph, configuration: configuration)
        let tree = try KGQAAnswerer(graph: graph, configuration: KGQAConfiguration())
        for question in ToyKnowledgeGraph.allQuestions {
            let beam = answerer.answer(question), search = tree.answer(question)
            #expect(beam.paths.first?.relations == search.paths.first?.relations)
            #expect(beam.paths.first?.reward == search.paths.first?.reward)
        }
    }

    @Test func topicAnswersFollowTheOption() throws {
        let graph = try ToyKnowledgeGraph.graph()
        var configuration = KGQAConfiguration()
        configuration.parameters.excludeTopic = false
        let result = try KGQAAnswerer(graph: graph, configuration: configuration).answer(ToyKnowledgeGraph.question(3))
        #expect(Set(result.predicted) == ["Ada Park", "Ben Ode"])
        #expect(result.cypher?.contains("NOT") == false)
        #expect(result.cypherAgrees == true)
    }
}

@Suite struct KGQAGraphSourceTests {
    @Test func answersFromSeveralTopicsAddUp() throws {
        let graph = try ToyKnowledgeGraph.graph()
        let question = KGQAQuestion(id: "m", question: "who born in Lund works for Norrholm Labs",
                                    topics: ["Lund", "Norrholm Labs"], answers: ["Ada Park"])
        let result = try KGQAAnswerer(graph: graph, configuration: KGQAConfiguration()).answer(question)
        #expect(result.answers.first?.name == "Ada Park")
        #expect(Set(result.paths.map(\.topic)) == ["Lund", "Norrholm Labs"])
    }

    @Test func aSavedGraphAnswersLikeTheTriples() throws {
        let store = try TripleFile.load(bytes: Array(ToyKnowledgeGraph.triples.utf8))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kgqa-\(UUID().uuidString).qgraph")
        defer { try? FileManager.default.removeItem(at: url) }
        try store.save(to: url.path)
        let saved = try EntityGraph(store: GraphStore.load(from: url.path))
        #expect(saved.entityLabel == "Entity")
        let result = try KGQAAnswerer(graph: saved, configuration: KGQAConfiguration()).answer(ToyKnowledgeGraph.question(2))
        #expect(result.hits1 == true && result.cypherAgrees == true)
    }

    @Test func onceEveryWordIsExplainedStoppingIsTheLikelyAction() throws {
        let graph = try ToyKnowledgeGraph.graph()
        let answerer = try KGQAAnswerer(graph: graph, configuration: KGQAConfiguration())
        let question = ToyKnowledgeGraph.question(2)   // who founded the company that [Ada Park] works for
        let topic = try #require(answerer.linker.link(question: question.question, names: question.topics).first)
        let analysis = QuestionAnalysis(question: question.question, topicSpan: topic.span, otherSpans: [],
                                        matcher: answerer.matcher, parameters: answerer.configuration.parameters, learned: nil)
        let problem = RelationPathProblem(scorer: answerer.scorer, traversal: answerer.traversal, analysis: analysis,
                                          topicNodes: topic.nodes)
        func hop(_ name: String) throws -> Hop {
            let type = try #require(graph.store.typeID(name))
            return Hop(relation: type, forward: true)
        }
        // Half way, "founded" is still unexplained: its relation is the likely hop, not stopping.
        let halfWay = try #require(problem.state(after: [try hop("works_for")]))
        let early = problem.actions(in: halfWay)
        let stopEarly = try #require(early.first { $0.action == .stop }).prior
        let foundedBy = RelationPathProblem.Action.hop(try hop("founded_by"))
        #expect(early.contains { $0.action == foundedBy && $0.prior > stopEarly })
        // Both words explained: every further hop, even one the question names, is less likely than stopping.
        let done = try #require(problem.state(after: [try hop("works_for"), try hop("founded_by")]))
        let actions = problem.actions(in: done)
        let stop = try #require(actions.first { $0.action == .stop }).prior
        #expect(actions.count > 1)
        #expect(actions.allSatisfy { $0.action == .stop || $0.prior < stop })
    }
}
