import Foundation

/// Parsing of chat-completions replies and of the JSON a model was asked to write.
enum JSONReply {
    private struct Completion: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable { var content: String? }
            var message: Message
        }
        var choices: [Choice]
    }

    /// The first choice's message content of a chat-completions response body.
    static func chatContent(from data: Data) -> Result<String, LLMError> {
        let body = String(decoding: data, as: UTF8.self)
        guard let completion = try? JSONDecoder().decode(Completion.self, from: data) else {
            return .failure(.malformedReply(reason: "not a chat-completions response", content: body))
        }
        guard let content = completion.choices.first?.message.content else {
            return .failure(.malformedReply(reason: "the response has no choices[0].message.content", content: body))
        }
        return .success(content)
    }

    /// Decodes `content` as JSON, after removing a Markdown code fence that models often add.
    static func decode<T: Decodable>(_ type: T.Type, from content: String) throws(LLMError) -> T {
        let json = stripCodeFence(content)
        do {
            return try JSONDecoder().decode(type, from: Data(json.utf8))
        } catch let DecodingError.dataCorrupted(context) {
            throw .malformedReply(reason: "invalid JSON: \(context.debugDescription)", content: content)
        } catch {
            throw .malformedReply(reason: "JSON of the wrong shape: \(error)", content: content)
        }
    }

    static func stripCodeFence(_ content: String) -> String {
        var text = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("```") else { return text }
        if let firstNewline = text.firstIndex(of: "\n") { text = String(text[text.index(after: firstNewline)...]) }
        if text.hasSuffix("```") { text = String(text.dropLast(3)) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
