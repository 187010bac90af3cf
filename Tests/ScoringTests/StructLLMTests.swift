import Testing
import QueryGraph
@testable import Scoring

/// The STRuCT-LLM edge-case table (scoring-references §1.3), one row per case:
/// gold, prediction, the GED networkx reports (nil when the reward failed), the reward.
struct StructLLMCase: Sendable, CustomTestStringConvertible {
    var name: String
    var gold: String
    var prediction: String
    var ged: Double?
    var reward: Double
    var testDescription: String { name }
}

@Suite("STRuCT-LLM compatibility")
struct StructLLMTests {
    static let cases: [StructLLMCase] = [
        .init(name: "variables renamed", gold: "MATCH (p:Person)-[:ACTED_IN]->(m:Movie) RETURN p.name",
              prediction: "MATCH (a:Person)-[:ACTED_IN]->(b:Movie) RETURN a.name", ged: 0, reward: 1),
        .init(name: "relationship type differs", gold: "MATCH (p:Person)-[:ACTED_IN]->(m:Movie) RETURN p",
              prediction: "MATCH (p:Person)-[:DIRECTED]->(m:Movie) RETURN p", ged: 1, reward: 2.0 / 3),
        .init(name: "same pattern right-to-left loses its edge", gold: "MATCH (p:Person)-[:ACTED_IN]->(m:Movie) RETURN p",
              prediction: "MATCH (m:Movie)<-[:ACTED_IN]-(p:Person) RETURN p", ged: 1, reward: 2.0 / 3),
        .init(name: "space before { hides the node, so values never count",
              gold: "MATCH (m:Movie {title:'Casino'})<-[:ACTED_IN]-(a) RETURN a",
              prediction: "MATCH (m:Movie {title:'Heat'})<-[:ACTED_IN]-(a) RETURN a", ged: 0, reward: 1),
        .init(name: "property values are ignored", gold: "MATCH (m:Movie{title:'Casino'})-[:IN_GENRE]->(g) RETURN g",
              prediction: "MATCH (m:Movie{title:'Heat'})-[:IN_GENRE]->(g) RETURN g", ged: 0, reward: 1),
        .init(name: "anonymous node dropped", gold: "MATCH (:Genre)<-[:IN_GENRE]-(m) RETURN m",
              prediction: "MATCH (g:Genre)<-[:IN_GENRE]-(m) RETURN m", ged: 1, reward: 0.5),
        .init(name: "only the first hop of a chain is kept",
              gold: "MATCH (a:Person)-[:ACTED_IN]->(m:Movie)-[:IN_GENRE]->(g:Genre) RETURN g",
              prediction: "MATCH (a:Person)-[:ACTED_IN]->(m:Movie)-[:DIRECTED]->(g:Genre) RETURN g", ged: 0, reward: 1),
        .init(name: "variable-length relationship not parsed", gold: "MATCH (a:Person)-[:KNOWS*1..3]->(b:Person) RETURN b",
              prediction: "MATCH (a:Person)-[:KNOWS]->(b:Person) RETURN b", ged: 1, reward: 2.0 / 3),
        .init(name: "count(r) becomes a node", gold: "MATCH (p:Person)-[r:REVIEWED]->(m:Movie) RETURN count(r)",
              prediction: "MATCH (p:Person)-[r:REVIEWED]->(m:Movie) RETURN avg(r.rating)", ged: 1, reward: 0.75),
        .init(name: "nothing parseable: division by zero gives 0", gold: "MATCH (:Person)-->(:Movie) RETURN count(*)",
              prediction: "MATCH (:Person)-->(:Movie) RETURN count(*)", ged: nil, reward: 0),
        .init(name: "everything but the pattern ignored",
              gold: "MATCH (p:Person)-[:ACTED_IN]->(m:Movie) WHERE m.year < 1900 DELETE p",
              prediction: "MATCH (p:Person)-[:ACTED_IN]->(m:Movie) RETURN m.title", ged: 0, reward: 1),
        .init(name: "undirected is two edges", gold: "MATCH (a:Person)-[:KNOWS]-(b:Person) RETURN b",
              prediction: "MATCH (a:Person)-[:KNOWS]->(b:Person) RETURN b", ged: 1, reward: 0.75),
        .init(name: "multi-label node not parsed", gold: "MATCH (p:Person:Actor)-[:ACTED_IN]->(m:Movie) RETURN m",
              prediction: "MATCH (p:Person)-[:ACTED_IN]->(m:Movie) RETURN m", ged: 2, reward: 1.0 / 3),
        .init(name: "the reward can be negative", gold: "MATCH (x:A)-[:R]->(y:A) RETURN x",
              prediction: "MATCH (x:B), (y:B), (z:B) RETURN x", ged: 4, reward: -1.0 / 3),
        .init(name: "networkx lets a self-loop stand for another edge", gold: "MATCH (a)-[:R]->(a) RETURN a",
              prediction: "MATCH (a)-[:R]->(b) RETURN a", ged: 1, reward: 2.0 / 3),
    ]

    @Test("reproduces the edge-case table", arguments: cases)
    func edgeCase(_ c: StructLLMCase) {
        for (prediction, gold) in [(c.prediction, c.gold), (c.gold, c.prediction)] {
            let r = StructLLMReward().score(prediction: prediction, gold: gold)
            #expect(r.distance == c.ged)
            #expect(abs(r.reward - c.reward) < 1e-12)
        }
    }

    @Test("builds STRuCT-LLM's graph: variables as ids, single labels, directed and undirected edges")
    func graphConstruction() {
        let g = StructLLMGraph.build("MATCH (P:PERSON)-[:ACTED_IN]->(M:MOVIE), (M)-[R:IN_GENRE]-(G) RETURN P")
        #expect(g.nodes == ["PERSON", "MOVIE", ""])
        #expect(g.edges == [.init(0, 1, "ACTED_IN"), .init(1, 2, "IN_GENRE"), .init(2, 1, "IN_GENRE")])
        let u = StructLLMGraph.build("MATCH (A)-[:KNOWS]-(B) RETURN A")
        #expect(u.nodes == ["", ""])
        #expect(u.edges == [.init(0, 1, "KNOWS"), .init(1, 0, "KNOWS")])
    }

    @Test("takes the last cypher block of a completion, lower-cased")
    func extraction() {
        let text = "first ```cypher\nMATCH (n) RETURN n\n``` then ```cypher\nMATCH (M:Movie) RETURN M\n```"
        #expect(StructLLMReward.extractQuery(fromCompletion: text) == "match (m:movie) return m")
        #expect(StructLLMReward.extractQuery(fromCompletion: "no block") == "")
    }
}
