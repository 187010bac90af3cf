import Foundation
import PropertyGraph
import QuiverCore
import Synchronization
import Testing
@testable import Cypher

/// Runs `count` threads, each calling `body(index)`, and waits for all of them.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.stackSize = 16 << 20
        thread.start()
    }
    group.wait()
}

/// Problems seen on worker threads, checked by the test afterwards.
final class Problems: Sendable {
    private let list = Mutex<[String]>([])
    func add(_ problem: String) { list.withLock { $0.append(problem) } }
    var all: [String] { list.withLock { $0 } }
}

/// Readers on snapshots beside one writer: every read sees the graph wholly before or wholly after
/// each write, and nothing breaks (run these under ThreadSanitizer with scripts/tsan.sh).
@Suite("Concurrent reads beside a writer")
struct ConcurrentReadTests {
    static let accounts = 100
    static let opening = 1_000

    static func bank() throws -> GraphDatabase {
        let graph = GraphStore()
        _ = try CypherEngine.execute("UNWIND range(0, \(accounts - 1)) AS i CREATE (:Account {id: i, balance: \(opening)})",
                                     on: graph)
        return GraphDatabase(graph)
    }

    @Test("bank transfer: every concurrent read of the total sees the same sum")
    func bankTransfer() throws {
        let database = try Self.bank()
        let transfer = try CypherEngine.prepare("""
            MATCH (a:Account {id: $from}), (b:Account {id: $to})
            SET a.balance = a.balance - $amount, b.balance = b.balance + $amount
            """)
        let total = try CypherEngine.prepare("MATCH (a:Account) RETURN sum(a.balance) AS total, count(a) AS n")
        let problems = Problems()
        let reads = Atomic(0)
        let writing = Atomic(true)
        let expected: [[Value]] = [[.int(Int64(Self.accounts * Self.opening)), .int(Int64(Self.accounts))]]
        onThreads(9) { index in
            if index == 0 {
                var generator = SeededGenerator(seed: 7)
                for step in 0..<2_000 {
                    let from = Int64.random(in: 0..<Int64(Self.accounts), using: &generator)
                    let to = (from + Int64.random(in: 1..<Int64(Self.accounts), using: &generator)) % Int64(Self.accounts)
                    let amount = Int64.random(in: 1...50, using: &generator)
                    do {
                        _ = try CypherEngine.execute(transfer, parameters: ["from": .int(from), "to": .int(to), "amount": .int(amount)],
                                                     on: database)
                        if step % 10 == 0 {
                            // A transfer that fails half-way is rolled back: readers never see its first half.
                            _ = try? database.write { graph in
                                let ids = graph.nodeIDs(label: graph.labelID("Account"))
                                try graph.setNodeProperty(ids[0], "balance", .int(-1_000_000))
                                throw GraphStoreError.transactionState("abandoned transfer")
                            }
                        }
                    } catch {
                        problems.add("transfer \(step): \(error)")
                    }
                }
                writing.store(false, ordering: .releasing)
            } else {
                repeat {
                    do {
                        let result = try CypherEngine.execute(total, on: database.snapshot())
                        if result.rows != expected { problems.add("read saw \(result.rows)") }
                        reads.add(1, ordering: .relaxed)
                    } catch {
                        problems.add("read failed: \(error)")
                    }
                } while writing.load(ordering: .acquiring) || reads.load(ordering: .relaxed) < 2_000
            }
        }
        #expect(problems.all.isEmpty, "\(problems.all.prefix(5))")
        #expect(reads.load(ordering: .relaxed) >= 2_000)
        let final = try CypherEngine.execute(total, on: database.snapshot())
        #expect(final.rows == expected)
    }

