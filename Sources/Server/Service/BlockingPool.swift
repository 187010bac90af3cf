import Foundation
import QuiverCore

/// A fixed set of threads for work that blocks or runs long (queries, SQLite calls, scoring), so
/// that none of it runs on an event loop or holds one of Swift concurrency's few cooperative
/// threads. Each thread has the stack a query at the nesting limit needs.
///
/// At most `queueLimit` jobs wait; beyond that ``run(_:)`` fails at once with
/// ``ServiceError/busy`` instead of queueing without bound.
///
/// ```swift
/// let pool = BlockingPool(threads: 4, queueLimit: 1_024)
/// let count = try await pool.run { try CypherEngine.execute("MATCH (n) RETURN count(n)", on: snapshot) }
/// ```
public final class BlockingPool: Sendable {
    /// The number of threads.
    public let threads: Int
    /// The most jobs that may wait for a thread.
    public let queueLimit: Int
    private let state: LockedState

    /// Starts `threads` threads (at least one); they live as long as the process.
    public init(threads: Int, queueLimit: Int) {
        self.threads = max(1, threads)
        self.queueLimit = max(1, queueLimit)
        state = LockedState()
        for number in 0..<self.threads {
            let thread = Thread { [state] in state.work() }
            thread.name = "quiver-worker-\(number)"
            // Only address space is reserved up front; pages are committed as they are touched.
            thread.stackSize = StackGuard.queryStack + (16 << 20)
            thread.start()
        }
    }

    /// Jobs waiting for a thread now.
    public var waiting: Int { state.waitingCount }

    /// Queues `job` for a thread without waiting for it; false when the queue is full.
    public func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
        state.enqueue(limit: queueLimit, job)
    }

    /// Runs `body` on one of the pool's threads and returns what it returns or throws.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let accepted = state.enqueue(limit: queueLimit) {
                do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
            }
            if !accepted { continuation.resume(throwing: ServiceError.busy(waiting: queueLimit)) }
        }
    }
}

/// The pool's queue: a condition variable guards the jobs.
// @unchecked: `jobs` is read and written only while `condition` is locked.
private final class LockedState: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0

    var waitingCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return jobs.count - head
    }

    func enqueue(limit: Int, _ job: @escaping @Sendable () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard jobs.count - head < limit else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// A thread's loop: take the oldest job, run it, repeat.
    func work() {
        while true {
            condition.lock()
            while head == jobs.count { condition.wait() }
            let job = jobs[head]
            head += 1
            if head > 1_024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job()
        }
    }
}
