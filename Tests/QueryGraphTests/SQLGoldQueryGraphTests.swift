import Foundation
import QuiverCore
import SQL
import Testing
@testable import QueryGraph

/// Every Spider dev and BIRD dev gold query gets a graph, the same one from its printed-back text,
/// at distance 0 from itself.
@Suite("SQL query graphs over the gold queries", .enabled(if: DataLocation.root() != nil, "skipped: QUIVER_DATA not found"))
struct SQLGoldQueryGraphTests {
    struct GoldSet: Sendable, CustomStringConvertible {
        var name: String
        var queries: String
        var tables: String
        var description: String { name }
    }

    static let sets = [
        GoldSet(name: "spider", queries: "spider/dev_gold.sql", tables: "spider/tables.json"),
        GoldSet(name: "bird", queries: "bird/dev/dev_gold.sql", tables: "bird/dev/dev_tables.json"),
    ]

    /// `(sql, db_id)` per line of a `dev_gold.sql` file.
    static func gold(_ path: String) throws -> [(sql: String, database: String)] {
        let url = try #require(DataLocation.item(path), "missing \(path) under QUIVER_DATA")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let fields = line.components(separatedBy: "\t")
            guard let sql = fields.first, !sql.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return (sql, fields.last ?? "")
        }
    }

    @Test("every gold query builds a graph equal to its printed form's", arguments: sets)
    func goldGraphs(_ set: GoldSet) throws {
        let schemas = try SpiderTables.load(from: try #require(DataLocation.item(set.tables)))
        let queries = try Self.gold(set.queries)
        #expect(queries.count > 1000)
        // The exact search always runs from the Riesen–Bunke path; within this budget a graph and
        // its renumbered copy are proven at distance 0 on every sampled query (see below).
        let ged = GraphEditDistance(budget: SearchBudget(maxExpansions: 200_000))
        var failures: [String] = []
        var sizes: [Int] = []
        var rng = SplitMix(seed: 4)
        for (k, query) in queries.enumerated() {
            let schema = schemas[query.database]
            if schema == nil { failures.append("no schema \(query.database) for: \(query.sql)") }
            let statement = try SQLParser.parse(query.sql)
            let graph = try SQLQueryGraph.build(statement, schema: schema)
            let printed = try SQLQueryGraph.build(sql: SQLPrinter().print(statement), schema: schema)
            sizes.append(graph.nodes.count)
            if let problem = graph.validationProblem() { failures.append("\(problem): \(query.sql)") }
            if graph.nodes.isEmpty { failures.append("empty graph: \(query.sql)") }
            if graph != printed { failures.append("printed form differs: \(query.sql)") }
            // Against itself and the printed form: the identity is an edit path of cost 0.
            if ged.compute(graph, printed).distance != 0 { failures.append("distance to printed form > 0: \(query.sql)") }
            // Every 25th query also against a renumbered copy, so the search (not the identity) proves 0.
            if k % 25 == 0 {
                let permutation = Array(0..<graph.nodes.count).shuffled(using: &rng)
                let copy = RandomGraphs.renumbered(graph, permutation)
                let r = ged.compute(graph, copy)
                if r.distance != 0 || !r.proven { failures.append("renumbered copy at \(r.distance), proven \(r.proven): \(query.sql)") }
            }
        }
        print("\(set.name): \(queries.count) graphs, nodes median \(sizes.sorted()[sizes.count / 2]), max \(sizes.max() ?? 0)")
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(5).joined(separator: "\n"))")
    }
}

