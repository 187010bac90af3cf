import ArgumentParser
import Retrieval

/// The `--parameter name=value` overrides of `quiver ask` and `quiver eval retrieval`, checked in
/// `validate()`: every value is a finite number from 0 to ``maximum`` (counts such as
/// `pageRankIterations` would otherwise trap on a negative value or run for ever on a huge one),
/// and every name is a retrieval constant or a constant of the offline answerer.
///
/// ```swift
/// try ParameterOverrides.validate(parameters)                   // in validate()
/// let tuned = try ParameterOverrides.parameters(parameters)     // in run()
/// let answering = try ParameterOverrides.answerParameters(parameters)
/// ```
enum ParameterOverrides {
    /// The largest value an override may have.
    static let maximum = 1_000_000.0

    /// Throws the usage error for the first override that is not `name=value` with a known name
    /// and a value in 0...``maximum``.
    static func validate(_ overrides: [String]) throws {
        _ = try parameters(overrides)
        _ = try answerParameters(overrides)
    }

    /// The names of the answerer's constants.
    static let answerNames = Set(AnswerParameters().listing.compactMap { $0.split(separator: "=").first.map(String.init) })

    /// Whether an override names one of the answerer's constants.
    static func isAnswerOverride(_ override: String) -> Bool {
        override.split(separator: "=", maxSplits: 1).first.map { answerNames.contains(String($0)) } ?? false
    }

    /// The default answerer constants with the overrides that name them applied.
    static func answerParameters(_ overrides: [String]) throws -> AnswerParameters {
        do {
            return try AnswerParameters().applying(overrides.filter(isAnswerOverride))
        } catch {
            throw ValidationError("--parameter: \(error.message)")
        }
    }

    /// The default retrieval parameters with `overrides` applied.
    static func parameters(_ overrides: [String]) throws -> RetrievalParameters {
        for override in overrides {
            let parts = override.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Double(parts[1]) else { continue }  // `applying` names the problem
            guard (0...maximum).contains(value) else {
                throw ValidationError(
                    "--parameter \(parts[0]) must be a finite number from 0 to \(Int(maximum)); got \(parts[1])")
            }
        }
        do {
            return try RetrievalParameters().applying(overrides.filter { !isAnswerOverride($0) })
        } catch {
            let names = answerNames.sorted().joined(separator: ", ")
            throw ValidationError("--parameter: \(error.message); or an answer constant: \(names)")
        }
    }
}
