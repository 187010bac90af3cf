import Testing
import PropertyGraph
import QuiverCore
@testable import Cypher

@Suite struct PreparedQueryCacheTests {
    /// A preparation that counts how often it really ran.
    final class Counting: @unchecked Sendable {
        // Unchecked: the tests call it from one thread.
        var runs = 0
        func prepare(_ text: String, procedures: ProcedureRegistry = .standard) throws(QueryError) -> PreparedQuery {
            runs += 1
            return try CypherEngine.prepare(text + " ", procedures: procedures)
        }
    }

    @Test func aStatementSentAgainIsParsedOnce() throws {
        let cache = PreparedQueryCache(capacity: 4)
        let counting = Counting()
        let text = "MATCH (n:Person) WHERE n.age > $min RETURN n.name"
        let first = try cache.prepare(text, procedures: .standard, parameterNames: ["min"]) { t throws(QueryError) in try counting.prepare(t) }
        let second = try cache.prepare(text, procedures: .standard, parameterNames: ["min"]) { t throws(QueryError) in try counting.prepare(t) }
        #expect(counting.runs == 1)
        #expect(second.text == text && second.mode == first.mode && second.isRead == first.isRead)
        // Other parameter names are another analysis.
        _ = try cache.prepare(text, procedures: .standard, parameterNames: nil) { t throws(QueryError) in try counting.prepare(t) }
        #expect(counting.runs == 2)
        #expect(cache.count == 2)
    }

    @Test func theOldestEntryMakesRoomAndLongTextsAreNotKept() throws {
        let cache = PreparedQueryCache(capacity: 2, longestText: 40)
        let counting = Counting()
        for text in ["RETURN 1", "RETURN 2", "RETURN 3"] {
            _ = try cache.prepare(text, procedures: .standard, parameterNames: nil) { t throws(QueryError) in try counting.prepare(t) }
        }
        #expect(cache.count == 2)
        _ = try cache.prepare("RETURN 3", procedures: .standard, parameterNames: nil) { t throws(QueryError) in try counting.prepare(t) }
        #expect(counting.runs == 3)
        _ = try cache.prepare("RETURN 1", procedures: .standard, parameterNames: nil) { t throws(QueryError) in try counting.prepare(t) }
        #expect(counting.runs == 4)
        let long = "RETURN " + String(repeating: "1 + ", count: 20) + "1"
        for _ in 0..<2 {
            _ = try cache.prepare(long, procedures: .standard, parameterNames: nil) { t throws(QueryError) in try counting.prepare(t) }
        }
        #expect(counting.runs == 6)
        #expect(cache.count == 2)
    }

    @Test func errorsAreNotKept() {
        let cache = PreparedQueryCache(capacity: 2)
        for _ in 0..<2 {
            #expect(throws: QueryError.self) {
                try cache.prepare("MATCH (n RETURN n", procedures: .standard, parameterNames: nil) { t throws(QueryError) in
                    try CypherEngine.prepare(t + " ")
                }
            }
        }
        #expect(cache.count == 0)
    }

    @Test func aCachedStatementRunsTheCallersProcedures() throws {
        let signature = try #require(ProcedureSignature(declaration: "test.answer() :: (x :: INTEGER?)"))
        func registry(_ answer: Int64) -> ProcedureRegistry {
            var registry = ProcedureRegistry.standard
            registry.register(Procedure(signature) { _ in [[.int(answer)]] })
            return registry
        }
        let graph = GraphStore()
        let text = "CALL test.answer() YIELD x RETURN x"
        let first = try CypherEngine.execute(text, on: graph, procedures: registry(1))
        let second = try CypherEngine.execute(text, on: graph, procedures: registry(2))
        #expect(first.rows == [[.int(1)]])
        #expect(second.rows == [[.int(2)]])
    }
}
