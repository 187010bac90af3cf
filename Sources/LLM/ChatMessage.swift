/// One message of a chat-completions conversation.
///
/// ```swift
/// let messages: [ChatMessage] = [.system("Extract triples as JSON."), .user(passage)]
/// ```
public struct ChatMessage: Sendable, Hashable, Codable {
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    public static func system(_ content: String) -> ChatMessage { ChatMessage(role: "system", content: content) }
    public static func user(_ content: String) -> ChatMessage { ChatMessage(role: "user", content: content) }
    public static func assistant(_ content: String) -> ChatMessage {
        ChatMessage(role: "assistant", content: content)
    }
}

/// A request for one chat completion.
public struct ChatRequest: Sendable, Hashable, Codable {
    public var messages: [ChatMessage]
    public var temperature: Double
    /// Asks the endpoint for a JSON object (`response_format: {"type": "json_object"}`).
    public var jsonMode: Bool
    public var maxTokens: Int?

    public init(messages: [ChatMessage], temperature: Double = 0, jsonMode: Bool = false, maxTokens: Int? = nil) {
        self.messages = messages
        self.temperature = temperature
        self.jsonMode = jsonMode
        self.maxTokens = maxTokens
    }
}
