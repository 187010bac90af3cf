import Cypher
import PropertyGraph
import QuiverCore

/// Runs compiled path queries on one worker's own graph, preparing each distinct query text once.
///
/// Today every Cypher query opens a store transaction (a write), so each worker runs queries on its
/// own copy-on-write ``GraphStore/copy()`` while the search reads the shared store; this is the one
/// place to change when read-only snapshots arrive.
///
/// ```swift
/// let runner = try KGQACypherRunner(graph: kg)
/// let names = try runner.answers(of: text, topicNames: ["Kiss and Tell"])
/// ```
final class KGQACypherRunner {
    private let store: GraphStore
    private var prepared: [String: PreparedQuery] = [:]

    init(graph: EntityGraph) throws {
        store = try graph.store.copy()
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
        let result = try CypherEngine.execute(query, parameters: parameters, on: store, readOnly: true)
        return result.rows.compactMap { row in
            if case .string(let name) = row.first { return name }
            return nil
        }
    }
}
