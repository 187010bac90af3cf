import SQL
import Testing
@testable import QueryGraph

/// Similarity stays in [0, 1] for query graphs of both languages, random ones and empty ones; and
/// randomly written SQL keeps distance 0 under the rewrites the construction promises to ignore.
@Suite("Query graph similarity and random rewrites")
struct QueryGraphSimilarityTests {
    static let quick = GraphEditDistance(budget: SearchBudget(maxExpansions: 2_000))

    static func expectInRange(_ g1: QueryGraph, _ g2: QueryGraph, _ ged: GraphEditDistance = quick) {
        let r = ged.compute(g1, g2)
        let s = GraphEditDistance.similarity(distance: r.distance, g1, g2, costs: ged.costs)
        #expect(s >= 0 && s <= 1, "similarity \(s) for distance \(r.distance)")
        #expect((s == 1) == (r.distance == 0))
    }

    @Test("every pair of Cypher and of SQL test queries, and the empty graph, has a similarity in [0, 1]")
    func everyPairOfTestQueries() throws {
        let cypher = try (CypherEquivalenceTests.equivalent + CypherEquivalenceTests.different)
            .flatMap { [$0.1, $0.2] }.map { try CypherQueryGraph.build(cypher: $0) }
        let sql = try (SQLQueryGraphTests.equivalent + SQLQueryGraphTests.different)
            .flatMap { [$0.1, $0.2] }.map { try SQLQueryGraph.build(sql: $0, schema: SQLQueryGraphTests.schema) }
        // Unordered pairs within each language (unit costs are symmetric), each graph against the
        // empty one, and a rotation across the two languages with the search.
        for graphs in [cypher + [.empty], sql + [.empty]] {
            for i in graphs.indices {
                for j in i..<graphs.count {
                    let d = Self.quick.approximate(graphs[i], graphs[j])
                    let s = GraphEditDistance.similarity(distance: d, graphs[i], graphs[j])
                    #expect(s >= 0 && s <= 1)
                }
            }
        }
        let all = cypher + sql
        for (g1, g2) in zip(all, all.dropFirst(7) + all.prefix(7)) {
            Self.expectInRange(g1, g2, GraphEditDistance(budget: SearchBudget(maxExpansions: 100)))
        }
    }

    @Test("empty graphs: similarity 1 with each other, 0 with any non-empty graph")
    func emptyGraphs() throws {
        let g = try SQLQueryGraph.build(sql: "SELECT name FROM singer")
        #expect(Self.quick.similarity(.empty, .empty) == 1)
        #expect(Self.quick.similarity(.empty, g) == 0)
        #expect(Self.quick.similarity(g, .empty) == 0)
        #expect(Self.quick.compute(.empty, g).distance == Double(g.size))
    }

    @Test("random graph pairs have a similarity in [0, 1], with any prices", arguments: 0..<3)
    func randomPairs(seed: UInt64) {
        var rng = SplitMix(seed: 100 + seed)
        let prices = [EditCosts.unit, EditCosts(nodeRelabel: 0.5, edgeRelabel: 3), EditCosts(nodeInsertion: 2, edgeDeletion: 0.25)]
        for _ in 0..<40 {
            let g1 = RandomGraphs.graph(&rng, maxNodes: 9), g2 = RandomGraphs.graph(&rng, maxNodes: 9)
            for costs in prices { Self.expectInRange(g1, g2, GraphEditDistance(costs: costs, budget: SearchBudget(maxExpansions: 2_000))) }
        }
    }

    @Test("random SQL queries and their rewrites: distance 0, and similarity in [0, 1] between queries", arguments: 0..<4)
    func randomSQL(seed: UInt64) throws {
        var rng = SplitMix(seed: 7 + seed)
        var graphs: [QueryGraph] = []
        for _ in 0..<25 {
            let query = RandomQuery(&rng)
            let g = try SQLQueryGraph.build(sql: query.sql(&rng), schema: SQLQueryGraphTests.schema)
            let rewritten = try SQLQueryGraph.build(sql: query.sql(&rng), schema: SQLQueryGraphTests.schema)
            let r = Self.quick.compute(g, rewritten)
            #expect(r.distance == 0 && r.proven, "\(query)")
            graphs.append(g)
        }
        for (g1, g2) in zip(graphs, graphs.dropFirst()) { Self.expectInRange(g1, g2) }
    }
}

