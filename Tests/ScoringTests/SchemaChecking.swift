import Foundation
import Testing

/// Reads the JSON Schemas under `schemas/` and the keys a value encodes to, for the output-schema suites.
protocol SchemaChecking {}

extension SchemaChecking {
    /// The schema file `schemas/<name>` of the repository, as a JSON object.
    func schema(_ name: String) throws -> [String: Any] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("schemas/\(name)"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The top-level keys `value` encodes to with `JSONEncoder`.
    func keys(_ value: some Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value))
        return Set(try #require(object as? [String: Any]).keys)
    }
}
