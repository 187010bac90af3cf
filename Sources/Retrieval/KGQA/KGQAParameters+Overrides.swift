import Foundation

extension KGQAParameters {
    /// The parameters with `name=value` overrides applied (names are the property names; booleans
    /// take `true`/`false`).
    ///
    /// ```swift
    /// let tuned = try KGQAParameters().applying(["orderPenalty=0.5", "excludeTopic=false"])
    /// ```
    public func applying(_ overrides: [String]) throws(ParameterError) -> KGQAParameters {
        guard !overrides.isEmpty else { return self }
        do {
            guard var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(self)) as? [String: Any] else {
                throw ParameterError(message: "cannot encode parameters")
            }
            let flags = Set(Mirror(reflecting: self).children.compactMap { $0.value is Bool ? $0.label : nil })
            for override in overrides {
                let parts = override.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, object[parts[0]] != nil else {
                    let names = object.keys.sorted().joined(separator: ", ")
                    throw ParameterError(message: "unknown parameter in '\(override)'; expected name=value with name one of: \(names)")
                }
                let isBool = flags.contains(parts[0])
                if isBool, let flag = Bool(parts[1]) {
                    object[parts[0]] = flag
                } else if !isBool, let integer = Int(parts[1]) {
                    object[parts[0]] = integer
                } else if !isBool, let number = Double(parts[1]) {
                    object[parts[0]] = number
                } else {
                    throw ParameterError(message: "parameter '\(parts[0])' needs \(isBool ? "true or false" : "a number"), got '\(parts[1])'")
                }
            }
            return try JSONDecoder().decode(KGQAParameters.self, from: JSONSerialization.data(withJSONObject: object))
        } catch let error as ParameterError {
            throw error
        } catch {
            throw ParameterError(message: "invalid parameter value: \(error)")
        }
    }
}
