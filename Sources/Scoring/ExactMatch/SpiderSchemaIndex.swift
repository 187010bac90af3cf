import SQL

/// A schema prepared for exact matching: lower-cased column sets per table and the foreign-key map.
///
/// Build it once per database and reuse it for every example; ``ExactSetMatch`` builds one per call
/// when given a plain ``Schema``.
///
/// ```swift
/// let index = SpiderSchemaIndex(schema)
/// let result = ExactSetMatch.evaluate(gold: gold, prediction: prediction, index: index)
/// ```
public struct SpiderSchemaIndex: Sendable {
    /// The schema the index was built from.
    public let schema: Schema
    /// Lower-cased table name → lower-cased column names.
    let columns: [String: Set<String>]
    let rebuild: SpiderRebuild

    public init(_ schema: Schema) {
        self.schema = schema
        var columns: [String: Set<String>] = [:]
        for table in schema.tables {
            columns[table.name.lowercased(), default: []].formUnion(table.columns.map { $0.name.lowercased() })
        }
        self.columns = columns
        rebuild = SpiderRebuild(schema: schema)
    }

    /// An index with no tables, for hardness (which never resolves columns).
    static let empty = SpiderSchemaIndex(Schema(databaseID: "", tables: []))

    func hasColumn(table: String, column: String) -> Bool {
        columns[table]?.contains(column) ?? false
    }
}
