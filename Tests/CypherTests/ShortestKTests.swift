import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// `SHORTEST k`, `SHORTEST k GROUPS` and `ANY`, on the rail network of the Cypher manual's "Shortest
/// paths" page, with the results the manual lists.
@Suite("SHORTEST k and GROUPS")
struct ShortestKTests {
    static func stations() throws -> GraphStore {
        let graph = GraphStore()
        _ = try CypherEngine.execute("""
            CREATE (asc:Station {name: 'Ashchurch'}), (bmv:Station {name: 'Bromsgrove'}),
              (cnm:Station {name: 'Cheltenham Spa'}), (dtw:Station {name: 'Droitwich Spa'}),
              (hby:Station {name: 'Hartlebury'}), (psh:Station {name: 'Pershore'}),
              (wop:Station {name: 'Worcestershire Parkway'}), (wof:Station {name: 'Worcester Foregate Street'}),
              (wos:Station {name: 'Worcester Shrub Hill'})
            CREATE (asc)-[:LINK {distance: 7.25}]->(cnm), (asc)-[:LINK {distance: 11.29}]->(wop),
              (asc)-[:LINK {distance: 14.75}]->(wos), (bmv)-[:LINK {distance: 31.14}]->(cnm),
              (bmv)-[:LINK {distance: 6.16}]->(dtw), (bmv)-[:LINK {distance: 12.6}]->(wop),
              (dtw)-[:LINK {distance: 5.64}]->(hby), (dtw)-[:LINK {distance: 6.03}]->(wof),
              (dtw)-[:LINK {distance: 5.76}]->(wos), (psh)-[:LINK {distance: 4.16}]->(wop),
              (wop)-[:LINK {distance: 3.71}]->(wos), (wof)-[:LINK {distance: 0.65}]->(wos)
            """, on: graph)
        return graph
    }

    static let ends = "WHERE wos.name = 'Worcester Shrub Hill' AND bmv.name = 'Bromsgrove' "

    func rows(_ query: String) throws -> [[Value]] {
        try CypherEngine.execute(query, on: Self.stations()).rows
    }

