// Start-point and join-order choice: each case is one question written two ways — with its
// selective part last (the planner must choose to start there) and hand-ordered with it first
// (the peer). Prints JSON {"cases": {name: {"written_last_s", "written_first_s", "ratio", "rows"}}}:
// a ratio near 1 means the planner found the order a careful writer would give it. Run it on the
// graph bench's CSVs (`python3 shared/bench/graph/peers.py csv large DIR`).
import Cypher
import Foundation
import PropertyGraph
import QuiverCore

let cases: [(name: String, last: String, first: String)] = [
    ("selective_end_last",
     "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE b.id = 42 RETURN a.id",
     "MATCH (b:Person)<-[:KNOWS]-(a:Person) WHERE b.id = 42 RETURN a.id"),
    ("two_hop_selective_end_last",
     "MATCH (a:Person)-[:KNOWS]->(m:Person)-[:KNOWS]->(c:Person) WHERE c.id = 7 RETURN count(*)",
     "MATCH (c:Person)<-[:KNOWS]-(m:Person)<-[:KNOWS]-(a:Person) WHERE c.id = 7 RETURN count(*)"),
    ("selective_part_last",
     "MATCH (a:Person)-[:KNOWS]->(x:Person), (b:Person {id: 42})-[:KNOWS]->(x) RETURN count(*)",
     "MATCH (b:Person {id: 42})-[:KNOWS]->(x:Person), (a:Person)-[:KNOWS]->(x) RETURN count(*)"),
    ("cartesian_selective_part_last",
     "MATCH (b:Person), (a:Person {id: 3}) WHERE b.age > a.age + 30 RETURN count(*)",
     "MATCH (a:Person {id: 3}), (b:Person) WHERE b.age > a.age + 30 RETURN count(*)"),
]

func argument(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let index = args.firstIndex(of: name), index + 1 < args.count else { return nil }
    return args[index + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("JoinOrderBenchmark: \(message)\n".utf8))
    exit(2)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

guard let nodesPath = argument("--nodes"), let relationshipsPath = argument("--relationships") else {
    fail("usage: JoinOrderBenchmark --nodes person.csv --relationships knows.csv [--reps 5]")
}
let reps = max(1, Int(argument("--reps") ?? "5") ?? 5)
let graph = GraphStore()
do {
    try graph.importCSV(nodes: [CSVImportFile(path: nodesPath)], relationships: [CSVImportFile(path: relationshipsPath)])
} catch {
    fail("load failed: \(error)")
}

/// The median time of `reps` runs of `query` (after one warm-up run) and the rows, sorted.
func measure(_ query: String, on graph: GraphStore, reps: Int) throws -> (Double, [[Value]]) {
    let clock = ContinuousClock()
    let first = try CypherEngine.execute(query, on: graph, readOnly: true)
    var times: [Double] = []
    for _ in 0..<reps {
        let start = clock.now
        _ = try CypherEngine.execute(query, on: graph, readOnly: true)
        times.append(seconds(clock.now - start))
    }
    times.sort()
    let rows = first.rows.sorted { $0.description < $1.description }
    return (times[times.count / 2], rows)
}

var results: [String: Any] = [:]
for item in cases {
    do {
        // Alternate the two writings so drift in the machine's speed hits both.
        let (last, lastRows) = try measure(item.last, on: graph, reps: reps)
        let (first, firstRows) = try measure(item.first, on: graph, reps: reps)
        guard lastRows == firstRows else { fail("\(item.name): the two writings return different rows") }
        results[item.name] = ["written_last_s": last, "written_first_s": first, "ratio": last / first, "rows": lastRows.count]
    } catch {
        fail("\(item.name) failed: \(error)")
    }
}
do {
    let data = try JSONSerialization.data(withJSONObject: ["cases": results], options: [.sortedKeys, .prettyPrinted])
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
} catch {
    fail("cannot encode the report: \(error)")
}
