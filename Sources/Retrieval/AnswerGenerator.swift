import KnowledgeGraph
import LLM

/// Writes a short answer to a question from retrieved passages, with an OpenAI-compatible model.
///
/// The prompt gives the top passages (title and text) and asks for the answer alone, a few words
/// long, as multi-hop QA benchmarks score it (exact match and token F1 against gold answers).
///
/// ```swift
/// let generator = AnswerGenerator(client: LLMClient(configuration: config))
/// let answer = try await generator.answer("Who founded …?", passages: hits.map { graph.passages[Int($0.passage)] })
/// ```
public struct AnswerGenerator: Sendable {
    /// The model client.
    public let client: LLMClient
    /// How many of the given passages go into the prompt.
    public var passagesInPrompt: Int
    /// Whether the answer ends with the numbers of the passages it comes from ("Jonas Fell [2]").
    public var citesPassages: Bool

    /// A generator.
    public init(client: LLMClient, passagesInPrompt: Int = 5, citesPassages: Bool = false) {
        self.client = client
        self.passagesInPrompt = passagesInPrompt
        self.citesPassages = citesPassages
    }

    static let instructions = """
        Answer the question from the passages. Reply with the answer only: a name, a date, a number \
        or a short phrase, without explanation. If the passages do not contain the answer, give your \
        best guess.
        """

    static let citation = " End the answer with the numbers of the passages it comes from, in brackets: \"Jonas Fell [2]\"."

    /// The model's answer, trimmed of whitespace and a trailing full stop.
    public func answer(_ question: String, passages: [Passage]) async throws(LLMError) -> String {
        let context = passages.prefix(passagesInPrompt).enumerated()
            .map { "[\($0.offset + 1)] \($0.element.title)\n\($0.element.text)" }
            .joined(separator: "\n\n")
        let instructions = citesPassages ? Self.instructions + Self.citation : Self.instructions
        let request = ChatRequest(messages: [
            .system(instructions), .user("Passages:\n\(context)\n\nQuestion: \(question)\nAnswer:"),
        ])
        var text = try await client.complete(request).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
