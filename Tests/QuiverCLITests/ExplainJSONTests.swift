import Cypher
import Foundation
import PropertyGraph
import Testing

@testable import QuiverCLI

/// `quiver cypher --format json` prints an EXPLAIN / PROFILE record with its logical plan.
@Suite struct ExplainJSONTests {
    @Test func anExplainRecordCarriesTheLogicalPlanWithEstimates() throws {
        let graph = GraphStore()
        let result = try CypherEngine.execute("EXPLAIN UNWIND [1, 2] AS x RETURN x", on: graph)
        let line = ResultPrinter(format: .json).render(result, index: 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let logical = try #require(object["logical"] as? [String: Any])
        #expect(logical["operator"] as? String == "ProduceResults")
        #expect(logical["estimated_rows"] as? Int == 2)
        let child = (logical["children"] as? [[String: Any]])?.first
        #expect(child?["operator"] as? String == "Projection")
        let plain = ResultPrinter(format: .json).render(try CypherEngine.execute("RETURN 1", on: graph), index: 0)
        #expect(!plain.contains("\"logical\""))
    }
}
