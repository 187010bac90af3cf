import Foundation
import Testing
@testable import QueryGraph

@Suite("Graph JSON")
struct QueryGraphCodingTests {
    @Test("round-trips the vectors' format")
    func roundTrip() throws {
        let text = #"{"nodes": ["Person", "Movie"], "edges": [[0, 1, "ACTED_IN"], [1, 1, "from"]]}"#
        let g = try JSONDecoder().decode(QueryGraph.self, from: Data(text.utf8))
        #expect(g.nodes == ["Person", "Movie"])
        #expect(g.edges == [.init(0, 1, "ACTED_IN"), .init(1, 1, "from")])
        let again = try JSONDecoder().decode(QueryGraph.self, from: JSONEncoder().encode(g))
        #expect(again == g)
    }

    @Test("rejects an edge that names a missing node")
    func rejectsDanglingEdge() {
        let text = #"{"nodes": ["A"], "edges": [[0, 3, "x"]]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(QueryGraph.self, from: Data(text.utf8)) }
    }
}
