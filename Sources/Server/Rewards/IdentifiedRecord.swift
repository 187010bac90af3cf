import Foundation

/// A scorer's record with the client's `id` added beside its own fields: the record's layout is
/// exactly the CLI's `--out` line, plus `id` (`null` when the item had none).
///
/// ```swift
/// let line = try RecordEncoding.encode(IdentifiedRecord(id: .string("q1"), record: result))
/// // {"db_id":"concert_singer","exec_match":true,…,"id":"q1","index":0,…}
/// ```
public struct IdentifiedRecord<Record: Encodable & Sendable>: Encodable, Sendable {
    /// The item's id as the client sent it.
    public var id: ItemID?
    /// The scorer's record.
    public var record: Record

    /// A record tagged with the item's id.
    public init(id: ItemID?, record: Record) {
        self.id = id
        self.record = record
    }

    private struct IDKey: CodingKey {
        var stringValue: String { "id" }
        var intValue: Int? { nil }
        init() {}
        init?(stringValue: String) { nil }
        init?(intValue: Int) { nil }
    }

    /// The record's own keys, then `id` in the same JSON object.
    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: IDKey.self)
        try container.encode(id, forKey: IDKey())
    }
}

/// How reward responses are written: keys sorted and slashes unescaped, as `quiver score … --out` writes them.
public enum RecordEncoding {
    /// `{"items": [record, …]}` as JSON bytes; a record JSON cannot hold (a non-finite number)
    /// is a 500 naming it, as `--out` would fail on it.
    public static func encoded(_ records: [some Encodable]) throws(ServiceError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Array(#"{"items":["#.utf8)
        for (position, record) in records.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            do {
                out += try encoder.encode(record)
            } catch {
                throw ServiceError(status: 500, code: "EncodingFailed", message: "item \(position)'s record cannot be written as JSON: \(error)")
            }
        }
        out += Array("]}".utf8)
        return out
    }
}
