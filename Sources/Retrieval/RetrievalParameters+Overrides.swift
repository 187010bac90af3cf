import Foundation

extension RetrievalParameters {
    /// The parameters with `name=value` overrides applied (names are the property names).
    ///
    /// ```swift
    /// let tuned = try RetrievalParameters().applying(["decay=0.7", "damping=0.5"])
    /// ```
    public func applying(_ overrides: [String]) throws(ParameterError) -> RetrievalParameters {
        guard !overrides.isEmpty else { return self }
        do {
            let data = try JSONEncoder().encode(self)
            guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
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
            let merged = try JSONSerialization.data(withJSONObject: object)
            return try JSONDecoder().decode(RetrievalParameters.self, from: merged)
        } catch let error as ParameterError {
            throw error
        } catch {
            throw ParameterError(message: "invalid parameter value: \(error)")
        }
    }

    /// The parameters as `name=value` lines, sorted by name.
    public var listing: [String] {
        guard let data = try? JSONEncoder().encode(self),
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
