import Foundation
import QuiverCore
import Retrieval

/// `POST /kgqa`: `{"question", "topics"?, "method"?, "simulations"?, "seed"?, "max_hops"?,
/// "time_limit"?, "cypher"?}` → the question's answers by relation-path search on the served graph,
/// as one record of `quiver kgqa --out` (answers, best paths, the Cypher query).
///
/// A topic may be written in the question in [brackets], as on the command line.
///
/// ```swift
/// let request = try KGQARequest(JSONObject(body: bytes, allowed: KGQARequest.fields), limits: ServiceLimits())
/// let record = try request.answer(on: entityGraph)
/// ```
public struct KGQARequest: Sendable {
    /// The fields a body may have.
    public static let fields: Set<String> = ["question", "topics", "method", "simulations", "seed", "max_hops", "time_limit", "cypher"]

    /// The question, with its topics taken out of their brackets.
    public var question: KGQAQuestion
    /// How the question is answered.
    public var configuration: KGQAConfiguration

    /// Reads a request; `time_limit` (seconds per topic) defaults to the limits' query timeout and
    /// may not exceed their largest.
    public init(_ object: JSONObject, limits: ServiceLimits) throws(ServiceError) {
        let text = try object.string("question")
        guard !text.allSatisfy(\.isWhitespace) else { throw .badRequest("`question` is empty; ask something") }
        let (plain, bracketed) = KGQAQuestion.bracketedTopics(in: text)
        var topics = bracketed
        if object["topics"] != nil {
            for (index, value) in try object.list("topics", limit: 16).enumerated() {
                guard case .string(let topic) = value, !topic.isEmpty else {
                    throw .badRequest("`topics[\(index)]` must be a non-empty string (an entity's name)", code: "WrongType")
                }
                topics.append(topic)
            }
        }
        question = KGQAQuestion(id: "1", question: plain, topics: topics)
        var configuration = KGQAConfiguration()
        if let method = try object.optionalChoice("method", from: KGQAConfiguration.Method.allCases.map(\.rawValue)) {
            configuration.method = KGQAConfiguration.Method(rawValue: method) ?? .treeSearch
        }
        configuration.search.simulations = try object.optionalInteger("simulations", in: 1...100_000) ?? configuration.search.simulations
        configuration.search.seed = UInt64(try object.optionalInteger("seed", in: 0...Int.max) ?? 0)
        configuration.parameters.maxHops = try object.optionalInteger("max_hops", in: 1...8) ?? configuration.parameters.maxHops
        let seconds = try object.optionalNumber("time_limit", in: 0.001...limits.maxTimeout) ?? limits.defaultTimeout
        configuration.search.timeLimit = .milliseconds(Int64((seconds * 1_000).rounded(.up)))
        configuration.runsCypher = try object.optionalBool("cypher") ?? true
        self.configuration = configuration
    }

    /// Answers the question on `graph` (blocking work: run it on a worker thread); the record is
    /// `quiver kgqa --out`'s line for it.
    public func answer(on graph: EntityGraph) throws(ServiceError) -> [UInt8] {
        let result: KGQAResult
        do {
            result = try KGQAAnswerer(graph: graph, configuration: configuration).answer(question)
        } catch {
            throw ServiceError(status: 500, code: "KGQAUnavailable", message: "cannot prepare the question answerer: \(error)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return Array(try encoder.encode(result))
        } catch {
            throw ServiceError(status: 500, code: "InternalError", message: "cannot encode the answer: \(error)")
        }
    }
}