/// A random query over ``SQLQueryGraphTests/schema`` that can be written many equivalent ways:
/// aliases, FROM order, JOIN ... ON or comma joins with WHERE, conjunct order, comparison sides,
/// qualified or bare columns.
struct RandomQuery: CustomStringConvertible {
    /// The tables, joined in a chain by `singer_id` / `concert_id` / `stadium_id`.
    static let chain = [("singer", "singer_id"), ("singer_in_concert", "concert_id"), ("concert", "stadium_id"), ("stadium", "")]
    static let filters = [("singer", "age", "30"), ("singer", "country", "'France'"), ("concert", "year", "2014"),
                          ("stadium", "capacity", "5000"), ("singer_in_concert", "concert_id", "3")]
    static let items = [("singer", "name"), ("singer", "country"), ("concert", "concert_name"), ("stadium", "location")]

    var tables: [String]
    var filters: [(table: String, column: String, op: String, value: String)]
    var items: [(table: String, column: String)]
    var limit: Int?

    init(_ rng: inout SplitMix) {
        let start = Int.random(in: 0..<Self.chain.count, using: &rng)
        let count = Int.random(in: 1...(Self.chain.count - start), using: &rng)
        tables = Self.chain[start..<(start + count)].map(\.0)
        let present = tables
        filters = Self.filters.filter { present.contains($0.0) }.shuffled(using: &rng).prefix(Int.random(in: 0...2, using: &rng))
            .map { ($0.0, $0.1, ["=", ">", "<", "!="].randomElement(using: &rng) ?? "=", $0.2) }
        let candidates = Self.items.filter { present.contains($0.0) }
        items = candidates.isEmpty ? [(tables[0], tables[0] == "singer_in_concert" ? "singer_id" : "stadium_id")]
            : Array(candidates.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)))
        limit = Bool.random(using: &rng) ? Int.random(in: 1...5, using: &rng) : nil
    }

    var description: String { "tables \(tables), filters \(filters), items \(items), limit \(String(describing: limit))" }

    /// One of the query's spellings, chosen at random.
    func sql(_ rng: inout SplitMix) -> String {
        var alias: [String: String] = [:]
        for (k, t) in tables.enumerated() { alias[t] = ["T", "a", "x_"].randomElement(using: &rng)! + "\(k + Int.random(in: 0...9, using: &rng) * 10)" }
        let qualify = tables.count == 1 && Bool.random(using: &rng)
        func column(_ t: String, _ c: String) -> String {
            // Bare names only where the schema makes them unique.
            let unique = ["name", "country", "age", "concert_name", "year", "location", "capacity"].contains(c)
            return (unique && (qualify || Bool.random(using: &rng))) || (tables.count == 1 && !qualify) ? c : "\(alias[t]!).\(c)"
        }
        var joins: [String] = []
        for (k, t) in tables.enumerated().dropLast() {
            let key = Self.chain.first { $0.0 == t }!.1
            let (l, r) = ("\(alias[t]!).\(key)", "\(alias[tables[k + 1]]!).\(key)")
            joins.append(Bool.random(using: &rng) ? "\(l) = \(r)" : "\(r) = \(l)")
        }
        var conditions = filters.map { f -> String in
            let flipped = ["=": "=", "!=": "!=", ">": "<", "<": ">"][f.op]!
            return Bool.random(using: &rng) ? "\(column(f.table, f.column)) \(f.op) \(f.value)" : "\(f.value) \(flipped) \(column(f.table, f.column))"
        }
        let order = tables.shuffled(using: &rng)
        var from: String
        if Bool.random(using: &rng) || order.count == 1 {
            from = order.map { "\($0) AS \(alias[$0]!)" }.joined(separator: ", ")
            conditions += joins
        } else {
            // JOIN ... ON needs each ON to see both its tables, so join in chain order from one end.
            let chain = Bool.random(using: &rng) ? tables : tables.reversed()
            from = "\(chain[0]) AS \(alias[chain[0]]!)"
            for k in 1..<chain.count {
                let key = Self.chain.first { $0.0 == (chain == tables ? chain[k - 1] : chain[k]) }!.1
                from += " JOIN \(chain[k]) AS \(alias[chain[k]]!) ON \(alias[chain[k - 1]]!).\(key) = \(alias[chain[k]]!).\(key)"
            }
        }
        var text = "SELECT " + items.shuffled(using: &rng).map { column($0.table, $0.column) }.joined(separator: ", ") + " FROM " + from
        conditions.shuffle(using: &rng)
        if !conditions.isEmpty { text += " WHERE " + conditions.joined(separator: " AND ") }
        if let limit { text += " LIMIT \(limit)" }
        return text
    }
}
