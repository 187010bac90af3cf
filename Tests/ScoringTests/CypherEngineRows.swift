import Cypher
import PropertyGraph
import QuiverCore

/// Runs a query in a test and returns its rows.
enum CypherEngineRows {
    static func run(_ query: String, on graph: GraphStore) throws -> [[Value]] {
        try CypherEngine.execute(query, on: graph).rows
    }
}
