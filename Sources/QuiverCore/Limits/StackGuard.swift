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
        guard let left = remaining(), left < bytes else { return try body() }
        var outcome: Result<T, E>?
        withoutActuallyEscaping(body) { escapable in
            SpareThread.runAndWait(stackSize: max(spareThreadStack, bytes * 2)) {
                do throws(E) { outcome = .success(try escapable()) } catch { outcome = .failure(error) }
            }
        }
        guard let outcome else { preconditionFailure("StackGuard.run: the spare thread did not run its work") }
        return try outcome.get()
    }
}

/// A thread of its own for one piece of work, while the caller blocks in `pthread_join`.
// @unchecked: `work` is called by the new thread only between pthread_create and pthread_join,
// while the creating thread is blocked in pthread_join, so nothing it touches is shared.
private final class SpareThread: @unchecked Sendable {
    private let work: () -> Void

    private init(_ work: @escaping () -> Void) { self.work = work }

    static func runAndWait(stackSize: Int, _ work: @escaping () -> Void) {
        let job = SpareThread(work)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let context = Unmanaged.passRetained(job).toOpaque()
        guard let thread = startThread(&attributes, context) else {
            // No thread to be had (resource exhaustion): run here rather than not at all.
            Unmanaged<SpareThread>.fromOpaque(context).release()
            work()
            return
        }
        pthread_join(thread, nil)
    }

    private static func startThread(_ attributes: inout pthread_attr_t, _ context: UnsafeMutableRawPointer) -> pthread_t? {
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let created = pthread_create(&thread, &attributes, { raw -> UnsafeMutableRawPointer? in
            guard let raw else { return nil }
            Unmanaged<SpareThread>.fromOpaque(raw).takeRetainedValue().work()
            return nil
        }, context)
        guard created == 0 else { return nil }
        #if canImport(Darwin)
        return thread
        #else
        return Optional(thread)
        #endif
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

    #if !canImport(Darwin)
    private typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
    private static let getThreadAttributes: GetAttributes? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return nil }
        return unsafeBitCast(symbol, to: GetAttributes.self)
    }()
    #endif

    private static func readLowAddress() -> UInt? {
        #if canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        return top - size
        #else
        // pthread_getattr_np is a GNU extension the Glibc module does not export; look it up.
        guard let getAttributes = getThreadAttributes else { return nil }
        var attributes = pthread_attr_t()
        guard getAttributes(pthread_self(), &attributes) == 0 else { return nil }
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
