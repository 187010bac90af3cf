import Cypher
import Foundation
import GraphDrawing
import KnowledgeGraph
import LLM
import QuiverCore
import Retrieval

/// `POST /ask`: `{"question", "method"?, "limit"?}` → the question's entities, the ranked passages
/// with their explanation paths, an answer when the server has a model (`--llm-base-url`, or
/// `QUIVER_LLM_BASE_URL`), and the drawing of the paths.
///
/// ```swift
/// let retrieval = try AskRequest(JSONObject(body: bytes, allowed: AskRequest.fields)).retrieve(from: base)
/// ```
public struct AskRequest: Sendable {
    /// The fields a body may have.
    public static let fields: Set<String> = ["question", "method", "limit"]

    /// The question.
    public var question: String
    /// The retrieval method (default hybrid, as `quiver ask`).
    public var method: RetrievalMethod
    /// Passages returned (1 to 100, default 5).
    public var limit: Int

    /// Reads a request.
    public init(_ object: JSONObject) throws(ServiceError) {
        question = try object.string("question")
        guard !question.allSatisfy(\.isWhitespace) else { throw .badRequest("`question` is empty; ask something") }
        method = try object.optionalChoice("method", from: RetrievalMethod.allCases.map(\.rawValue))
            .flatMap(RetrievalMethod.init(rawValue:)) ?? .hybrid
        limit = try object.optionalInteger("limit", in: 1...100) ?? 5
    }

    /// Retrieves on `base` (blocking work: run it on a worker thread).
    public func retrieve(from base: KnowledgeBase) -> Found {
        let seeds = SeedLinker(index: base.index).seeds(for: question)
        let hits = Retriever(index: base.index).retrieve(question, method: method, limit: limit)
        return Found(question: question, entities: seeds.entities.map { base.graph.entities[Int($0.entity)].name },
                         hits: hits, base: base)
    }

    /// What retrieval found for a question.
    public struct Found: Sendable {
        /// The question.
        public var question: String
        /// The entities linked in the question.
        public var entities: [String]
        /// The ranked passages.
        public var hits: [RankedPassage]
        /// The graph they come from.
        public var base: KnowledgeBase

        /// The passages, best first, for an answer generator.
        public var passages: [Passage] { hits.map { base.graph.passages[Int($0.passage)] } }

        /// `{"question", "entities", "passages": [{rank, id, title, text, score, paths}], "answer", "drawing"}`.
        public func json(answer: String?, answerError: String?) -> [UInt8] {
            let describer = PathDescription(graph: base.graph)
            let passages = hits.enumerated().map { rank, hit -> String in
                let passage = base.graph.passages[Int(hit.passage)]
                let paths = hit.paths.map { path in
                    ValueJSON.string(path.count > 1 ? describer.describe(path) : "matched the question's words or entities directly")
                }
                return #"{"rank":\#(rank + 1),"id":"# + ValueJSON.string(passage.id) + #","title":"# + ValueJSON.string(passage.title)
                    + #","text":"# + ValueJSON.string(passage.text) + #","score":"# + (hit.score.isFinite ? "\(hit.score)" : "null")
                    + #","paths":["# + paths.joined(separator: ",") + "]}"
            }
            let drawing = DrawingFormat.json.render(Drawing(question: question, hits: hits, graph: base.graph))
            let text = #"{"question":"# + ValueJSON.string(question)
                + #","entities":["# + entities.map(ValueJSON.string).joined(separator: ",")
                + #"],"passages":["# + passages.joined(separator: ",")
                + #"],"answer":"# + (answer.map(ValueJSON.string) ?? "null")
                + #","answer_error":"# + (answerError.map(ValueJSON.string) ?? "null")
                + #","drawing":"# + drawing.dropLast() + "}"
            return Array(text.utf8)
        }
    }
}
