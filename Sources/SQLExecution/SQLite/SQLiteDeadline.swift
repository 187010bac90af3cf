import CSQLite
import Dispatch
import Foundation

/// Stops a connection's running statement at its deadline, from a timer.
///
/// The timer calls `sqlite3_interrupt`, the one SQLite call meant to come from another thread.
/// SQLite checks for it at every jump of its virtual machine, so a statement stops within one row
/// even when each row calls a slow function (`randomblob`, `replace` on large strings). A progress
/// handler called every N instructions would let N instructions' worth of such calls run first.
/// What one call can cost is bounded by the length limit on strings and blobs
/// (``SQLiteConnection/maxValueBytes``) and, for `printf`, by ``SQLitePrintf``.
///
/// ```swift
/// deadline.arm(timeoutSeconds: 2)
/// defer { deadline.disarm() }
/// while sqlite3_step(statement) == SQLITE_ROW { … }   // SQLITE_INTERRUPT after 2 s, `fired` set
/// ```
// @unchecked: `handle`, `deadline` and `stopped` are only read and written under `lock`; the
// timer handler and the connection's thread meet nowhere else.
final class SQLiteDeadline: @unchecked Sendable {
    private let lock = NSLock()
    private var handle: OpaquePointer?
    /// Monotonic nanoseconds at which the armed statement is stopped; 0 when none is armed.
    private var deadline: UInt64 = 0
    private var stopped = false
    private let timer: DispatchSourceTimer

    /// A deadline for the statements of `handle` (closed with ``close()`` before the connection).
    init(handle: OpaquePointer) {
        self.handle = handle
        timer = DispatchSource.makeTimerSource(queue: SQLiteDeadline.queue)
        timer.setEventHandler { [weak self] in self?.fire() }
        timer.schedule(deadline: .distantFuture)
        timer.activate()
    }

    /// One queue for every connection's timer: firing only takes a lock and sets a flag.
    private static let queue = DispatchQueue(label: "quiver.sqlite.deadline")

    /// Whether the deadline stopped the last armed statement, so the caller can tell a timeout
    /// from other interrupts.
    var fired: Bool { lock.withLock { stopped } }

    /// Starts the clock for the statement about to run; `nil` runs it without a limit.
    func arm(timeoutSeconds: Double?) {
        guard let timeoutSeconds else {
            disarm()
            return
        }
        let nanoseconds = UInt64(min(max(0, timeoutSeconds), 1e9) * 1e9)
        let start = DispatchTime.now()
        lock.withLock {
            stopped = false
            deadline = start.uptimeNanoseconds + nanoseconds
        }
        timer.schedule(deadline: start + .nanoseconds(Int(nanoseconds)), leeway: .milliseconds(1))
    }

    /// Stops the clock: the statement has finished.
    func disarm() {
        lock.withLock { deadline = 0 }
        timer.schedule(deadline: .distantFuture)
    }

    /// Detaches from the connection, which is about to close; the timer never touches it again.
    func close() {
        lock.withLock {
            handle = nil
            deadline = 0
        }
        timer.cancel()
    }

    /// The timer's handler. A late firing meant for an earlier statement finds the deadline of
    /// the current one not yet reached and does nothing.
    private func fire() {
        lock.withLock {
            guard deadline != 0, DispatchTime.now().uptimeNanoseconds >= deadline, let handle else { return }
            sqlite3_interrupt(handle)
            stopped = true
        }
    }
}
