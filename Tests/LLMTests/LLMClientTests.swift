import Foundation
import Testing

@testable import LLM

@Suite struct LLMClientTests {
    private func client(_ server: LocalChatServer, timeout: TimeInterval = 5, retries: Int = 3, cache: URL? = nil) -> LLMClient {
        LLMClient(configuration: LLMConfiguration(
            baseURL: server.baseURL, apiKey: "test-key", model: "test-model", requestTimeout: timeout,
            maxRetries: retries, initialBackoff: 0.05, maxBackoff: 0.2, cacheDirectory: cache))
    }

    @Test func normalReplyReturnsContentAndSendsTheOpenAIRequest() async throws {
        let server = try LocalChatServer { _, _ in .init(status: 200, body: LocalChatServer.completion("hello")) }
        defer { server.stop() }
        let text = try await client(server).complete(ChatRequest(messages: [.system("s"), .user("hi")], jsonMode: true))
        #expect(text == "hello")
        let sent = try #require(server.requests.first)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(sent.utf8)) as? [String: Any])
        #expect(json["model"] as? String == "test-model")
        #expect((json["messages"] as? [[String: String]])?.last?["content"] == "hi")
        #expect((json["response_format"] as? [String: String])?["type"] == "json_object")
    }

    @Test func jsonRepliesDecodeEvenInsideACodeFence() async throws {
        let server = try LocalChatServer { _, _ in
            .init(status: 200, body: LocalChatServer.completion("```json\n[[\"Ada\", \"born in\", \"London\"]]\n```"))
        }
        defer { server.stop() }
        let triples = try await client(server).completeJSON(ChatRequest(messages: [.user("x")]), as: [[String]].self)
        #expect(triples == [["Ada", "born in", "London"]])
    }

    @Test func malformedJSONIsAClearErrorNotARetry() async throws {
        let server = try LocalChatServer { _, _ in .init(status: 200, body: LocalChatServer.completion("{\"triples\": [oops")) }
        defer { server.stop() }
        await #expect {
            _ = try await client(server).completeJSON(ChatRequest(messages: [.user("x")]), as: [String: [String]].self)
        } throws: { error in
            guard case LLMError.malformedReply(let reason, _) = error else { return false }
            return reason.contains("invalid JSON")
        }
        #expect(server.requests.count == 1)
    }

    @Test func nonCompletionBodyIsMalformedReply() async throws {
        let server = try LocalChatServer { _, _ in .init(status: 200, body: #"{"error": "nope"}"#) }
        defer { server.stop() }
        await #expect(throws: LLMError.self) { _ = try await client(server).complete(ChatRequest(messages: [.user("x")])) }
    }

    @Test func rateLimitIsRetriedThenSucceeds() async throws {
        let server = try LocalChatServer { index, _ in
            index < 2
                ? .init(status: 429, body: #"{"error":"slow down"}"#, headers: ["Retry-After": "0"])
                : .init(status: 200, body: LocalChatServer.completion("ok"))
        }
        defer { server.stop() }
        let text = try await client(server).complete(ChatRequest(messages: [.user("x")]))
        #expect(text == "ok")
        #expect(server.requests.count == 3)
    }

    @Test func retriesAreBounded() async throws {
        let server = try LocalChatServer { _, _ in .init(status: 503, body: "down") }
        defer { server.stop() }
        await #expect(throws: LLMError.retriesExhausted(attempts: 3, lastError: LLMError.http(status: 503, body: "down").description)) {
            _ = try await client(server, retries: 2).complete(ChatRequest(messages: [.user("x")]))
        }
        #expect(server.requests.count == 3)
    }

    @Test func clientErrorsFailAtOnce() async throws {
        let server = try LocalChatServer { _, _ in .init(status: 401, body: "bad key") }
        defer { server.stop() }
        await #expect(throws: LLMError.http(status: 401, body: "bad key")) {
            _ = try await client(server).complete(ChatRequest(messages: [.user("x")]))
        }
        #expect(server.requests.count == 1)
    }

    @Test func timeoutsAreRetriedAndThenReported() async throws {
        let server = try LocalChatServer { index, _ in
            .init(status: 200, body: LocalChatServer.completion("late"), delay: index == 0 ? 3 : 0)
        }
        defer { server.stop() }
        let text = try await client(server, timeout: 1, retries: 1).complete(ChatRequest(messages: [.user("x")]))
        #expect(text == "late")
        #expect(server.requests.count == 2)
    }

    @Test func aTimeoutWithoutRetriesIsReportedAsSuch() async throws {
        let server = try LocalChatServer { _, _ in .init(status: 200, body: LocalChatServer.completion("late"), delay: 3) }
        defer { server.stop() }
        await #expect {
            _ = try await client(server, timeout: 1, retries: 0).complete(ChatRequest(messages: [.user("x")]))
        } throws: { error in
            guard case LLMError.retriesExhausted(1, let last) = error else { return false }
            return last.contains("timed out")
        }
    }

    @Test func cachedRepliesAreServedFromDisk() async throws {
        let server = try LocalChatServer { index, _ in .init(status: 200, body: LocalChatServer.completion("reply \(index)")) }
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-llm-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let request = ChatRequest(messages: [.user("same")])
        let first = try await client(server, cache: folder).complete(request)
        let second = try await client(server, cache: folder).complete(request)
        #expect(first == "reply 0" && second == "reply 0")
        #expect(server.requests.count == 1)
    }

    @Test func configurationNamesWhatIsMissing() {
        #expect(throws: LLMError.self) { _ = try LLMConfiguration.fromEnvironment(environment: [:]) }
        let config = try? LLMConfiguration.fromEnvironment(
            environment: ["QUIVER_LLM_BASE_URL": "http://127.0.0.1:1/v1", "QUIVER_LLM_MODEL": "m", "OPENAI_API_KEY": "k"])
        #expect(config?.model == "m" && config?.apiKey == "k")
    }
}
