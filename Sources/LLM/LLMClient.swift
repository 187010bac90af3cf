import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A client for OpenAI-compatible `chat/completions` endpoints (OpenAI, vLLM, llama.cpp, Ollama, …).
///
/// Requests time out after ``LLMConfiguration/requestTimeout``; 429, 5xx and timeouts are retried
/// with exponential backoff (honouring `Retry-After`) up to ``LLMConfiguration/maxRetries`` times;
/// other HTTP errors fail at once. Replies are cached on disk when a cache folder is configured.
///
/// ```swift
/// let client = LLMClient(configuration: config)
/// let text = try await client.complete(ChatRequest(messages: [.user("Say hi")]))
/// let triples: [[String]] = try await client.completeJSON(request, as: [[String]].self)
/// ```
public struct LLMClient: Sendable {
    public let configuration: LLMConfiguration
    private let session: URLSession
    private let cache: ResponseCache?

    public init(configuration: LLMConfiguration) {
        self.configuration = configuration
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.requestTimeout
        sessionConfiguration.timeoutIntervalForResource = configuration.requestTimeout
        self.session = URLSession(configuration: sessionConfiguration)
        self.cache = configuration.cacheDirectory.map(ResponseCache.init(directory:))
    }

    /// The text of the first choice of a chat completion.
    public func complete(_ request: ChatRequest) async throws(LLMError) -> String {
        if let cached = cache?.lookup(model: configuration.model, request: request) { return cached }
        let content = try await sendWithRetries(request)
        cache?.store(model: configuration.model, request: request, content: content)
        return content
    }

    /// A completion decoded as JSON into `type`; code fences around the JSON are tolerated.
    ///
    /// - Throws: ``LLMError/malformedReply(reason:content:)`` when the content is not that JSON.
    public func completeJSON<T: Decodable>(_ request: ChatRequest, as type: T.Type) async throws(LLMError) -> T {
        let content = try await complete(request)
        return try JSONReply.decode(type, from: content)
    }

    private func sendWithRetries(_ request: ChatRequest) async throws(LLMError) -> String {
        var attempt = 0
        var backoff = configuration.initialBackoff
        while true {
            attempt += 1
            let outcome = await send(request)
            switch outcome {
            case .success(let content):
                return content
            case .failure(let failure):
                guard failure.retryable else { throw failure.error }
                guard attempt <= configuration.maxRetries else {
                    throw .retriesExhausted(attempts: attempt, lastError: failure.error.description)
                }
                let wait = min(configuration.maxBackoff, max(backoff, failure.retryAfter ?? 0))
                try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
                backoff *= 2
            }
        }
    }

    private struct Failure: Error {
        var error: LLMError
        var retryable: Bool
        var retryAfter: TimeInterval?
    }

    private func send(_ request: ChatRequest) async -> Result<String, Failure> {
        let urlRequest: URLRequest
        do {
            urlRequest = try makeURLRequest(request)
        } catch {
            return .failure(Failure(error: .transport("cannot encode the request: \(error)"), retryable: false))
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch let error as URLError where error.code == .timedOut {
            return .failure(Failure(error: .transport("timed out after \(configuration.requestTimeout) s"), retryable: true))
        } catch {
            return .failure(Failure(error: .transport("\(error.localizedDescription)"), retryable: true))
        }
        guard let http = response as? HTTPURLResponse else {
            return .failure(Failure(error: .transport("not an HTTP response"), retryable: false))
        }
        let body = String(decoding: data, as: UTF8.self)
        switch http.statusCode {
        case 200..<300:
            return JSONReply.chatContent(from: data).mapError { Failure(error: $0, retryable: false) }
        case 429, 500..<600:
            let retryAfter = (http.value(forHTTPHeaderField: "Retry-After")).flatMap(TimeInterval.init)
            return .failure(Failure(error: .http(status: http.statusCode, body: body), retryable: true, retryAfter: retryAfter))
        default:
            return .failure(Failure(error: .http(status: http.statusCode, body: body), retryable: false))
        }
    }

    private func makeURLRequest(_ request: ChatRequest) throws -> URLRequest {
        var urlRequest = URLRequest(url: configuration.baseURL.appendingPathComponent("chat/completions"))
        urlRequest.httpMethod = "POST"
        urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let key = configuration.apiKey, !key.isEmpty {
            urlRequest.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        }
        var body: [String: Any] = [
            "model": configuration.model,
            "messages": request.messages.map { ["role": $0.role, "content": $0.content] },
            "temperature": request.temperature,
        ]
        if request.jsonMode { body["response_format"] = ["type": "json_object"] }
        if let maxTokens = request.maxTokens { body["max_tokens"] = maxTokens }
        urlRequest.httpBody = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        return urlRequest
    }
}
