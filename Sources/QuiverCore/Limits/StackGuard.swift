#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Knows how much stack the current thread has left, and runs work that needs more on a thread
/// that has it, so that deep (but limited) recursion ends in a result, never in a signal.
///
/// Threads differ: a process's main thread usually has 8 MiB, a Dispatch or Swift-concurrency
/// worker far less. Quiver bounds every recursion by ``NestingLimit``; `StackGuard` makes sure
/// the thread it runs on can hold that much, whichever thread the caller is on.
///
/// ```swift
/// let result = try StackGuard.run(needing: StackGuard.queryStack) { try engine.execute(query) }
/// ```
public enum StackGuard {
    /// The stack a query needs at the nesting limit, with margin: parsing, analysis, planning and
    /// evaluation of a tree ``NestingLimit/depth`` levels deep, in unoptimised builds (whose frames
    /// are several times larger than release builds').
    public static let queryStack = 48 << 20

    /// The stack of a thread `run` starts: large, because only address space is reserved up
    /// front; pages are committed as they are touched.
    public static let spareThreadStack = 256 << 20

    /// Bytes between the current frame and the end of this thread's stack, or nil where the
    /// platform does not say.
    public static func remaining() -> Int? {
        guard let low = ThreadStack.lowAddress() else { return nil }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here > low ? Int(here - low) : 0
    }

    /// Runs `body` here when this thread has `bytes` of stack left, otherwise on a new thread
    /// with enough stack while this one waits; the result or error comes back either way.
    public static func run<T, E: Error>(needing bytes: Int, _ body: () throws(E) -> T) throws(E) -> T {
        if let left = remaining(), left >= bytes { return try body() }
        if remaining() == nil { return try body() }
        return try withoutActuallyEscaping(body) { (escapable) throws(E) -> T in
            let job = SpareThreadJob<T, E>(escapable)
            job.runAndWait(stackSize: max(spareThreadStack, bytes * 2))
            return try job.outcome()
        }
    }
}

/// One closure run on a thread of its own while the caller blocks in `pthread_join`.
// @unchecked: `body` and `result` are touched by the new thread only between pthread_create and
// pthread_join, while the creating thread is blocked in pthread_join, so they are never shared.
private final class SpareThreadJob<T, E: Error>: @unchecked Sendable {
    private let body: () throws(E) -> T
    private var result: Result<T, E>?

    init(_ body: @escaping () throws(E) -> T) { self.body = body }

    func runAndWait(stackSize: Int) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let context = Unmanaged.passRetained(self).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let created = pthread_create(&thread, &attributes, { raw in
            #if canImport(Darwin)
            let job = Unmanaged<SpareThreadJob>.fromOpaque(raw).takeRetainedValue()
            #else
            let job = Unmanaged<SpareThreadJob>.fromOpaque(raw!).takeRetainedValue()
            #endif
            job.execute()
            return nil
        }, context)
        if created != 0 {
            // No thread to be had (resource exhaustion): run here rather than not at all.
            Unmanaged<SpareThreadJob>.fromOpaque(context).release()
            execute()
            return
        }
        #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
        #else
        pthread_join(thread, nil)
        #endif
    }

    private func execute() {
        do throws(E) { result = .success(try body()) } catch { result = .failure(error) }
    }

    func outcome() throws(E) -> T {
        switch result {
        case .success(let value): return value
        case .failure(let error): throw error
        case nil: preconditionFailure("SpareThreadJob.outcome() before the job ran")
        }
    }
}

/// The lowest address of the current thread's stack, read once per thread and kept in a
/// thread-specific slot (reading it costs a system call, and on Linux's main thread a read of
/// /proc/self/maps).
private enum ThreadStack {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    static func lowAddress() -> UInt? {
        if let cached = pthread_getspecific(key) { return UInt(bitPattern: cached) }
        guard let low = readLowAddress() else { return nil }
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: low))
        return low
    }

    private static func readLowAddress() -> UInt? {
        #if canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        return top - size
        #else
        var attributes = pthread_attr_t()
        guard pthread_getattr_np(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
        // The guard page sits at the low end; stay clear of it.
        var guardSize = 0
        pthread_attr_getguardsize(&attributes, &guardSize)
        return UInt(bitPattern: address) + UInt(guardSize)
        #endif
    }
}
