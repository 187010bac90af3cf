/// The records of a CSV file as text fields, for readers that want rows rather than a graph
/// (Cypher's `LOAD CSV`).
///
/// The same RFC 4180 scanner as `quiver import` reads the bytes. An empty unquoted field is `nil`
/// (absent), an empty quoted field `""` is the empty string, as Neo4j's `LOAD CSV` reads them.
///
/// ```swift
/// let records = try CSVRecords.read(path: "import/products.csv")
/// records.first   // ["productID", "productName", …]
/// ```
public enum CSVRecords {
    /// Every record of the file at `path`, fields split at `delimiter`.
    ///
    /// - Throws: `GraphStoreError.importFailed` with the file and line of a malformed record, or
    ///   when the file cannot be read.
    public static func read(path: String, delimiter: UInt8 = UInt8(ascii: ",")) throws -> [[String?]] {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readAll(path)
        } catch {
            throw GraphStoreError.importFailed(file: path, line: 0, message: error.message)
        }
        return try numbered(bytes, file: path, delimiter: delimiter).map(\.fields)
    }

    /// Every record of `bytes` (the contents of `file`) with the line it starts on (1-based).
    ///
    /// - Throws: `GraphStoreError.importFailed` with the line of a malformed record.
    public static func numbered(
        _ bytes: [UInt8], file: String, delimiter: UInt8 = UInt8(ascii: ",")
    ) throws -> [(line: Int, fields: [String?])] {
        try bytes.withUnsafeBufferPointer { buffer in
            let scanner = CSVScanner(bytes: buffer, delimiter: delimiter, file: file)
            var records: [(line: Int, fields: [String?])] = []
            try scanner.forEachRecord { fields, line in
                records.append((line, fields.map { field in
                    field.isEmpty && !field.quoted ? nil : scanner.text(field)
                }))
            }
            return records
        }
    }
}
