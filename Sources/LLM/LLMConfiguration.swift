import Foundation

/// Where and how to reach an OpenAI-compatible chat-completions endpoint.
///
/// Values come from flags or from the environment (`QUIVER_LLM_BASE_URL` or `OPENAI_BASE_URL`,
/// `QUIVER_LLM_API_KEY` or `OPENAI_API_KEY`, `QUIVER_LLM_MODEL`):
///
/// ```swift
/// let config = try LLMConfiguration.fromEnvironment(model: "gpt-4o-mini")
/// let client = LLMClient(configuration: config)
/// ```
public struct LLMConfiguration: Sendable {
    /// The API root, e.g. `https://api.openai.com/v1`; `chat/completions` is appended.
    public var baseURL: URL
    public var apiKey: String?
    public var model: String
    /// Seconds one HTTP request may take before it is abandoned (and retried); at least 1,
    /// because libcurl-backed `URLSession` on Linux counts timeouts in whole seconds.
    public var requestTimeout: TimeInterval
    /// How many times a request is retried after a 429, a 5xx or a timeout.
    public var maxRetries: Int
    /// The first backoff in seconds; each retry doubles it, and `Retry-After` wins when larger.
    public var initialBackoff: TimeInterval
    /// The longest a single backoff may be, whatever `Retry-After` says.
    public var maxBackoff: TimeInterval
    /// A folder for the on-disk response cache, or `nil` for none.
    public var cacheDirectory: URL?

    public init(
        baseURL: URL, apiKey: String? = nil, model: String, requestTimeout: TimeInterval = 60,
        maxRetries: Int = 4, initialBackoff: TimeInterval = 1, maxBackoff: TimeInterval = 30,
        cacheDirectory: URL? = nil
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.model = model
        self.requestTimeout = max(1, requestTimeout.rounded(.up))
        self.maxRetries = maxRetries
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.cacheDirectory = cacheDirectory
    }

    /// A configuration from flags where given, else from the environment.
    ///
    /// - Throws: ``LLMError/notConfigured(_:)`` when no base URL or model is known.
    public static func fromEnvironment(
        baseURL: String? = nil, apiKey: String? = nil, model: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LLMError) -> LLMConfiguration {
        let urlText = baseURL ?? environment["QUIVER_LLM_BASE_URL"] ?? environment["OPENAI_BASE_URL"]
        guard let urlText, let url = URL(string: urlText), url.scheme != nil else {
            throw .notConfigured(
                "no LLM endpoint: pass --llm-base-url or set QUIVER_LLM_BASE_URL (e.g. http://127.0.0.1:8000/v1)")
        }
        guard let model = model ?? environment["QUIVER_LLM_MODEL"], !model.isEmpty else {
            throw .notConfigured("no LLM model: pass --llm-model or set QUIVER_LLM_MODEL")
        }
        let key = apiKey ?? environment["QUIVER_LLM_API_KEY"] ?? environment["OPENAI_API_KEY"]
        return LLMConfiguration(baseURL: url, apiKey: key, model: model)
    }
}
