import CSQLite
import Foundation

/// The deadline the progress handler checks; owned by its connection, read by SQLite's callback.
///
/// SQLite calls the handler on the thread that runs the statement, so no synchronisation
/// is needed: the connection and its deadline are used by one worker at a time.
final class SQLiteDeadline {
    /// Monotonic nanoseconds after which the running statement is stopped; 0 means none.
    var deadline: UInt64 = 0
    /// Set when the handler stopped a statement, so the caller can tell a timeout from other interrupts.
    var fired = false

    func arm(timeoutSeconds: Double?) {
        fired = false
        guard let timeoutSeconds else {
            deadline = 0
            return
        }
        deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeoutSeconds) * 1e9)
    }

    func disarm() { deadline = 0 }

    /// How many virtual-machine instructions pass between checks; small enough that even the slowest
    /// opcodes (a large sort step) cannot overshoot a timeout by more than milliseconds.
    static let instructionsPerCheck: Int32 = 1000

    static let callback: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { context in
        guard let context else { return 0 }
        let box = Unmanaged<SQLiteDeadline>.fromOpaque(context).takeUnretainedValue()
        guard box.deadline != 0, DispatchTime.now().uptimeNanoseconds >= box.deadline else { return 0 }
        box.fired = true
        return 1
    }
}