    @Test("SHORTEST 2 returns both paths tied for shortest; SHORTEST 5 adds the three second shortest")
    func shortestK() throws {
        let two = try rows("MATCH p = SHORTEST 2 (wos:Station)-[:LINK]-+(bmv:Station) " + Self.ends
                           + "RETURN [n IN nodes(p) | n.name] AS stops ORDER BY stops")
        #expect(two == [
            [["Worcester Shrub Hill", "Droitwich Spa", "Bromsgrove"]],
            [["Worcester Shrub Hill", "Worcestershire Parkway", "Bromsgrove"]],
        ])
        let five = try rows("MATCH p = SHORTEST 5 (wos:Station)-[:LINK]-+(bmv:Station) " + Self.ends
                            + "RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS stops ORDER BY hops, stops")
        #expect(five.map { $0[0] } == [2, 2, 3, 3, 3])
        #expect(five.map { $0[1] }.contains(["Worcester Shrub Hill", "Worcester Foregate Street", "Droitwich Spa", "Bromsgrove"]))
        // SHORTEST 3 keeps one of the three tied second shortest paths.
        let three = try rows("MATCH p = SHORTEST 3 PATHS (wos:Station)-[:LINK]-+(bmv:Station) " + Self.ends + "RETURN length(p)")
        #expect(three.map { $0[0] }.sorted { $0.orderCompare($1) == .less } == [2, 2, 3])
    }

    @Test("SHORTEST k GROUPS returns every path of the k shortest lengths; more groups than exist returns what exists")
    func groups() throws {
        let two = try rows("MATCH p = SHORTEST 2 GROUPS (wos:Station)-[:LINK]-+(bmv:Station) " + Self.ends
                           + "RETURN length(p) AS hops, count(*) ORDER BY hops")
        #expect(two == [[2, 2], [3, 3]])
        let eight = try rows("MATCH p = SHORTEST 8 GROUPS (wos:Station)-[:LINK]-+(bmv:Station) " + Self.ends
                             + "RETURN length(p) AS pathLength, count(*) AS numPaths ORDER BY pathLength")
        #expect(eight == [[2, 2], [3, 3], [4, 1], [5, 4], [6, 8], [7, 10], [8, 6]])
    }

    @Test("each pair of start and end nodes is its own partition")
    func partitions() throws {
        let result = try rows("""
            UNWIND ['Droitwich Spa', 'Hartlebury'] AS a
            UNWIND ['Ashchurch', 'Cheltenham Spa'] AS b
            MATCH SHORTEST 2 GROUPS (o:Station {name: a})-[l]-+(d:Station {name: b})
            RETURN o.name AS start, d.name AS end, size(l) AS pathLength, count(*) AS numPaths
            ORDER BY start, end, pathLength
            """)
        #expect(result == [
            ["Droitwich Spa", "Ashchurch", 2, 1], ["Droitwich Spa", "Ashchurch", 3, 4],
            ["Droitwich Spa", "Cheltenham Spa", 2, 1], ["Droitwich Spa", "Cheltenham Spa", 3, 1],
            ["Hartlebury", "Ashchurch", 3, 1], ["Hartlebury", "Ashchurch", 4, 4],
            ["Hartlebury", "Cheltenham Spa", 3, 1], ["Hartlebury", "Cheltenham Spa", 4, 1],
        ])
    }

    @Test("ANY is SHORTEST 1; a WHERE on the path filters after the selection")
    func anyAndPostFilter() throws {
        #expect(try rows("MATCH p = ANY (:Station {name: 'Pershore'})-[:LINK]-+(:Station {name: 'Bromsgrove'}) RETURN length(p)")
            == [[2]])
        let filtered = try rows("""
            MATCH p = SHORTEST 1 (:Station {name: 'Hartlebury'})--+(b:Station)
            WHERE length(p) % 2 = 0
            RETURN b.name AS destination, length(p) AS pathLength ORDER BY pathLength, destination
            """)
        #expect(filtered == [["Bromsgrove", 2], ["Worcester Foregate Street", 2], ["Worcester Shrub Hill", 2], ["Pershore", 4]])
    }

    @Test("bounds, directions and relationship properties limit the trails")
    func bounds() throws {
        let bounded = try rows("MATCH p = SHORTEST 8 GROUPS (wos:Station)-[:LINK*3..4]-(bmv:Station) " + Self.ends
                               + "RETURN length(p) AS hops, count(*) ORDER BY hops")
        #expect(bounded == [[3, 3], [4, 1]])
        // Following the arrows, Worcester Shrub Hill reaches nothing.
        #expect(try rows("MATCH p = SHORTEST 3 (wos:Station)-[:LINK]->+(bmv:Station) " + Self.ends + "RETURN p").isEmpty)
        let near = try rows("MATCH p = SHORTEST 3 (wos:Station)-[:LINK {distance: 5.76}]-+(bmv:Station) " + Self.ends + "RETURN p")
        #expect(near.isEmpty)
    }

    @Test("many paths asked for on a dense graph stop at the timeout, not by exhausting memory or the stack")
    func boundedWork() throws {
        let graph = GraphStore()
        _ = try CypherEngine.execute("UNWIND range(1, 14) AS i CREATE (:K {i: i})", on: graph)
        _ = try CypherEngine.execute("MATCH (a:K), (b:K) WHERE a.i < b.i CREATE (a)-[:E]->(b)", on: graph)
        let options = ExecutionOptions(timeout: .milliseconds(300))
        let error = try #require(throws: QueryError.self) {
            try CypherEngine.execute("MATCH p = SHORTEST 100000000 (a:K {i: 1})--+(b:K {i: 2}) RETURN count(p)",
                                     on: graph, options: options)
        }
        #expect(error.code == "Timeout" || error.code == "MemoryLimit", "\(error)")
    }

    @Test("a selector's count is at least 1", arguments: ["SHORTEST 0", "ANY 0"])
    func zeroCount(_ selector: String) throws {
        let error = try #require(throws: QueryError.self) { try CypherParser.parse("MATCH p = \(selector) (a)-->+(b) RETURN p") }
        #expect(error.category == .syntaxError && error.location?.column == 11 + selector.count - 1)
    }
}
