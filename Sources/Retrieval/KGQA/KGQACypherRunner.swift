import Cypher
import PropertyGraph
import QuiverCore

/// Runs compiled path queries on the knowledge graph's snapshot (shared by every worker: reads
/// take no lock), preparing each distinct query text once per worker.
///
/// ```swift
/// let runner = KGQACypherRunner(graph: kg)
/// let names = try runner.answers(of: text, topicNames: ["Kiss and Tell"])
/// ```
final class KGQACypherRunner {
    private let snapshot: GraphSnapshot
    private var prepared: [String: PreparedQuery] = [:]

    init(graph: EntityGraph) {
        snapshot = graph.snapshot
    }

    /// The names a compiled query returns for the topic names (and the other topics' names it leaves out).
    func answers(of text: String, topicNames: [String], others: [String] = []) throws(QueryError) -> [String] {
        var parameters: [String: Value] = topicNames.count == 1
            ? ["topic": .string(topicNames[0])] : ["topics": .list(topicNames.map { .string($0) })]
        if !others.isEmpty { parameters["others"] = .list(others.map { .string($0) }) }
        let query: PreparedQuery
        if let known = prepared[text] {
            query = known
        } else {
            query = try CypherEngine.prepare(text, parameterNames: Set(parameters.keys))
            prepared[text] = query
        }
        let result = try CypherEngine.execute(query, parameters: parameters, on: snapshot)
        return result.rows.compactMap { row in
            if case .string(let name) = row.first { return name }
            return nil
        }
    }
}
