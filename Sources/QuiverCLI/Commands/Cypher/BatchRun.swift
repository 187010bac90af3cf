import Cypher
import Dispatch
import Foundation
import PropertyGraph
import QuiverCore

/// `quiver cypher --queries FILE --jobs N`: every query of a file on one graph, reads on `jobs`
/// threads at once, writes one at a time in file order, one JSONL record per query printed in
/// file order.
///
/// A read runs on the snapshot taken when the run reached its line, so it sees exactly the writes
/// above it, whatever the number of jobs: the output is the same for `--jobs 1` and `--jobs 8`.
struct BatchRun {
    let file: QueryFile
    let database: GraphDatabase
    let schema: SchemaCatalog
    let parameters: [String: Value]
    let options: ExecutionOptions
    let jobs: Int

    /// What the run did, for the summary line.
    struct Summary {
        var queries = 0
        var failed = 0
        var writes = 0
    }

    /// Runs every entry and writes the records to `output` in file order.
    func run(writingTo output: @escaping @Sendable (String) -> Void) -> Summary {
        let records = OrderedRecords(window: jobs * 4, output: output)
        let pool = WorkerPool(threads: jobs)
        var summary = Summary()
        for (index, entry) in file.entries.enumerated() {
            summary.queries += 1
            records.waitForRoom(before: index)
            if let problem = entry.problem {
                summary.failed += 1
                records.deliver(index, BatchRecord.failure(id: entry.id, problem))
                continue
            }
            let parameters = entry.parameters ?? self.parameters
            if CypherEngine.certainlyReads(entry.query) {
                // Parsed on the worker: the dispatcher only keeps writes in order.
                let job = ReadJob(id: entry.id, query: entry.query, prepared: nil, parameters: parameters,
                                  snapshot: database.snapshot(), schema: schema, options: options)
                pool.submit {
                    let record = job.run()
                    if record.failed { records.countFailure() }
                    records.deliver(index, record.text)
                }
                continue
            }
            let prepared: PreparedQuery
            do {
                prepared = try CypherEngine.prepare(entry.query, parameterNames: Set(parameters.keys))
            } catch {
                summary.failed += 1
                records.deliver(index, BatchRecord.failure(id: entry.id, error))
                continue
            }
            if prepared.isRead {
                let job = ReadJob(id: entry.id, query: entry.query, prepared: prepared, parameters: parameters,
                                  snapshot: database.snapshot(), schema: schema, options: options)
                pool.submit {
                    let record = job.run()
                    if record.failed { records.countFailure() }
                    records.deliver(index, record.text)
                }
            } else {
                summary.writes += 1
                let id = entry.id
                do {
                    let result = try CypherEngine.execute(prepared, parameters: parameters, on: database, schema: schema,
                                                          options: options)
                    records.deliver(index, BatchRecord.success(id: id, result))
                } catch {
                    summary.failed += 1
                    records.deliver(index, BatchRecord.failure(id: id, error))
                }
            }
        }
        pool.finish()
        records.waitUntilDelivered(file.entries.count)
        summary.failed += records.failures
        return summary
    }
}

/// One read query with everything it needs, handed to a worker thread.
private struct ReadJob: Sendable {
    let id: Value
    let query: String
    /// The prepared statement, or nil to prepare `query` on the worker.
    let prepared: PreparedQuery?
    let parameters: [String: Value]
    let snapshot: GraphSnapshot
    let schema: SchemaCatalog
    let options: ExecutionOptions

    func run() -> (text: String, failed: Bool) {
        do throws(QueryError) {
            let statement: PreparedQuery
            if let prepared {
                statement = prepared
            } else {
                statement = try CypherEngine.prepare(query, parameterNames: Set(parameters.keys))
            }
            let result = try CypherEngine.execute(statement, parameters: parameters, on: snapshot, schema: schema,
                                                  options: options)
            return (BatchRecord.success(id: id, result), false)
        } catch {
            return (BatchRecord.failure(id: id, error), true)
        }
    }
}

/// The JSONL record of one query: `{"id", "columns", "rows", "error"}` (and `statistics` when
/// the query changed the graph).
enum BatchRecord {
    static func success(id: Value, _ result: QueryResult) -> String {
        var text = #"{"id":"# + ValueJSON.encode(id) + #","columns":["#
            + result.columns.map(ValueJSON.string).joined(separator: ",") + #"],"rows":["#
        var first = true
        for row in result.rows {
            if !first { text += "," }
            first = false
            text += "[" + row.map(ValueJSON.encode).joined(separator: ",") + "]"
        }
        text += "]"
        if !result.statistics.isEmpty { text += #","statistics":"# + ResultPrinter.statisticsJSON(result.statistics) }
        return text + #","error":null}"#
    }

    static func failure(id: Value, _ error: QueryError) -> String {
        #"{"id":"# + ValueJSON.encode(id) + #","columns":null,"rows":null,"error":"# + ResultPrinter.errorObject(error) + "}"
    }
}

/// Records that arrive in any order and leave in index order, with at most `window` waiting.
private final class OrderedRecords: Sendable {
    private struct State {
        var waiting: [Int: String] = [:]
        var next = 0
        var failures = 0
    }

    private let state = Locked(State())
    private let room: DispatchSemaphore
    private let delivered = DispatchSemaphore(value: 0)
    private let output: @Sendable (String) -> Void

    init(window: Int, output: @escaping @Sendable (String) -> Void) {
        room = DispatchSemaphore(value: window)
        self.output = output
    }

    var failures: Int { state.withLock { $0.failures } }

    func countFailure() { state.withLock { $0.failures += 1 } }

    /// Blocks until fewer than `window` records are in flight (so results never pile up).
    func waitForRoom(before index: Int) { room.wait() }

    /// Takes record `index`; prints it and every record after it that is already here. Printing
    /// happens under the lock, so records leave in index order whichever thread completes a run.
    func deliver(_ index: Int, _ text: String) {
        let printed: Int = state.withLock { state in
            state.waiting[index] = text
            var printed = 0
            while let next = state.waiting.removeValue(forKey: state.next) {
                output(next)
                state.next += 1
                printed += 1
            }
            return printed
        }
        for _ in 0..<printed {
            room.signal()
            delivered.signal()
        }
    }

    /// Blocks until `count` records have been printed.
    func waitUntilDelivered(_ count: Int) {
        for _ in 0..<count { delivered.wait() }
    }
}

/// A fixed number of threads, each with a large stack, running submitted closures.
private final class WorkerPool: Sendable {
    private let queue = Locked<[(@Sendable () -> Void)?]>([])
    private let available = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private let threads: Int

    init(threads: Int) {
        self.threads = threads
        for _ in 0..<threads {
            let thread = Thread { [self] in work() }
            thread.stackSize = 64 << 20
            thread.start()
        }
    }

    func submit(_ job: @escaping @Sendable () -> Void) {
        queue.withLock { $0.append(job) }
        available.signal()
    }

    /// Lets the threads finish the queue and waits for them to end.
    func finish() {
        for _ in 0..<threads {
            queue.withLock { $0.append(nil) }
            available.signal()
        }
        for _ in 0..<threads { done.wait() }
    }

    private func work() {
        while true {
            available.wait()
            let job = queue.withLock { $0.removeFirst() }
            guard let job else {
                done.signal()
                return
            }
            job()
        }
    }
}
