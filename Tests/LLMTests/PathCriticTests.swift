import Foundation
import Testing

@testable import LLM
@testable import Retrieval

/// The LLM self-critic of KGQA tree search against the local chat server: a normal reply re-ranks
/// the paths, a malformed or late reply leaves the offline ranking and is reported.
@Suite struct PathCriticTests {
    static let triples = """
        Ada Park\tworks_for\tNorrholm Labs
        Ada Park\tborn_in\tLund
        Ben Ode\tworks_for\tNorrholm Labs

        """

    /// A question that names no relation, so the offline reward cannot choose.
    static let question = KGQAQuestion(id: "1", question: "tell me about Ada Park", topics: ["Ada Park"], answers: ["Lund"])

    func run(_ server: LocalChatServer, timeout: TimeInterval = 5, questions: [KGQAQuestion] = [question]) async throws -> [KGQAResult] {
        let graph = try EntityGraph(store: TripleFile.load(bytes: Array(Self.triples.utf8)))
        let client = LLMClient(configuration: LLMConfiguration(baseURL: server.baseURL, model: "m", requestTimeout: timeout,
                                                               maxRetries: 0))
        return try await KGQARunner(graph: graph, configuration: KGQAConfiguration()).run(questions, critic: LLMPathCritic(client: client))
    }

    /// Scores 10 for the numbered path line that mentions `relation`, 0 for the others.
    static func favouring(_ relation: String) -> @Sendable (Int, String) -> LocalChatServer.Reply {
        { _, body in
            let prompt = (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
                .flatMap { $0["messages"] as? [[String: Any]] }?.last?["content"] as? String ?? ""
            let paths = prompt.split(separator: "\n").filter { $0.first?.isNumber == true }
            let scores = paths.map { $0.contains(relation) ? "10" : "0" }.joined(separator: ", ")
            return .init(status: 200, body: LocalChatServer.completion(#"{"scores": [\#(scores)]}"#))
        }
    }

    @Test func theCriticsScoresReRankThePaths() async throws {
        let server = try LocalChatServer(respond: Self.favouring("born_in"))
        defer { server.stop() }
        let offline = try await KGQARunner(graph: EntityGraph(store: TripleFile.load(bytes: Array(Self.triples.utf8))),
                                           configuration: KGQAConfiguration()).run([Self.question])
        #expect(offline.first?.paths.first?.relations != ["born_in"])
        let result = try #require(try await run(server).first)
        #expect(result.statistics.criticError == nil)
        #expect(result.paths.first?.relations == ["born_in"])
        #expect(result.paths.first?.critic == 1)
        #expect(result.hits1 == true)
        #expect(result.cypher?.contains("born_in") == true)
        let sent = try #require(server.requests.first)
        #expect(sent.contains("tell me about Ada Park") && sent.contains("json_object"))
    }

    @Test func repeatedQuestionsAreJudgedOnce() async throws {
        let server = try LocalChatServer(respond: Self.favouring("born_in"))
        defer { server.stop() }
        let results = try await run(server, questions: [Self.question, Self.question])
        #expect(results.map { $0.paths.first?.relations ?? [] } == [["born_in"], ["born_in"]])
        #expect(server.requests.count == 1)
    }

    @Test func aMalformedReplyKeepsTheOfflineRanking() async throws {
        let server = try LocalChatServer { _, _ in .init(status: 200, body: LocalChatServer.completion("path 2 looks best")) }
        defer { server.stop() }
        let offline = try await KGQARunner(graph: EntityGraph(store: TripleFile.load(bytes: Array(Self.triples.utf8))),
                                           configuration: KGQAConfiguration()).run([Self.question])
        let result = try #require(try await run(server).first)
        #expect(result.statistics.criticError?.contains("malformed") == true)
        #expect(result.paths.map(\.relations) == offline.first?.paths.map(\.relations))
        #expect(result.paths.allSatisfy { $0.critic == nil })
    }

    @Test func theWrongNumberOfScoresIsMalformed() async throws {
        let server = try LocalChatServer { _, _ in .init(status: 200, body: LocalChatServer.completion(#"{"scores": [1]}"#)) }
        defer { server.stop() }
        let result = try #require(try await run(server).first)
        #expect(result.statistics.criticError?.contains("expected") == true)
    }

    @Test func aLateReplyTimesOutAndTheRunGoesOn() async throws {
        let server = try LocalChatServer { _, _ in .init(status: 200, body: LocalChatServer.completion(#"{"scores": []}"#), delay: 3) }
        defer { server.stop() }
        // What is checked is that the run goes on past the timeouts, not how long it took: on a
        // loaded machine the test's own threads can be starved far longer than the timeout.
        let results = try await run(server, timeout: 1, questions: [Self.question, Self.question])
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0.statistics.criticError != nil && !$0.answers.isEmpty })
    }
}
