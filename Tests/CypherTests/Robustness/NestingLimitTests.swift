import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// Inputs that once ended the process by a signal, in their balanced and unbalanced forms and at
/// several sizes: each must end in `ResourceLimit` / `NestingLimit`, at compile time, with a position.
@Suite("Nesting limit")
struct NestingLimitTests {
    /// A query shape nested `n` levels deep.
    struct Shape: Sendable, CustomTestStringConvertible {
        let name: String
        let make: @Sendable (Int) -> String
        var testDescription: String { name }
    }

    static let shapes: [Shape] = [
        Shape(name: "parentheses") { "RETURN " + String(repeating: "(", count: $0) + "1" + String(repeating: ")", count: $0) },
        Shape(name: "unclosed parentheses") { "RETURN " + String(repeating: "(", count: $0) + "1" },
        Shape(name: "lists") { "RETURN " + String(repeating: "[", count: $0) + "1" + String(repeating: "]", count: $0) },
        Shape(name: "unclosed lists") { "RETURN " + String(repeating: "[", count: $0) },
        Shape(name: "maps") { "RETURN " + String(repeating: "{a: ", count: $0) + "1" + String(repeating: "}", count: $0) },
        Shape(name: "NOT chain") { "RETURN " + String(repeating: "NOT ", count: $0) + "true" },
        Shape(name: "minus chain") { "RETURN " + String(repeating: "- ", count: $0) + "1" },
        Shape(name: "+ chain") { "RETURN 1" + String(repeating: " + 1", count: $0) },
        Shape(name: "string + chain") { "RETURN 'a'" + String(repeating: " + 'a'", count: $0) },
        Shape(name: "AND chain") { "RETURN true" + String(repeating: " AND true", count: $0) },
        Shape(name: "comparison chain") { "RETURN 1" + String(repeating: " < 2", count: $0) },
        Shape(name: "IN chain") { "RETURN 1" + String(repeating: " IN [1]", count: $0) },
        Shape(name: "property chain") { "WITH {a: 1} AS m RETURN m" + String(repeating: ".a", count: $0) },
        Shape(name: "subscript chain") { "WITH [1] AS m RETURN m" + String(repeating: "[0]", count: $0) },
        Shape(name: "CASE") { "RETURN " + String(repeating: "CASE WHEN true THEN ", count: $0) + "1" + String(repeating: " END", count: $0) },
        Shape(name: "comprehensions") { "RETURN " + String(repeating: "[x IN ", count: $0) + "[1]" + String(repeating: " | x]", count: $0) },
        Shape(name: "function calls") { "RETURN " + String(repeating: "abs(", count: $0) + "1" + String(repeating: ")", count: $0) },
        Shape(name: "WITH clauses") { "WITH 1 AS x " + String(repeating: "WITH x ", count: $0) + "RETURN x" },
        Shape(name: "pattern hops") { "MATCH (a)" + String(repeating: "-->()", count: $0) + " RETURN a" },
        Shape(name: "pattern parts") { "MATCH (a0)" + (1..<$0).map { ", (a\($0))" }.joined() + " RETURN 1" },
        Shape(name: "UNION") { Array(repeating: "RETURN 1 AS x", count: $0).joined(separator: " UNION ") },
        Shape(name: "EXISTS subqueries") {
            "MATCH (a) WHERE " + String(repeating: "EXISTS { MATCH (a) WHERE ", count: $0) + "true"
                + String(repeating: " }", count: $0) + " RETURN a"
        },
    ]

    @Test("past the limit: a NestingLimit error with a position, never a crash", arguments: shapes, [1_005, 20_000])
    func pastTheLimit(shape: Shape, size: Int) throws {
        try expectNestingLimit(shape.make(size), shape.name, size)
    }

    @Test("the sizes that once crashed: 90,000 chained + 1, 15,000 WITH clauses")
    func reportedSizes() throws {
        for (name, size) in [("+ chain", 90_000), ("WITH clauses", 15_000)] {
            let shape = try #require(Self.shapes.first { $0.name == name })
            try expectNestingLimit(shape.make(size), name, size)
        }
    }

    private func expectNestingLimit(_ query: String, _ name: String, _ size: Int) throws {
        let shape = (name: name, size: size)
        let error = #expect(throws: QueryError.self) { try CypherEngine.execute(query, on: GraphStore()) }
        #expect(error?.code == "NestingLimit", "\(shape.name) × \(shape.size): \(String(describing: error?.message))")
        #expect(error?.category == .resourceLimit)
        #expect(error?.location != nil)
        #expect(error?.message.contains("1,000") == true)
    }

    @Test("just under the limit, deep queries run", arguments: ["parentheses", "lists", "maps", "NOT chain", "+ chain",
                                                                "CASE", "comprehensions", "WITH clauses", "pattern hops"])
    func underTheLimit(name: String) throws {
        let shape = try #require(Self.shapes.first { $0.name == name })
        // Each shape adds at most one level per repetition, plus the clause around it.
        let query = shape.make(NestingLimit.depth / 2 - 5)
        _ = try CypherEngine.execute(query, on: GraphStore())
    }

    @Test("reduce() cannot nest a value past the limit at run time")
    func reduceNesting() throws {
        let error = #expect(throws: QueryError.self) {
            try CypherEngine.execute("RETURN size(reduce(acc = [], x IN range(1, 100000) | [acc]))", on: GraphStore())
        }
        #expect(error?.code == "NestingLimit")
        #expect(error?.phase == .runtime)
        let fine = try CypherEngine.execute("RETURN size(reduce(acc = [], x IN range(1, 500) | [acc])) AS n", on: GraphStore())
        #expect(fine.rows == [[1]])
    }

    @Test("a parser called on a thread with a small stack still answers (StackGuard moves the work)")
    func smallStackThread() async throws {
        let query = "RETURN " + String(repeating: "(", count: 900) + "1" + String(repeating: ")", count: 900) + " AS x"
        let result = try await Task.detached { try CypherEngine.execute(query, on: GraphStore()) }.value
        #expect(result.rows == [[1]])
    }
}
