import Foundation
import KnowledgeGraph
import Testing

@testable import LLM
import Retrieval

@Suite struct LLMExtractorTests {
    static let passage = "Orla Menz founded the Norrholm Observatory in 1888. It stands near Brannock."

    private func extractor(_ server: LocalChatServer, retries: Int = 2) -> LLMExtractor {
        LLMExtractor(client: LLMClient(configuration: LLMConfiguration(
            baseURL: server.baseURL, model: "m", requestTimeout: 5, maxRetries: retries,
            initialBackoff: 0.05, maxBackoff: 0.1)))
    }

    @Test func triplesBecomeAnchoredMentionsAndRelations() async throws {
        let reply = #"{"triples": [["Orla Menz", "founded", "Norrholm Observatory"], ["Norrholm Observatory", "near", "brannock"], ["Comet Menz", "seen from", "Mars"]]}"#
        let server = try LocalChatServer { _, _ in .init(status: 200, body: LocalChatServer.completion(reply)) }
        defer { server.stop() }
        let extraction = try await extractor(server).extract(text: Self.passage, title: "Norrholm Observatory")
        #expect(extraction.mentions.map(\.surface) == ["Orla Menz", "Norrholm Observatory", "Brannock"])
        let brannock = try #require(extraction.mentions.last)
        let utf8 = Array(Self.passage.utf8)
        #expect(String(decoding: utf8[brannock.start..<brannock.end], as: UTF8.self) == "Brannock")
        #expect(brannock.sentence == 1)
        #expect(extraction.relations.map(\.phrase) == ["founded", "near"])
        #expect(extraction.relations.first.map { [$0.subject, $0.object] } == [0, 1])
        let sent = try #require(server.requests.first)
        #expect(sent.contains("json_object") && sent.contains("Brannock"))
    }

    @Test func malformedRepliesAreErrorsNamingTheReply() async throws {
        let server = try LocalChatServer { _, _ in .init(status: 200, body: LocalChatServer.completion("the triples are: none")) }
        defer { server.stop() }
        await #expect {
            _ = try await extractor(server).extract(text: Self.passage, title: "x")
        } throws: { error in
            guard case LLMError.malformedReply(_, let content) = error else { return false }
            return content == "the triples are: none"
        }
    }

    @Test func rateLimitedExtractionsAreRetried() async throws {
        let reply = #"{"triples": [["Orla Menz", "founded", "Norrholm Observatory"]]}"#
        let server = try LocalChatServer { index, _ in
            index == 0 ? .init(status: 429, body: "{}") : .init(status: 200, body: LocalChatServer.completion(reply))
        }
        defer { server.stop() }
        let extraction = try await extractor(server).extract(text: Self.passage, title: "x")
        #expect(extraction.relations.count == 1)
        #expect(server.requests.count == 2)
    }

    @Test func anLLMGraphHasTheOfflineGraphsShape() async throws {
        let reply = #"{"triples": [["Orla Menz", "founded", "Norrholm Observatory"]]}"#
        let server = try LocalChatServer { _, _ in .init(status: 200, body: LocalChatServer.completion(reply)) }
        defer { server.stop() }
        let documents = [CorpusDocument(id: "obs", title: "Norrholm Observatory", text: Self.passage)]
        let extractions = try await extractor(server).extract(documents)
        var graph = KnowledgeGraph()
        graph.add(documents) { text, _ in extractions[text] ?? Extraction() }
        #expect(graph.passages.count == 1)
        #expect(graph.entities.contains { $0.name == "Orla Menz" })
    }
}

@Suite struct AnswerGeneratorTests {
    @Test func answersComeFromTheTopPassagesInThePrompt() async throws {
        let server = try LocalChatServer { _, _ in .init(status: 200, body: LocalChatServer.completion(" Caldmere Glassworks.\n")) }
        defer { server.stop() }
        let generator = AnswerGenerator(
            client: LLMClient(configuration: LLMConfiguration(baseURL: server.baseURL, model: "m")), passagesInPrompt: 1)
        let passages = [
            Passage(id: "a", document: 0, title: "Norrholm Observatory", text: "Lenses from the Caldmere Glassworks.", start: 0, end: 36),
            Passage(id: "b", document: 1, title: "Grey Heron", text: "A barque.", start: 0, end: 9),
        ]
        let answer = try await generator.answer("Who supplied the lenses?", passages: passages)
        #expect(answer == "Caldmere Glassworks")
        let sent = try #require(server.requests.first)
        #expect(sent.contains("Norrholm Observatory") && !sent.contains("Grey Heron"))
    }
}
