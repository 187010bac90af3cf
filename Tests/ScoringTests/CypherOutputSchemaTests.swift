import Foundation
import Testing
@testable import Scoring

/// The JSON `quiver score cypher` writes has exactly the fields its schemas under `schemas/` promise.
@Suite struct CypherOutputSchemaTests: SchemaChecking {
    @Test func exampleLinesMatchTheirSchema() throws {
        let schema = try schema("cypher-score-example.schema.json")
        var result = CypherExampleResult(index: 0, database: "movies", exactMatch: true)
        result.flags = [.goldEmpty]
        result.partial = ["google_bleu": 1, "ged_similarity": 1, "row_jaccard": 1]
        #expect(try keys(result) == Set(try #require(schema["required"] as? [String])))
        let properties = try #require(schema["properties"] as? [String: Any])
        let partial = try #require((properties["partial"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(result.partial.keys) == Set(partial.keys))
        let flagNames = ((properties["flags"] as? [String: Any])?["items"] as? [String: Any])?["enum"] as? [String]
        #expect(Set(flagNames ?? []) == Set(ExecutionFlag.allCases.map(\.rawValue)))
    }

    @Test func summaryMatchesItsSchema() throws {
        let schema = try schema("cypher-score-summary.schema.json")
        let summary = CypherEvaluationSummary(results: [CypherExampleResult(index: 0, database: nil, exactMatch: false)], semantics: .neo4jLabs)
        #expect(try keys(summary) == Set(try #require(schema["required"] as? [String])))
        let group = ((schema["$defs"] as? [String: Any])?["group"] as? [String: Any])?["required"] as? [String]
        #expect(try keys(summary.all) == Set(group ?? []))
        let semantics = ((schema["properties"] as? [String: Any])?["semantics"] as? [String: Any])?["enum"] as? [String]
        #expect(Set(semantics ?? []) == Set(CypherComparisonSemantics.allCases.map(\.rawValue)))
    }
}
