import Foundation

/// A value guarded by a lock: every read and write goes through ``withLock(_:)``.
///
/// Used instead of the standard library's `Synchronization.Mutex` because ThreadSanitizer on
/// Linux does not see that type's futex-based locking and reports races on every value it guards
/// (checked with a four-thread append loop); `NSLock` is a pthread mutex, which it understands.
/// So `scripts/tsan.sh` reports real races only.
///
/// ```swift
/// let counter = Locked(0)
/// counter.withLock { $0 += 1 }
/// ```
public final class Locked<Value>: @unchecked Sendable {
    // Unchecked: `value` is only touched inside `withLock`, under `lock`; it comes in as `sending`
    // and results leave as `sending`, so no non-Sendable state is shared outside the lock.
    private let lock = NSLock()
    private var value: Value

    /// Guards `value` from now on.
    public init(_ value: sending Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result, Failure: Error>(
        _ body: (inout sending Value) throws(Failure) -> sending Result
    ) throws(Failure) -> sending Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
