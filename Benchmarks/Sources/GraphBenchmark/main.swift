// The graph benchmark's Quiver side: bulk-loads the shared workload's CSVs, runs its seven
// queries, and prints JSON {"load_s", "queries": {name: {"median_s", "rows"}}} for
// scripts/bench-graph.sh, which compares it with Kùzu measured in the same run.
import Cypher
import Foundation
import PropertyGraph
import QuiverCore

let queries: [(String, String)] = [
    ("q1_scan_filter", "MATCH (p:Person) WHERE p.age > 70 RETURN p.id, p.name"),
    ("q2_one_hop", "MATCH (a:Person)-[k:KNOWS]->(b:Person) WHERE a.id = 42 RETURN b.id, k.since"),
    ("q3_two_hop_count", "MATCH (a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(c:Person) WHERE a.age < 25 RETURN count(*)"),
    ("q4_varlen_distinct", "MATCH (a:Person)-[:KNOWS*1..3]->(b:Person) WHERE a.id < 100 RETURN count(DISTINCT b)"),
    ("q4b_varlen_paths", "MATCH (a:Person)-[:KNOWS*1..3]->(b:Person) WHERE a.id < 100 RETURN count(*)"),
    ("q5_order_limit", "MATCH (p:Person) RETURN p.id, p.age ORDER BY p.age DESC, p.id ASC LIMIT 10"),
    ("q6_top_degree", "MATCH (p:Person)-[:KNOWS]->(q:Person) RETURN p.id, count(q) AS deg ORDER BY deg DESC, p.id ASC LIMIT 10"),
]

func argument(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let index = args.firstIndex(of: name), index + 1 < args.count else { return nil }
    return args[index + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("GraphBenchmark: \(message)\n".utf8))
    exit(2)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Plain JSON for result cells: the workload's answers are integers and strings only.
func json(_ value: Value) -> Any {
    switch value {
    case .int(let i): return i
    case .float(let f): return f
    case .string(let s): return s
    case .bool(let b): return b
    default: return NSNull()
    }
}

guard let nodesPath = argument("--nodes"), let relationshipsPath = argument("--relationships") else {
    fail("usage: GraphBenchmark --nodes person.csv --relationships knows.csv [--reps 5]")
}
let reps = Int(argument("--reps") ?? "5") ?? 5
let clock = ContinuousClock()
let graph = GraphStore()
let loadStart = clock.now
do {
    try graph.importCSV(nodes: [CSVImportFile(path: nodesPath)], relationships: [CSVImportFile(path: relationshipsPath)])
} catch {
    fail("load failed: \(error)")
}
let loadSeconds = seconds(clock.now - loadStart)

var report: [String: Any] = ["engine": "quiver", "load_s": loadSeconds]
var results: [String: Any] = [:]
// `--only q6_top_degree` runs one query (for profiling).
let only = argument("--only")
for (name, query) in queries where only == nil || only == name {
    do {
        // The first run warms caches (and lets the engine build its lazy index), as peers.py does.
        let first = try CypherEngine.execute(query, on: graph, readOnly: true)
        var times: [Double] = []
        for _ in 0..<max(1, reps) {
            let start = clock.now
            _ = try CypherEngine.execute(query, on: graph, readOnly: true)
            times.append(seconds(clock.now - start))
        }
        times.sort()
        results[name] = ["median_s": times[times.count / 2], "rows": first.rows.map { $0.map(json) }]
    } catch {
        fail("\(name) failed: \(error)")
    }
}
report["queries"] = results
do {
    let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
} catch {
    fail("cannot encode the report: \(error)")
}
