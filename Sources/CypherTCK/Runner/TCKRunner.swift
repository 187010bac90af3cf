import Foundation

/// Runs TCK scenarios against an engine, each on a fresh graph, each under a time limit.
///
/// Every scenario runs on a worker thread with a large stack (debug builds of recursive-descent
/// parsers recurse deeply). A scenario that exceeds `timeout` is reported as failed and its thread is
/// abandoned: Swift cannot stop a thread, so a runaway query keeps a core busy until it ends.
///
/// ```swift
/// let runner = TCKRunner(engine: engine, suite: suite)
/// let report = runner.run { done, total, result in … }
/// print(report.summaryLine)   // "tck: 2400 passed, 441 failed, 0 skipped"
/// ```
public struct TCKRunner<Engine: TCKEngine>: Sendable {
    /// The engine under test.
    public var engine: Engine
    /// The scenarios to run and where named graphs live.
    public var suite: TCKSuite
    /// The longest a scenario may take, in seconds.
    public var timeout: Double

    public init(engine: Engine, suite: TCKSuite, timeout: Double = 20) {
        self.engine = engine
        self.suite = suite
        self.timeout = timeout
    }

    /// Runs every scenario of the suite in order; `progress` sees each result as it arrives.
    public func run(progress: (_ done: Int, _ total: Int, TCKScenarioResult) -> Void = { _, _, _ in }) -> TCKReport {
        var results: [TCKScenarioResult] = []
        results.reserveCapacity(suite.scenarios.count)
        for scenario in suite.scenarios {
            let result = run(scenario)
            results.append(result)
            progress(results.count, suite.scenarios.count, result)
        }
        return TCKReport(results: results)
    }

    /// Runs one scenario under the time limit.
    public func run(_ scenario: TCKScenario) -> TCKScenarioResult {
        if scenario.stepError == nil, let reason = ScenarioExecution<Engine>.skipReason(scenario) {
            return TCKScenarioResult(scenario: scenario, status: .skipped, reason: reason)
        }
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let engine = engine
        let suite = suite
        let start = DispatchTime.now()
        let thread = Thread {
            var execution = ScenarioExecution(
                engine: engine, scenario: scenario, namedGraph: { suite.namedGraphScript($0) })
            box.set(execution.run())
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        let finished = done.wait(timeout: .now() + timeout) == .success
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        guard finished, let (status, reason, detailOnly) = box.get() else {
            return TCKScenarioResult(
                scenario: scenario, status: .failed, reason: "timed out after \(timeout) s",
                durationMilliseconds: elapsed)
        }
        return TCKScenarioResult(
            scenario: scenario, status: status, reason: reason, errorDetailOnly: detailOnly,
            durationMilliseconds: elapsed)
    }
}

/// Hands a worker thread's verdict to the waiting runner.
///
/// `@unchecked Sendable` is safe because every access to `value` holds `lock`.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (TCKStatus, String?, Bool)?

    func set(_ newValue: (TCKStatus, String?, Bool)) {
        lock.lock()
        defer { lock.unlock() }
        value = newValue
    }

    func get() -> (TCKStatus, String?, Bool)? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
