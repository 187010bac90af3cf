import ArgumentParser

/// Checks of whole-number and real-number options (`--jobs`, `--rows`, `--max-rows`, weights), made
/// in `validate()` before any work: a value outside its range is a one-line usage error that names
/// the option, the value and the range.
///
/// Declare such options with `parsing: .unconditional`, so a negative value reaches the check
/// instead of being read as an option name ("Missing value").
///
/// ```swift
/// @Option(parsing: .unconditional, help: "Worker threads.")
/// var jobs = 4
///
/// try CountOption.validate(jobs, "--jobs", in: 1...CountOption.maximumJobs)   // in validate()
/// ```
enum CountOption {
    /// The most worker threads any command starts: far more than cores, few enough that each
    /// thread's stack (reserved, not committed) stays within a 64-bit address space.
    static let maximumJobs = 1_024

    /// Throws unless `value` lies in `range`; `meaning` explains a special value (e.g. "0 = off").
    static func validate(_ value: Int, _ option: String, in range: ClosedRange<Int>, meaning: String? = nil) throws {
        guard range.contains(value) else {
            let upper = range.upperBound == Int.max ? "" : ", at most \(range.upperBound)"
            let note = meaning.map { " (\($0))" } ?? ""
            throw ValidationError("\(option) must be a whole number of at least \(range.lowerBound)\(upper)\(note); got \(value)")
        }
    }

    /// Validates an optional count: `nil` (the option was not given) passes.
    static func validate(_ value: Int?, _ option: String, in range: ClosedRange<Int>, meaning: String? = nil) throws {
        if let value { try validate(value, option, in: range, meaning: meaning) }
    }

    /// Throws unless `value` is a finite number in `range`.
    static func validate(_ value: Double, _ option: String, in range: ClosedRange<Double>) throws {
        // NaN is in no range.
        guard range.contains(value) else {
            let upper = range.upperBound == .greatestFiniteMagnitude ? "" : ", at most \(range.upperBound)"
            throw ValidationError("\(option) must be a finite number of at least \(range.lowerBound)\(upper); got \(value)")
        }
    }
}
