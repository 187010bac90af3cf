import Foundation
import Testing
@testable import Scoring

/// The JSON Quiver writes has exactly the fields its schema under `schemas/` promises.
@Suite struct OutputSchemaTests: SchemaChecking {
    @Test func exampleLinesMatchTheirSchema() throws {
        let schema = try schema("sql-score-example.schema.json")
        let required = Set(try #require(schema["required"] as? [String]))
        let allowed = Set(try #require(schema["properties"] as? [String: Any]).keys)
        var result = SQLExampleResult(index: 0, databaseID: "db", execMatch: true, flags: [.goldEmpty])
        #expect(try keys(result) == required)
        result.ves = 1
        result.rves = 1
        #expect(try keys(result).isSubset(of: allowed))
        let flagNames = ((schema["properties"] as? [String: Any])?["flags"] as? [String: Any])?["items"] as? [String: Any]
        #expect(Set(flagNames?["enum"] as? [String] ?? []) == Set(ExecutionFlag.allCases.map(\.rawValue)))
    }

    @Test func summaryMatchesItsSchema() throws {
        let schema = try schema("sql-score-summary.schema.json")
        let summary = SQLEvaluationSummary(results: [SQLExampleResult(index: 0, databaseID: "db", execMatch: true)], semantics: .bird)
        #expect(try keys(summary) == Set(try #require(schema["required"] as? [String])))
        let group = ((schema["$defs"] as? [String: Any])?["group"] as? [String: Any])?["required"] as? [String]
        #expect(try keys(summary.all) == Set(group ?? []))
    }

    @Test func runHeadersMatchTheirSchema() throws {
        let schema = try schema("score-run.schema.json")
        let header = ScoringRun(
            command: "score sql", arguments: ["score", "sql"], options: ["timeout": .number(30), "postgres": .null],
            inputs: [RunInput(role: "database", path: "/d.sqlite", databaseID: "d", sha256: String(repeating: "0", count: 64), bytes: 1)])
        #expect(try keys(header) == Set(try #require(schema["required"] as? [String])))
        let input = ((schema["$defs"] as? [String: Any])?["input"] as? [String: Any])?["properties"] as? [String: Any]
        #expect(try keys(header.inputs[0]).isSubset(of: Set(input?.keys ?? [:].keys)))
        #expect(try keys(ScoringRun.Line(header)) == ["quiver_run"])
        let decoded = try JSONDecoder().decode(ScoringRun.self, from: JSONEncoder().encode(header))
        #expect(decoded == header)
    }

    @Test func dialectDifferencesMatchTheirSchema() throws {
        let schema = try schema("sql-score-dialect-difference.schema.json")
        let difference = DialectComparison.Difference(
            index: 0, databaseID: "db", sql: "SELECT 1", kind: "different_rows", category: "other", reason: "values differ")
        #expect(try keys(difference) == Set(try #require(schema["required"] as? [String])))
        let categories = ((schema["properties"] as? [String: Any])?["category"] as? [String: Any])?["enum"] as? [String]
        #expect(Set(categories ?? []) == Set(DialectComparison.Category.allCases.map(\.rawValue)))
    }
}