    @Test("8 readers and a writer over 10,000 queries: reads match a serial run of the same snapshot")
    func readersAndWriter() throws {
        let graph = GraphStore()
        _ = try CypherEngine.execute("""
            UNWIND range(1, 300) AS i
            CREATE (p:Person {id: i, age: i % 60, name: 'p' + toString(i)})
            """, on: graph)
        _ = try CypherEngine.execute("""
            MATCH (a:Person), (b:Person) WHERE b.id = (a.id * 7) % 300 + 1 AND a <> b CREATE (a)-[:KNOWS]->(b)
            """, on: graph)
        let database = GraphDatabase(graph)
        let queries = [
            "MATCH (p:Person) WHERE p.age > 30 RETURN count(p) AS n",
            "MATCH (a:Person {id: 17})-[:KNOWS]->(b) RETURN b.id AS id",
            "MATCH (a:Person)-[:KNOWS*1..3]->(b) WHERE a.id < 5 RETURN count(DISTINCT b) AS n",
            "MATCH (p:Person) RETURN p.age AS age, count(*) AS n ORDER BY n DESC, age LIMIT 3",
            "MATCH (p:Person) WHERE p.name STARTS WITH 'p1' RETURN count(*) AS n",
            "MATCH (n) RETURN count(n) AS nodes",
        ].map { text in Result { try CypherEngine.prepare(text) } }
        let prepared = try queries.map { try $0.get() }
        let marker = try CypherEngine.prepare("CREATE (:Marker {at: $i})")
        let markers = try CypherEngine.prepare("MATCH (m:Marker) RETURN count(m) AS n, max(m.at) AS last")
        let problems = Problems()
        let done = Atomic(0)
        onThreads(9) { index in
            if index == 0 {
                for i in 0..<500 {
                    do {
                        _ = try CypherEngine.execute(marker, parameters: ["i": .int(Int64(i))], on: database)
                    } catch {
                        problems.add("write \(i): \(error)")
                    }
                }
                return
            }
            for step in 0..<1_187 {
                let snapshot = database.snapshot()
                let query = prepared[(step + index) % prepared.count]
                do {
                    let first = try CypherEngine.execute(query, on: snapshot)
                    let again = try CypherEngine.execute(query, on: snapshot)
                    if first != again { problems.add("snapshot changed under a reader: \(first.rows) vs \(again.rows)") }
                    // Markers are created one per write: a reader sees a prefix 0..<n of them, whole.
                    let seen = try CypherEngine.execute(markers, on: snapshot).rows[0]
                    if case .int(let n) = seen[0], n > 0, seen[1] != .int(n - 1) { problems.add("torn marker state \(seen)") }
                } catch {
                    problems.add("read \(step): \(error)")
                }
                done.add(1, ordering: .relaxed)
            }
        }
        #expect(problems.all.isEmpty, "\(problems.all.prefix(5))")
        #expect(done.load(ordering: .relaxed) == 8 * 1_187)
        let final = try CypherEngine.execute(markers, on: database.snapshot())
        #expect(final.rows == [[500, 499]])
    }

    @Test("a snapshot is unchanged by later writes, and cheap to take again when nothing changed")
    func snapshotIsolation() throws {
        let graph = try sampleGraph()
        let before = graph.snapshot()
        #expect(graph.snapshot() === before)
        _ = try CypherEngine.execute("CREATE (:Person {name: 'Eve'})", on: graph)
        let after = graph.snapshot()
        #expect(after !== before)
        let count = try CypherEngine.prepare("MATCH (p:Person) RETURN count(p) AS n")
        #expect(try CypherEngine.execute(count, on: before).rows == [[4]])
        #expect(try CypherEngine.execute(count, on: after).rows == [[5]])
    }

    @Test("a snapshot refuses writes")
    func snapshotIsReadOnly() throws {
        let snapshot = try sampleGraph().snapshot()
        let error = #expect(throws: QueryError.self) {
            try CypherEngine.execute(try CypherEngine.prepare("CREATE (:X)"), on: snapshot)
        }
        #expect(error?.code == "WriteInReadOnlyQuery")
    }
}

/// A small deterministic generator (SplitMix64) for seeded tests.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