extension SQLGoldQueryGraphTests {
    /// Qualifiers go through aliases and bare names through the schema, so a read of a table's
    /// column must name a column that table has.
    @Test("with the schema, every column read is tied to a source, and a table's to one of its columns", arguments: sets)
    func columnsResolveToTheirTables(_ set: GoldSet) throws {
        let schemas = try SpiderTables.load(from: try #require(DataLocation.item(set.tables)))
        var reads = 0
        var wrong: [String] = []
        for query in try Self.gold(set.queries) {
            let schema = try #require(schemas[query.database])
            let g = try SQLQueryGraph.build(sql: query.sql, schema: schema)
            for e in g.edges where e.label == "of" && g.nodes[e.source].hasPrefix(".") && g.nodes[e.target].hasPrefix("table ") {
                reads += 1
                let table = schema.table(named: String(g.nodes[e.target].dropFirst("table ".count)))
                let column = String(g.nodes[e.source].dropFirst())
                if table?.hasColumn(column) != true { wrong.append("\(g.nodes[e.target]) has no \(column): \(query.sql)") }
            }
            let tied = Set(g.edges.filter { $0.label == "of" }.map(\.source))
            for node in g.nodes.indices where g.nodes[node].hasPrefix(".") && !tied.contains(node) {
                wrong.append("\(g.nodes[node]) is tied to no source: \(query.sql)")
            }
        }
        #expect(reads > 1000)
        #expect(wrong.isEmpty, "\(wrong.count) of \(reads) column reads:\n\(wrong.prefix(5).joined(separator: "\n"))")
    }
}

extension SQLGoldQueryGraphTests {
    /// Model output is messier than gold (unknown columns, odd aliases); the builder must still
    /// give a graph for everything the parser accepts, paired line by line with the gold's schema.
    @Test("every parseable prediction builds a graph equal to its printed form's", arguments: [
        ("spider/predictions/c3sql_chatgpt.sql", sets[0]), ("bird/predictions/dailsql_gpt4_bird.sql", sets[1]),
    ])
    func predictionGraphs(_ path: String, _ set: GoldSet) throws {
        let schemas = try SpiderTables.load(from: try #require(DataLocation.item(set.tables)))
        let gold = try Self.gold(set.queries)
        let url = try #require(DataLocation.item(path))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var built = 0
        var failures: [String] = []
        for (line, query) in zip(lines, gold) {
            let sql = String(line.split(separator: "\t", maxSplits: 1).first ?? "")
            guard let statement = try? SQLParser.parse(sql) else { continue }
            let schema = schemas[query.database]
            let graph = try SQLQueryGraph.build(statement, schema: schema)
            let printed = try SQLQueryGraph.build(sql: SQLPrinter().print(statement), schema: schema)
            if graph.validationProblem() != nil || graph.nodes.isEmpty || graph != printed { failures.append(sql) }
            built += 1
        }
        #expect(built > gold.count / 2)
        #expect(failures.isEmpty, "\(failures.count) of \(built):\n\(failures.prefix(5).joined(separator: "\n"))")
    }
}

extension SQLGoldQueryGraphTests {
    /// The construction only identifies rewrites that keep the result: a Spider prediction that the
    /// test-suite execution check rejects must be at a positive distance from its gold.
    @Test("a prediction whose execution differs from the gold's is never at distance 0", arguments: ["c3sql_chatgpt", "graphix_t5"])
    func executionFailuresKeepADistance(_ model: String) throws {
        let schemas = try SpiderTables.load(from: try #require(DataLocation.item("spider/tables.json")))
        let gold = try Self.gold("spider/dev_gold.sql")
        let predictions = try String(contentsOf: try #require(DataLocation.item("spider/predictions/\(model).sql")), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let verdicts = try String(contentsOf: try #require(DataLocation.item("spider/predictions/\(model).verdicts.jsonl")), encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        // The root lower bound (one expansion) settles almost every pair; the rest get a real search.
        let bound = GraphEditDistance(budget: SearchBudget(maxExpansions: 1))
        let ged = GraphEditDistance(budget: SearchBudget(maxExpansions: 50_000))
        var failing = 0, atZero: [String] = []
        for (k, query) in gold.enumerated() where k < verdicts.count && verdicts[k]["exec_testsuite"] as? Int == 0 {
            guard k < predictions.count, let statement = try? SQLParser.parse(String(predictions[k])) else { continue }
            let schema = schemas[query.database]
            let g1 = try SQLQueryGraph.build(sql: query.sql, schema: schema), g2 = try SQLQueryGraph.build(statement, schema: schema)
            var r = bound.compute(g1, g2)
            if r.lowerBound == 0 { r = ged.compute(g1, g2) }
            failing += 1
            if r.lowerBound == 0 { atZero.append("\(query.sql)\n  vs \(predictions[k])") }
        }
        #expect(failing > 100)
        #expect(atZero.isEmpty, "\(atZero.count) of \(failing) at distance 0:\n\(atZero.prefix(3).joined(separator: "\n"))")
    }
}
