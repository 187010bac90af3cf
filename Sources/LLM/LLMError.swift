import Foundation

/// What can go wrong when asking a model, with enough detail to act on.
public enum LLMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No endpoint or model was given; the text says which flag or variable to set.
    case notConfigured(String)
    /// The endpoint answered with an HTTP error that retrying will not fix (400, 401, 404, …).
    case http(status: Int, body: String)
    /// Every attempt failed with a retryable status or a timeout; the last cause is kept.
    case retriesExhausted(attempts: Int, lastError: String)
    /// The request could not be sent or no reply came back.
    case transport(String)
    /// The reply was not a chat-completions response, or its content was not the JSON asked for.
    case malformedReply(reason: String, content: String)

    public var description: String {
        switch self {
        case .notConfigured(let text):
            return text
        case .http(let status, let body):
            return "LLM endpoint answered HTTP \(status): \(body.prefix(300))"
        case .retriesExhausted(let attempts, let lastError):
            return "LLM request failed after \(attempts) attempts; last error: \(lastError)"
        case .transport(let text):
            return "LLM request could not be completed: \(text)"
        case .malformedReply(let reason, let content):
            return "LLM reply is malformed (\(reason)): \(content.prefix(300))"
        }
    }
}
