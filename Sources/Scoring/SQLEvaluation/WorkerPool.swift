import Foundation
import QuiverCore

/// Runs `count` items on `jobs` threads; each thread makes its own state (e.g. its connections) first.
///
/// Threads, not tasks: the work blocks in C calls (SQLite, libpq), which must not hold the
/// cooperative pool's few threads.
enum WorkerPool {
    static func run<State>(
        count: Int, jobs: Int, makeState: @escaping @Sendable () -> State,
        body: @escaping @Sendable (inout State, Int) -> Void
    ) {
        let next = LockedValue(0)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, count)) {
            group.enter()
            let thread = Thread {
                var state = makeState()
                while true {
                    let index = next.withLock { value -> Int in
                        defer { value += 1 }
                        return value
                    }
                    if index >= count { break }
                    body(&state, index)
                }
                group.leave()
            }
            // Parsing, printing and scoring a query nested to the nesting limit need
            // StackGuard.queryStack; so does deep recursion in the comparison of wide results.
            // Only address space is reserved up front.
            thread.stackSize = StackGuard.queryStack + (16 << 20)
            thread.start()
        }
        group.wait()
    }
}

/// A value guarded by a lock, shared between worker threads.
///
/// `@unchecked Sendable` is safe here: every access to `value` goes through `withLock`, which holds `lock`.
final class LockedValue<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
