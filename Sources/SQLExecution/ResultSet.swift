import QuiverCore

/// The rows a query returned, with its column names, in the order the database produced them.
///
/// Values keep the engine's dynamic types: SQLite `INTEGER` → `.int`, `REAL` → `.float`,
/// `TEXT` → `.string`, `NULL` → `.null`, and a `BLOB` → ``ResultSet/blob(_:)``.
///
/// ```swift
/// let result = try database.execute("SELECT name, age FROM singer")
/// for row in result.rows { print(row[0], row[1]) }
/// ```
public struct ResultSet: Sendable, Hashable {
    /// Column names as the database reports them (aliases included).
    public var columns: [String]
    /// Rows in database order; every row has `columns.count` values.
    public var rows: [[Value]]

    /// A result of `columns` and `rows`.
    public init(columns: [String], rows: [[Value]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Whether the query returned no rows.
    public var isEmpty: Bool { rows.isEmpty }

    /// How a binary value is carried in a ``QuiverCore/Value``, which has no bytes case:
    /// a one-key map `{"blob": "<lower-case hex>"}`, so it never equals any text or number.
    public static func blob<C: Collection>(_ bytes: C) -> Value where C.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return .map(["blob": .string(String(decoding: hex, as: UTF8.self))])
    }
}
