import Foundation
import LLM

/// A ``PathCritic`` that asks a chat model (any OpenAI-compatible endpoint, through ``LLMClient``)
/// to score each candidate path from 0 to 10 for how well it answers the question, as JSON
/// `{"scores": [...]}`. Replies are cached in memory for the run and on disk when the client's
/// configuration has a cache folder.
///
/// A reply that is not that JSON, or has the wrong number of scores, is an ``LLMError/malformedReply(reason:content:)``;
/// the runner then keeps the offline rewards for that question.
///
/// ```swift
/// let critic = LLMPathCritic(client: LLMClient(configuration: try LLMConfiguration.fromEnvironment()))
/// let results = try await KGQARunner(graph: kg, configuration: KGQAConfiguration()).run(questions, critic: critic)
/// ```
public struct LLMPathCritic: PathCritic {
    /// The model client.
    public let client: LLMClient
    private let memo = Memo()

    /// A critic using `client`.
    public init(client: LLMClient) {
        self.client = client
    }

    public func critique(question: String, paths: [CriticPath]) async throws -> [Double] {
        let request = Self.request(question: question, paths: paths)
        if let known = await memo.scores(for: request) { return known }
        let reply = try await client.completeJSON(request, as: Reply.self)
        guard reply.scores.count == paths.count else {
            throw LLMError.malformedReply(reason: "expected \(paths.count) scores, got \(reply.scores.count)",
                                          content: reply.scores.map { String($0) }.joined(separator: ", "))
        }
        let scores = reply.scores.map { min(1, max(0, $0 / 10)) }
        await memo.store(scores, for: request)
        return scores
    }

    private struct Reply: Decodable {
        var scores: [Double]
    }

    /// The prompt: the question, then each path as `topic -relation-> ... (n answers, e.g. a, b, c)`.
    static func request(question: String, paths: [CriticPath]) -> ChatRequest {
        var lines = ["Question: \(question)", "", "Candidate relation paths in a knowledge graph:"]
        for (index, path) in paths.enumerated() {
            let steps = path.relations.map { $0.hasPrefix("^") ? " <-\($0.dropFirst())- " : " -\($0)-> " }.joined(separator: "…")
            let sample = path.sampleAnswers.joined(separator: "; ")
            lines.append("\(index + 1). \(path.topic)\(steps)(\(path.answerCount) answers, e.g. \(sample))")
        }
        lines.append("")
        lines.append("""
            For each path, judge whether following it from the topic answers the question: the relations, \
            their order and direction, and the kind of answers. Reply with JSON only: {"scores": [s1, s2, …]}, \
            one number from 0 (wrong) to 10 (exactly right) per path, in order.
            """)
        return ChatRequest(messages: [
            .system("You critique reasoning paths over a knowledge graph. You answer with JSON only."),
            .user(lines.joined(separator: "\n")),
        ], temperature: 0, jsonMode: true, maxTokens: 200)
    }

    /// Scores already given this run, by request.
    private actor Memo {
        var known: [ChatRequest: [Double]] = [:]
        func scores(for request: ChatRequest) -> [Double]? { known[request] }
        func store(_ scores: [Double], for request: ChatRequest) { known[request] = scores }
    }
}
