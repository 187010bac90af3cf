import ArgumentParser

/// A `--timeout` option given in seconds: checked in `validate()`, turned into a `Duration` in `run()`.
///
/// ```swift
/// try TimeoutSeconds.validate(timeout)                     // in validate()
/// let options = ExecutionOptions(timeout: TimeoutSeconds.duration(timeout))
/// ```
enum TimeoutSeconds {
    /// A year: longer than any query should run, and far inside what a `Duration` of milliseconds
    /// holds (`--timeout 1e17` or `inf` would otherwise trap when converted).
    static let maximum: Double = 365 * 24 * 3600

    /// Throws the usage error for a timeout that is not a positive number of seconds up to ``maximum``.
    static func validate(_ seconds: Double) throws {
        // NaN fails both comparisons.
        guard seconds > 0, seconds <= maximum else {
            throw ValidationError("--timeout must be a positive number of seconds, at most \(Int(maximum)) (a year); got \(seconds)")
        }
    }

    /// `seconds` (already validated) as a duration, to the millisecond.
    static func duration(_ seconds: Double) -> Duration {
        .milliseconds(Int64(seconds * 1000))
    }
}
