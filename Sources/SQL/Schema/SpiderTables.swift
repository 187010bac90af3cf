import Foundation
import QuiverCore

/// Reads Spider/BIRD `tables.json`: one schema per database, keyed by `db_id`.
///
/// ```swift
/// let schemas = try SpiderTables.load(from: DataLocation.item("spider/tables.json")!)
/// let fks = schemas["concert_singer"]!.foreignKeys
/// ```
public enum SpiderTables {
    /// Errors reading a `tables.json` file.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        /// What is wrong and what to do.
        public var message: String
        public var description: String { message }
    }

    struct Entry: Decodable {
        var db_id: String
        var table_names_original: [String]
        var table_names: [String]?
        var column_names_original: [ColumnName]
        var column_names: [ColumnName]?
        var column_types: [String]?
        var primary_keys: [PrimaryKey]?
        var foreign_keys: [[Int]]?
    }

    /// An entry, built only when its `db_id` is wanted (``decode(_:databaseIDs:)``).
    struct WantedEntry: Decodable {
        static let wanted = CodingUserInfoKey(rawValue: "quiver.wantedDatabaseIDs")
        var entry: Entry?

        enum Key: String, CodingKey { case db_id }

        init(from decoder: Decoder) throws {
            if let key = Self.wanted, let wanted = decoder.userInfo[key] as? Set<String> {
                let id = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .db_id)
                guard wanted.contains(id) else {
                    entry = nil
                    return
                }
            }
            entry = try Entry(from: decoder)
        }
    }

    /// `[table_index, "name"]`.
    struct ColumnName: Decodable {
        var table: Int
        var name: String

        init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            table = try container.decode(Int.self)
            name = try container.decode(String.self)
        }
    }

    /// BIRD writes composite primary keys as nested lists; Spider as single ints.
    enum PrimaryKey: Decodable {
        case single(Int)
        case composite([Int])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Int.self) {
                self = .single(value)
            } else {
                self = .composite(try container.decode([Int].self))
            }
        }

        var columns: [Int] {
            switch self {
            case .single(let value): [value]
            case .composite(let values): values
            }
        }
    }

    /// The schemas of a `tables.json` file, keyed by `db_id`; with `databaseIDs`, only those: the
    /// other entries are parsed but not built, which is most of the cost when a run uses 20 of
    /// Spider's 166 schemas.
    public static func load(from url: URL, databaseIDs: Set<String>? = nil) throws -> [String: Schema] {
        try decode(RegularFile.data(url.path), databaseIDs: databaseIDs)
    }

    /// The schemas of `tables.json` content, keyed by `db_id`; only those in `databaseIDs` when given.
    public static func decode(_ data: Data, databaseIDs: Set<String>? = nil) throws -> [String: Schema] {
        let entries: [Entry]
        do {
            try JSONNesting.check(data)
            let decoder = JSONDecoder()
            if let databaseIDs, let key = WantedEntry.wanted { decoder.userInfo[key] = databaseIDs }
            entries = try decoder.decode([WantedEntry].self, from: data).compactMap(\.entry)
        } catch {
            throw ReadError(message: "not a Spider/BIRD tables.json (a list of {db_id, table_names_original, "
                + "column_names_original, ...}): \(error)")
        }
        var schemas: [String: Schema] = [:]
        for entry in entries { schemas[entry.db_id] = schema(of: entry) }
        return schemas
    }

    static func schema(of entry: Entry) -> Schema {
        var tables = entry.table_names_original.enumerated().map { index, name in
            Schema.Table(name: name, naturalName: entry.table_names?[safe: index], columns: [])
        }
        // Global column ids as tables.json numbers them; column 0 is `*`.
        var located: [(table: Int, column: Int)?] = []
        for (index, column) in entry.column_names_original.enumerated() {
            guard column.table >= 0, column.table < tables.count else {
                located.append(nil)
                continue
            }
            let natural = entry.column_names?[safe: index]?.name
            let type = entry.column_types?[safe: index] ?? ""
            tables[column.table].columns.append(Schema.Column(name: column.name, naturalName: natural, type: type))
            located.append((column.table, tables[column.table].columns.count - 1))
        }
        func name(_ id: Int) -> (String, String)? {
            guard id >= 0, id < located.count, let place = located[id] else { return nil }
            return (tables[place.table].name, tables[place.table].columns[place.column].name)
        }
        for key in entry.primary_keys ?? [] {
            for id in key.columns {
                guard let place = located[safe: id] ?? nil else { continue }
                tables[place.table].primaryKey.append(tables[place.table].columns[place.column].name)
            }
        }
        let foreignKeys = (entry.foreign_keys ?? []).compactMap { pair -> Schema.ForeignKey? in
            guard pair.count == 2, let from = name(pair[0]), let to = name(pair[1]) else { return nil }
            return Schema.ForeignKey(table: from.0, column: from.1, referencedTable: to.0, referencedColumn: to.1)
        }
        return Schema(databaseID: entry.db_id, tables: tables, foreignKeys: foreignKeys)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        index >= 0 && index < count ? self[index] : nil
    }
}
