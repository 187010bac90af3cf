import ArgumentParser

/// A limit given on the command line: a number, or `none` for no limit at all.
///
/// `0` never means "no limit": it is checked like any other value (and refused where a limit
/// must be positive), so that lifting a limit is always written out.
///
/// ```swift
/// @Option(parsing: .unconditional, help: "Seconds per pair, or `none`.")
/// var timeLimit: LimitOption<Double> = .value(10)
///
/// if case .value(let seconds) = timeLimit { try TimeoutSeconds.validate(seconds, option: "--time-limit") }
/// ```
enum LimitOption<Value: ExpressibleByArgument & Sendable>: ExpressibleByArgument, Sendable {
    /// No limit (`none`).
    case none
    /// A limit of this value (checked by the command's `validate()`).
    case value(Value)

    /// `none`, or whatever `Value` parses (negative numbers included; the command checks them).
    init?(argument: String) {
        if argument.lowercased() == "none" {
            self = .none
        } else if let value = Value(argument: argument) {
            self = .value(value)
        } else {
            return nil
        }
    }

    /// The limit, or `nil` for none.
    var limit: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    var defaultValueDescription: String {
        switch self {
        case .none: "none"
        case .value(let value): "\(value)"
        }
    }
}
