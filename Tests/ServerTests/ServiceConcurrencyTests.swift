import Foundation
import PropertyGraph
import Testing

@testable import Server

/// The pieces that carry work between threads — the worker pool and the chunk pipe — and the
/// service's reads beside its writes, in one process (also run under ThreadSanitizer).
struct ServiceConcurrencyTests {
    @Test func thePoolRunsEveryJobAndRefusesPastItsQueue() async throws {
        let pool = BlockingPool(threads: 2, queueLimit: 1_000)
        let sums = try await withThrowingTaskGroup(of: Int.self) { group in
            for number in 0..<200 { group.addTask { try await pool.run { number * 2 } } }
            return try await group.reduce(0, +)
        }
        #expect(sums == (0..<200).reduce(0) { $0 + $1 * 2 })

        let small = BlockingPool(threads: 1, queueLimit: 1)
        let gate = DispatchSemaphore(value: 0)
        #expect(small.submit { gate.wait() })             // runs and blocks the only thread
        try await Task.sleep(for: .milliseconds(100))
        #expect(small.submit {})                          // waits in the queue
        await #expect(throws: ServiceError.self) { try await small.run { 1 } }
        gate.signal()
    }

    /// A reader's stall limit for these tests: the reader is a task on Swift concurrency's
    /// cooperative threads (two on this machine), which other suites' synchronous tests may hold
    /// for minutes when the package's tests share one process; only the stall test wants a short one.
    static let patientReader: Duration = .seconds(3_600)

    @Test func thePipeDeliversEveryChunkInOrderThroughASmallBuffer() async {
        let pipe = ChunkPipe(capacity: 2, stallLimit: Self.patientReader)
        Thread.detachNewThread {
            for number in 0..<500 { _ = pipe.send([UInt8(number % 256)]) }
            pipe.finish()
        }
        var received: [UInt8] = []
        while case .chunk(let chunk) = await pipe.next() { received += chunk }
        #expect(received == (0..<500).map { UInt8($0 % 256) })
    }

    @Test func aReaderThatLeavesOrStallsStopsTheWriter() async throws {
        let pipe = ChunkPipe(capacity: 1, stallLimit: .seconds(30))
        #expect(pipe.send([1]))
        pipe.cancel()
        #expect(!pipe.send([2]))

        let stalled = ChunkPipe(capacity: 1, stallLimit: .milliseconds(200))
        #expect(stalled.send([1]))
        let start = ContinuousClock.now
        #expect(!stalled.send([2]))                       // nobody reads: gives up after the stall limit
        #expect(ContinuousClock.now - start >= .milliseconds(150))
    }

    @Test func readsThroughThePipeBesideWritesSeeWholeWrites() async throws {
        let service = try QuiverService(ServiceConfiguration(limits: { var l = ServiceLimits(); l.workers = 4; return l }()))
        let outcomes = try await withThrowingTaskGroup(of: Int?.self) { group in
            for number in 0..<60 {
                group.addTask {
                    let query = number % 3 == 0 ? "CREATE (:Pair), (:Pair)" : "MATCH (p:Pair) RETURN count(p)"
                    let request = CypherRequest(query: query, timeout: 30, maxRows: 100)
                    let pipe = ChunkPipe(capacity: 4, stallLimit: Self.patientReader)
                    #expect(service.pool.submit {
                        do throws(ServiceError) {
                            try service.runCypher(request, into: pipe)
                            pipe.finish()
                        } catch {
                            pipe.fail(error)
                        }
                    })
                    var bytes: [UInt8] = []
                    while case .chunk(let chunk) = await pipe.next() { bytes += chunk }
                    let rows = (try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])?["rows"] as? [[Int]]
                    return rows?.first?.first
                }
            }
            return try await group.reduce(into: [Int?]()) { $0.append($1) }
        }
        #expect(outcomes.compactMap { $0 }.allSatisfy { $0 % 2 == 0 })
        #expect(service.database.snapshot().nodeCount == 40)
    }
}
