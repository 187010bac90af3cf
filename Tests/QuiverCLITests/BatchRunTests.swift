import Cypher
import Foundation
import PropertyGraph
import QuiverCore
import Synchronization
import Testing

@testable import QuiverCLI

/// `quiver cypher --queries FILE --jobs N`: records in file order, the same for every N; writes
/// applied in file order and seen by the reads after them; a failing line never stops the run.
@Suite("Batch queries")
struct BatchRunTests {
    /// The JSONL a batch prints, as one string.
    static func output(_ text: String, jobs: Int) -> (String, BatchRun.Summary) {
        let lines = Mutex<[String]>([])
        let run = BatchRun(file: QueryFile(text: text), database: GraphDatabase(GraphStore()), schema: SchemaCatalog(),
                           parameters: [:], options: ExecutionOptions(timeout: .seconds(30)), jobs: jobs)
        let summary = run.run { line in lines.withLock { $0.append(line) } }
        return (lines.withLock { $0.joined(separator: "\n") }, summary)
    }

    static let mixed: String = {
        var lines = ["UNWIND range(1, 200) AS i CREATE (:N {i: i, g: i % 7})"]
        for i in 0..<300 {
            switch i % 10 {
            case 0: lines.append("CREATE (:M {at: \(i)})")
            case 1: lines.append("MATCH (m:M) RETURN count(m) AS markers, max(m.at) AS last")
            case 2: lines.append("RETURN 1 +")   // a syntax error in the middle of the file
            case 3: lines.append("MATCH (n:N) WHERE n.g = \(i % 7) RETURN n.i ORDER BY n.i LIMIT 5")
            case 4: lines.append("UNWIND range(1, 10) AS x RETURN x / (x - 5)")   // a runtime error
            default: lines.append("MATCH (n:N) RETURN n.g AS g, count(*) AS c ORDER BY g")
            }
        }
        return lines.joined(separator: "\n")
    }()

    @Test("--jobs 8 prints exactly what --jobs 1 prints", arguments: [2, 8])
    func jobsDoNotChangeTheOutput(jobs: Int) {
        let (serial, serialSummary) = Self.output(Self.mixed, jobs: 1)
        let (parallel, parallelSummary) = Self.output(Self.mixed, jobs: jobs)
        #expect(serial == parallel)
        #expect(serialSummary.queries == 301 && parallelSummary.queries == 301)
        #expect(serialSummary.failed == 60 && parallelSummary.failed == 60)
        #expect(serialSummary.writes == 31)
    }

    @Test("reads see exactly the writes above them")
    func readsSeeTheWritesAbove() throws {
        let (text, _) = Self.output(Self.mixed, jobs: 4)
        let records = text.split(separator: "\n")
        // Line 3 reads after one marker (line 2), line 13 after two, …
        #expect(records[2].contains(#""rows":[[1,0]]"#))
        #expect(records[12].contains(#""rows":[[2,10]]"#))
        #expect(records[3].contains(#""error":{"category":"SyntaxError""#))
        #expect(records[3].contains(#""id":4"#))
    }

    @Test("JSONL lines carry their id and parameters; unreadable lines are errors in place")
    func jsonLines() {
        let text = """
            {"id": "a", "query": "RETURN $x * 2 AS y", "params": {"x": 21}}
            {"id": 7, "query": "RETURN 'ok' AS s"}
            this is not JSON
            {"id": "b"}
            """
        let (output, summary) = Self.output(text, jobs: 2)
        let records = output.split(separator: "\n").map(String.init)
        #expect(records == [
            #"{"id":"a","columns":["y"],"rows":[[42]],"error":null}"#,
            #"{"id":7,"columns":["s"],"rows":[["ok"]],"error":null}"#,
            records[2], records[3],
        ])
        #expect(records[2].hasPrefix(#"{"id":3,"columns":null,"rows":null,"error":{"category":"ArgumentError","code":"InvalidQueryLine""#))
        #expect(records[3].hasPrefix(#"{"id":"b","columns":null,"rows":null,"error":"#))
        #expect(summary.failed == 2)
    }
}
