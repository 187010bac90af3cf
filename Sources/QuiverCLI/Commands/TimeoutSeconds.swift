import ArgumentParser

/// An option given in seconds (`--timeout`, `--time-limit`): checked in `validate()`, turned into
/// a `Duration` in `run()`.
///
/// Declare the option with `parsing: .unconditional`, so that `--timeout -1` reaches `validate()`
/// (and gets this message) instead of reading `-1` as an option name. A zero, negative, infinite
/// or NaN value is an error, never "no limit": commands whose limit can be lifted say how in their
/// help (omit the option, or give `none`; see ``LimitOption``).
///
/// ```swift
/// @Option(parsing: .unconditional, help: "Stop a query after this many seconds.")
/// var timeout: Double?
///
/// try TimeoutSeconds.validate(timeout)                     // in validate()
/// let options = ExecutionOptions(timeout: TimeoutSeconds.duration(timeout))
/// ```
enum TimeoutSeconds {
    /// A year: longer than any query should run, and far inside what a `Duration` of milliseconds
    /// holds (`--timeout 1e17` or `inf` would otherwise trap when converted).
    static let maximum: Double = 365 * 24 * 3600

    /// Throws the usage error for a value of `option` that is not a positive number of seconds
    /// up to ``maximum``; `noLimit` says how to run without a limit, when the command allows it.
    static func validate(_ seconds: Double, option: String = "--timeout", noLimit: String? = nil) throws {
        // NaN fails both comparisons.
        guard seconds > 0, seconds <= maximum else {
            let hint = noLimit.map { "; \($0)" } ?? ""
            throw ValidationError(
                "\(option) must be a positive number of seconds, at most \(Int(maximum)) (a year); got \(seconds)\(hint)")
        }
    }

    /// Validates an optional timeout: `nil` (the option was not given) passes.
    static func validate(_ seconds: Double?, option: String = "--timeout", noLimit: String? = nil) throws {
        if let seconds { try validate(seconds, option: option, noLimit: noLimit) }
    }

    /// `seconds` (already validated) as a duration, to the millisecond.
    static func duration(_ seconds: Double) -> Duration {
        .milliseconds(Int64(seconds * 1000))
    }

    /// An optional timeout (already validated) as a duration; `nil` stays `nil` (no limit).
    static func duration(_ seconds: Double?) -> Duration? {
        seconds.map(duration)
    }
}
