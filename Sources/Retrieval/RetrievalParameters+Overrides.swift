import Foundation

extension RetrievalParameters {
    /// The parameters with `name=value` overrides applied (names are the property names).
    ///
    /// ```swift
    /// let tuned = try RetrievalParameters().applying(["decay=0.7", "damping=0.5"])
    /// ```
    public func applying(_ overrides: [String]) throws(ParameterError) -> RetrievalParameters {
        try ParameterOverriding.apply(overrides, to: self)
    }

    /// The parameters as `name=value` lines, sorted by name.
    public var listing: [String] { ParameterOverriding.listing(of: self) }
}

extension AnswerParameters {
    /// The constants with `name=value` overrides applied (names are the property names).
    ///
    /// ```swift
    /// let tuned = try AnswerParameters().applying(["typeWeight=2"])
    /// ```
    public func applying(_ overrides: [String]) throws(ParameterError) -> AnswerParameters {
        try ParameterOverriding.apply(overrides, to: self)
    }

    /// The constants as `name=value` lines, sorted by name.
    public var listing: [String] { ParameterOverriding.listing(of: self) }
}

/// `name=value` overrides of a flat Codable struct of numbers, through its JSON form.
enum ParameterOverriding {
    static func apply<Parameters: Codable>(_ overrides: [String], to parameters: Parameters) throws(ParameterError) -> Parameters {
        guard !overrides.isEmpty else { return parameters }
        do {
            guard var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(parameters)) as? [String: Any] else {
                throw ParameterError(message: "cannot encode parameters")
            }
            for override in overrides {
                let parts = override.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let current = object[parts[0]] else {
                    let names = object.keys.sorted().joined(separator: ", ")
                    throw ParameterError(message: "unknown parameter in '\(override)'; expected name=value with name one of: \(names)")
                }
                if current is NSNumber, let integer = Int(parts[1]) {
                    object[parts[0]] = integer
                } else if current is NSNumber, let number = Double(parts[1]) {
                    object[parts[0]] = number
                } else {
                    throw ParameterError(message: "parameter '\(parts[0])' needs a number, got '\(parts[1])'")
                }
            }
            return try JSONDecoder().decode(Parameters.self, from: JSONSerialization.data(withJSONObject: object))
        } catch let error as ParameterError {
            throw error
        } catch {
            throw ParameterError(message: "invalid parameter value: \(error)")
        }
    }

    static func listing<Parameters: Encodable>(of parameters: Parameters) -> [String] {
        guard let data = try? JSONEncoder().encode(parameters),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [] }
        return object.keys.sorted().map { "\($0)=\(object[$0].map { "\($0)" } ?? "")" }
    }
}

/// A bad `name=value` retrieval parameter.
public struct ParameterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong and what to do.
    public var message: String
    /// The message.
    public var description: String { message }
}
