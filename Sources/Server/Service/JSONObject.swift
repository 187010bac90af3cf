import Cypher
import QuiverCore

/// A JSON object from a request, read strictly: a field the endpoint does not know, a required
/// field that is missing and a field of the wrong type are each a 400 that names the field.
///
/// Bodies are parsed by ``ValueJSON`` (nesting bounded by ``NestingLimit/depth``, errors at
/// line:column), so `params` keep integers apart from floats exactly as `quiver cypher --params` does.
///
/// ```swift
/// let body = try JSONObject(body: bytes, allowed: ["query", "params", "timeout"])
/// let query = try body.string("query")
/// ```
public struct JSONObject: Sendable {
    /// The object's fields; `null` values are kept and read as absent.
    public let fields: [String: Value]
    /// Where the object is, for messages: `body`, `options`, `items[3]`.
    public let path: String

    /// Parses a request body that must be one JSON object with only `allowed` fields.
    public init(body: [UInt8], allowed: Set<String>) throws(ServiceError) {
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .badRequest("the body is not UTF-8 text; send a JSON object", code: "MalformedJSON")
        }
        let value: Value
        do {
            value = try ValueJSON.decode(text)
        } catch {
            let at = error.location.map { " at line \($0.line), column \($0.column)" } ?? ""
            throw ServiceError(status: 400, code: "MalformedJSON", message: "the body is not valid JSON\(at): \(error.message)")
        }
        try self.init(value, path: "body", allowed: allowed)
    }

    /// Reads `value` as an object found at `path`, with only `allowed` fields.
    public init(_ value: Value, path: String, allowed: Set<String>) throws(ServiceError) {
        guard case .map(let fields) = value else {
            throw .badRequest("\(path) must be a JSON object, not \(Self.typeName(value))")
        }
        let unknown = fields.keys.filter { !allowed.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw .badRequest("unknown field\(unknown.count == 1 ? "" : "s") \(unknown.map { "`\($0)`" }.joined(separator: ", ")) in \(path); "
                + "known: \(allowed.sorted().joined(separator: ", "))", code: "UnknownField")
        }
        self.fields = fields
        self.path = path
    }

    /// The field's value, or nil when it is absent or null.
    public subscript(key: String) -> Value? {
        guard let value = fields[key], !value.isNull else { return nil }
        return value
    }

    /// A required string field.
    public func string(_ key: String) throws(ServiceError) -> String {
        guard let value = self[key] else { throw .badRequest("\(path) needs `\(key)` (a string)", code: "MissingField") }
        guard case .string(let text) = value else { throw wrongType(key, "a string", value) }
        return text
    }

    /// An optional string field.
    public func optionalString(_ key: String) throws(ServiceError) -> String? {
        guard self[key] != nil else { return nil }
        return try string(key)
    }

    /// An optional number field, checked to lie in `range`.
    public func optionalNumber(_ key: String, in range: ClosedRange<Double>) throws(ServiceError) -> Double? {
        guard let value = self[key] else { return nil }
        guard let number = value.numericValue, number.isFinite else { throw wrongType(key, "a number", value) }
        guard range.contains(number) else {
            throw .badRequest("`\(key)` in \(path) must be in \(Self.format(range.lowerBound))…\(Self.format(range.upperBound)), not \(Self.format(number))")
        }
        return number
    }

    /// An optional integer field, checked to lie in `range`.
    public func optionalInteger(_ key: String, in range: ClosedRange<Int>) throws(ServiceError) -> Int? {
        guard let value = self[key] else { return nil }
        // JSON does not tell 7 from 7.0; an integral float is that integer (as JSON Schema reads it).
        guard let number = Self.integer(value) else { throw wrongType(key, "an integer", value) }
        guard number >= range.lowerBound && number <= range.upperBound else {
            throw .badRequest("`\(key)` in \(path) must be in \(range.lowerBound)…\(range.upperBound), not \(number)")
        }
        return Int(number)
    }

    /// An optional boolean field.
    public func optionalBool(_ key: String) throws(ServiceError) -> Bool? {
        guard let value = self[key] else { return nil }
        guard case .bool(let flag) = value else { throw wrongType(key, "true or false", value) }
        return flag
    }

    /// An optional string field that must be one of `choices`.
    public func optionalChoice(_ key: String, from choices: [String]) throws(ServiceError) -> String? {
        guard let text = try optionalString(key) else { return nil }
        guard choices.contains(text) else {
            throw .badRequest("`\(key)` in \(path) must be one of \(choices.joined(separator: ", ")), not \"\(text)\"")
        }
        return text
    }

    /// An optional object field with only `allowed` fields.
    public func optionalObject(_ key: String, allowed: Set<String>) throws(ServiceError) -> JSONObject? {
        guard let value = self[key] else { return nil }
        return try JSONObject(value, path: path == "body" ? key : "\(path).\(key)", allowed: allowed)
    }

    /// A required array field of at most `limit` elements.
    public func list(_ key: String, limit: Int) throws(ServiceError) -> [Value] {
        guard let value = self[key] else { throw .badRequest("\(path) needs `\(key)` (an array)", code: "MissingField") }
        guard case .list(let items) = value else { throw wrongType(key, "an array", value) }
        guard items.count <= limit else {
            throw ServiceError(status: 413, code: "TooManyItems",
                               message: "`\(key)` has \(items.count) elements; at most \(limit) per request (send several batches)")
        }
        return items
    }

    /// The optional `id` of a batch item: a string or an integer, echoed in its record.
    public func itemID() throws(ServiceError) -> ItemID? {
        guard let value = self["id"] else { return nil }
        if case .string(let text) = value { return .string(text) }
        guard let number = Self.integer(value) else { throw wrongType("id", "a string or an integer", value) }
        return .integer(number)
    }

    /// An integer, or a float with an integral value that fits one.
    private static func integer(_ value: Value) -> Int64? {
        switch value {
        case .int(let number): return number
        case .float(let number) where number.rounded() == number && abs(number) < 0x1p63: return Int64(number)
        default: return nil
        }
    }

    private func wrongType(_ key: String, _ expected: String, _ value: Value) -> ServiceError {
        .badRequest("`\(key)` in \(path) must be \(expected), not \(Self.typeName(value))", code: "WrongType")
    }

    static func typeName(_ value: Value) -> String {
        switch value {
        case .map: "an object"
        case .list: "an array"
        case .string: "a string"
        case .int, .float: "a number"
        case .bool: "a boolean"
        case .null: "null"
        default: value.typeName.lowercased()
        }
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}

/// The `id` a client gave a batch item, echoed as it came (a string or an integer).
public enum ItemID: Sendable, Hashable, Encodable {
    case string(String)
    case integer(Int64)

    /// Encodes as the JSON string or number it was read from.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .integer(let number): try container.encode(number)
        }
    }
}
