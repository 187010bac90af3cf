import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// Every way a query can gather memory stops at its budget with `ResourceLimit` / `MemoryLimit`.
@Suite("Memory budget")
struct MemoryBudgetTests {
    static let small = ExecutionOptions(maxMemory: 32 << 20)

    static let gatherers = [
        "RETURN size(range(1, 10000000000)) AS n",
        "UNWIND range(1, 1000000000) AS x RETURN collect(x) AS c",
        "UNWIND range(1, 400000) AS x RETURN collect(x) AS c",
        "UNWIND range(1, 400000) AS x RETURN x ORDER BY x DESC",
        "UNWIND range(1, 400000) AS x RETURN x ORDER BY x DESC LIMIT 300000",
        "UNWIND range(1, 400000) AS x RETURN DISTINCT x",
        "UNWIND range(1, 400000) AS x RETURN x % 7 AS k, collect(x) AS xs",
        "UNWIND range(1, 400000) AS x RETURN count(DISTINCT x) AS n",
        "UNWIND range(1, 400000) AS x RETURN x",
        "RETURN [x IN range(1, 300000) | [x, x]] AS l",
    ]

    /// Values built a piece at a time (each step copies the whole value, so the budget is small).
    static let builders = [
        "RETURN reduce(s = '', x IN range(1, 100000) | s + 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx') AS s",
        "RETURN reduce(l = [], x IN range(1, 100000) | l + [x, x, x, x, x, x, x, x]) AS l",
        "RETURN replace(reduce(s = '', x IN range(1, 5000) | s + 'aaaaaaaaaa'), 'a', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb') AS s",
    ]

    /// The error code a query ends with ("none" when it succeeds), never the rows (they can be huge).
    static func outcome(_ query: String, _ options: ExecutionOptions) -> (code: String, message: String) {
        do {
            let result = try CypherEngine.execute(query, on: GraphStore(), options: options)
            return ("none", "\(result.rows.count) rows")
        } catch {
            return (error.code, error.message)
        }
    }

    @Test("past the budget: MemoryLimit, naming the budget", arguments: gatherers)
    func pastTheBudget(query: String) {
        let (code, message) = Self.outcome(query, Self.small)
        #expect(code == "MemoryLimit", "\(query): \(message)")
        #expect(message.contains("32 MiB"))
    }

    @Test("values built step by step stop at the budget", arguments: builders)
    func buildersStop(query: String) {
        let (code, message) = Self.outcome(query, ExecutionOptions(maxMemory: 256 << 10))
        #expect(code == "MemoryLimit", "\(query): \(message)")
        #expect(message.contains("256 KiB"))
    }

    @Test("streamed rows are not held, so a long result fits a small budget")
    func streamingHoldsNothing() throws {
        let prepared = try CypherEngine.prepare("UNWIND range(1, 400000) AS x RETURN x")
        var count = 0
        let handler = RowHandler(columns: { _ in }, row: { _ in count += 1 })
        _ = try CypherEngine.execute(prepared, on: GraphStore(), options: Self.small, streaming: handler)
        #expect(count == 400_000)
    }

    @Test("a variable-length walk's frontier counts against the budget")
    func frontier() throws {
        // A complete graph of 60 nodes: trails from one node grow combinatorially.
        let graph = GraphStore()
        let nodes = (0..<60).map { _ in graph.addNode(labels: ["N"]) }
        for a in nodes { for b in nodes where a != b { _ = try graph.addRelationship(type: "R", from: a, to: b) } }
        let options = ExecutionOptions(timeout: .seconds(60), maxMemory: 1 << 20)
        do {
            let result = try CypherEngine.execute("MATCH (a:N)-[*]->(b) RETURN count(*)", on: graph, options: options)
            Issue.record("expected MemoryLimit, got \(result.rows.count) rows")
        } catch {
            #expect(error.code == "MemoryLimit", "\(error.message)")
        }
    }

    @Test("the budget is per query and given back: queries that fit keep working")
    func budgetIsPerQuery() throws {
        let graph = GraphStore()
        for _ in 0..<3 {
            let result = try CypherEngine.execute("UNWIND range(1, 10000) AS x RETURN count(DISTINCT x) AS n", on: graph,
                                                  options: Self.small)
            #expect(result.rows == [[10000]])
        }
    }
}
