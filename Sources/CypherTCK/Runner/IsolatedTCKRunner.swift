import Foundation

/// Runs a TCK suite in worker processes so that an engine crash or a runaway query costs one
/// scenario, not the run.
///
/// The parent starts a worker for the scenarios from index `N` on (`workerArguments(N)`), reads its
/// one-line records, and when the worker dies (a trap in the engine) or stays silent past the time
/// limit (it is then killed), records that scenario as failed and starts a new worker after it.
/// A worker that exits with status ``restartExitStatus`` asks to be restarted without blame (it does
/// so after an in-process timeout, to get rid of the runaway thread).
///
/// ```swift
/// let runner = IsolatedTCKRunner(suite: suite, executable: url, timeout: 20) { start in
///     ["tck", dir, "--worker-from", "\(start)"]
/// }
/// let report = runner.run()
/// ```
public struct IsolatedTCKRunner: Sendable {
    /// The scenarios to run; workers must select the same list.
    public var suite: TCKSuite
    /// The worker executable (`quiver` itself).
    public var executable: URL
    /// Seconds one scenario may take; the parent waits this plus a grace period for a record.
    public var timeout: Double
    /// The worker's command-line arguments for running the suite's scenarios from the given index.
    public var workerArguments: @Sendable (Int) -> [String]
    /// Seconds of silence beyond `timeout` before a worker is killed (it also covers the worker's start-up).
    public var silenceGrace: Double = 10

    /// The exit status a worker uses to ask for a restart after the record it last printed.
    public static let restartExitStatus: Int32 = 3

    public init(suite: TCKSuite, executable: URL, timeout: Double, workerArguments: @escaping @Sendable (Int) -> [String]) {
        self.suite = suite
        self.executable = executable
        self.timeout = timeout
        self.workerArguments = workerArguments
    }

    /// Runs every scenario; `progress` sees each result as it arrives. Throws when no worker can be started.
    public func run(progress: (_ done: Int, _ total: Int, TCKScenarioResult) -> Void = { _, _, _ in }) throws
        -> TCKReport
    {
        let scenarios = suite.scenarios
        var results: [TCKScenarioResult] = []
        results.reserveCapacity(scenarios.count)
        func record(_ result: TCKScenarioResult) {
            results.append(result)
            progress(results.count, scenarios.count, result)
        }
        var silentWorkers = 0
        while results.count < scenarios.count {
            let start = results.count
            let worker = try WorkerProcess(executable: executable, arguments: workerArguments(start))
            var finished = false
            var printed = false
            var failedToStart = false
            while !finished {
                switch worker.nextRecord(timeout: timeout + silenceGrace) {
                case .record(let line) where line.done == true:
                    finished = true
                case .record(let line):
                    printed = true
                    guard line.index == results.count, line.index < scenarios.count, let status = line.status else {
                        continue
                    }
                    record(TCKScenarioResult(
                        scenario: scenarios[line.index], status: status, reason: line.reason,
                        errorDetailOnly: line.errorDetailOnly ?? false, durationMilliseconds: line.durationMs ?? 0))
                case .silent:
                    worker.kill()
                    if results.count < scenarios.count {
                        record(TCKScenarioResult(
                            scenario: scenarios[results.count], status: .failed,
                            reason: "timed out after \(timeout) s; the worker process was killed"))
                    }
                    finished = true
                case .ended(let status, let bySignal):
                    failedToStart = !printed && !bySignal
                    if results.count < scenarios.count, bySignal || status != Self.restartExitStatus {
                        let how = bySignal ? "signal \(status)" : "exit status \(status)"
                        record(TCKScenarioResult(
                            scenario: scenarios[results.count], status: .failed,
                            reason: "the engine crashed the worker process (\(how))"))
                    }
                    finished = true
                }
            }
            worker.wait()
            // Workers that exit without printing (a bad command line, a missing suite) would each cost one
            // scenario and a process start; after three in a row the run stops instead.
            silentWorkers = failedToStart ? silentWorkers + 1 : 0
            if silentWorkers >= 3 {
                throw IsolatedRunnerError(
                    message: "\(silentWorkers) worker processes in a row ended without output; "
                        + "run `\(executable.path) \(workerArguments(results.count).joined(separator: " "))` to see why")
            }
            // A worker that printed `done` without covering everything would loop forever; stop instead.
            if results.count == start { break }
        }
        return TCKReport(results: results)
    }
}

/// Worker processes that cannot run the suite: what happened and the command to reproduce it.
public struct IsolatedRunnerError: Error, Sendable, CustomStringConvertible {
    /// What happened, and the command that reproduces it.
    public var message: String

    public var description: String { message }
}

/// A running worker: its process and a thread that turns its stdout into records.
// `@unchecked Sendable`: `pending` and `ended` are only touched while holding `lock`;
// `process` is used from the parent thread only.
private final class WorkerProcess: @unchecked Sendable {
    enum Event {
        case record(TCKWorkerRecord)
        case silent
        case ended(status: Int32, bySignal: Bool)
    }

    private let process = Process()
    private let lock = NSLock()
    private let available = DispatchSemaphore(value: 0)
    private var pending: [TCKWorkerRecord] = []
    private var ended = false

    init(executable: URL, arguments: [String]) throws {
        let pipe = Pipe()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = pipe
        try process.run()
        let handle = pipe.fileHandleForReading
        let reader = Thread { [self] in
            var buffer = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer.removeSubrange(buffer.startIndex...newline)
                    if let record = TCKWorkerRecord.parse(line) { push(record) }
                }
            }
            lock.lock()
            ended = true
            lock.unlock()
            available.signal()
        }
        reader.start()
    }

    private func push(_ record: TCKWorkerRecord) {
        lock.lock()
        pending.append(record)
        lock.unlock()
        available.signal()
    }

    /// The next record, or how the worker ended, or `.silent` after `timeout` seconds without either.
    func nextRecord(timeout: Double) -> Event {
        while true {
            lock.lock()
            if !pending.isEmpty {
                let record = pending.removeFirst()
                lock.unlock()
                return .record(record)
            }
            let hasEnded = ended
            lock.unlock()
            if hasEnded {
                process.waitUntilExit()
                return .ended(status: process.terminationStatus, bySignal: process.terminationReason == .uncaughtSignal)
            }
            if available.wait(timeout: .now() + timeout) == .timedOut { return .silent }
        }
    }

    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    func wait() {
        process.waitUntilExit()
    }
}
