import Foundation
import QuiverCore

/// Carries a streamed response's chunks from the worker thread that makes them to the task that
/// writes them to the socket, holding at most `capacity` chunks: a slow client makes the worker
/// wait (so memory stays bounded), and a client that stops reading for `stallLimit` — or goes
/// away — makes ``send(_:)`` return false, which stops the query.
///
/// ```swift
/// let pipe = ChunkPipe(capacity: 8, stallLimit: .seconds(30))
/// pool.submit { pipe.send(bytes); pipe.finish() }
/// while case .chunk(let bytes) = await pipe.next() { try await writer.write(bytes) }
/// ```
// @unchecked: every stored property is read and written only while `condition` is locked.
final class ChunkPipe: ChunkSink, @unchecked Sendable {
    /// What the reader gets next.
    enum Event: Sendable {
        case chunk([UInt8])
        case failure(ServiceError)
        case end
    }

    private let condition = NSCondition()
    private let capacity: Int
    private let stallLimit: TimeInterval
    private var chunks: [[UInt8]] = []
    private var ended = false
    private var failure: ServiceError?
    private var cancelled = false
    private var reader: CheckedContinuation<Void, Never>?

    init(capacity: Int, stallLimit: Duration) {
        self.capacity = max(1, capacity)
        self.stallLimit = stallLimit.inSeconds
    }

    // MARK: Writer (a worker thread)

    func send(_ chunk: [UInt8]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: stallLimit)
        while chunks.count >= capacity && !cancelled {
            if !condition.wait(until: deadline) { cancelled = true }
        }
        guard !cancelled else { return false }
        chunks.append(chunk)
        wakeReader()
        return true
    }

    /// No more chunks.
    func finish() {
        condition.lock()
        ended = true
        wakeReader()
        condition.unlock()
    }

    /// The work failed before sending anything: the reader answers with this error instead.
    func fail(_ error: ServiceError) {
        condition.lock()
        failure = error
        ended = true
        wakeReader()
        condition.unlock()
    }

    private func wakeReader() {
        reader?.resume()
        reader = nil
    }

    // MARK: Reader (the response task)

    /// The next chunk, the failure, or the end.
    func next() async -> Event {
        while true {
            if let event = take() { return event }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    condition.lock()
                    if !chunks.isEmpty || ended || cancelled {
                        continuation.resume()
                    } else {
                        reader = continuation
                    }
                    condition.unlock()
                }
            } onCancel: {
                cancel()
            }
        }
    }

    private func take() -> Event? {
        condition.lock()
        defer { condition.unlock() }
        if !chunks.isEmpty {
            let chunk = chunks.removeFirst()
            condition.broadcast()
            return .chunk(chunk)
        }
        if let failure { return .failure(failure) }
        if ended || cancelled { return .end }
        return nil
    }

    /// The reader has gone: the writer's next ``send(_:)`` returns false.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        wakeReader()
        condition.unlock()
    }
}
