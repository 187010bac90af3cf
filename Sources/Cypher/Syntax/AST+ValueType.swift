import QuiverCore

// The types of Neo4j 5's type predicate expressions (`x IS :: INTEGER`), as the Cypher manual's
// "types and their synonyms" lists them. Unlike a procedure signature's `CypherType` (non-null unless
// marked `?`), every type here holds `null` unless written `NOT NULL` (or `!`), and types can be
// closed unions (`INTEGER | STRING`).

/// A value type as a type predicate writes it: `INTEGER`, `LIST<STRING NOT NULL>`, `INTEGER | FLOAT`.
///
/// ```swift
/// let query = try CypherParser.parse("RETURN 1 IS :: INTEGER | FLOAT AS isNumber")
/// // the item's expression is .typePredicate(1, ValueType(.union([INTEGER, FLOAT])), negated: false)
/// ```
public struct ValueType: Sendable, Hashable, CustomStringConvertible {
    /// The type without its nullability.
    public indirect enum Kind: Sendable, Hashable {
        /// Every value (`ANY`, `ANY VALUE`).
        case any
        /// No value at all (`NOTHING`).
        case nothing
        /// Only `null` (`NULL`).
        case null
        /// A predefined scalar or graph type.
        case boolean, string, integer, float, date, localTime, zonedTime, localDateTime, zonedDateTime, duration,
             point, node, relationship, path, map
        /// A value a property can hold (`PROPERTY VALUE`): a scalar of a storable type, or a list of one
        /// storable type without nulls.
        case propertyValue
        /// A list whose elements all have the given type (`LIST<T>`, `ARRAY<T>`, `T LIST`).
        case list(ValueType)
        /// A closed dynamic union (`A | B`, `ANY<A | B>`): a value of any of the types.
        case union([ValueType])
    }

    /// The type without its nullability.
    public var kind: Kind
    /// Whether `null` belongs to the type (false when written `NOT NULL` or `!`).
    public var allowsNull: Bool

    /// Creates the type from its parts.
    public init(_ kind: Kind, allowsNull: Bool = true) {
        self.kind = kind
        self.allowsNull = allowsNull
    }

    /// The type with the manual's default names, e.g. `LIST<INTEGER NOT NULL>` or `INTEGER | STRING`.
    public var description: String {
        let suffix = allowsNull ? "" : " NOT NULL"
        switch kind {
        case .list(let element): return "LIST<\(element)>\(suffix)"
        case .union(let members): return members.map(\.description).joined(separator: " | ")
        default: return (Self.names[kind] ?? "ANY") + suffix
        }
    }

    /// The default name of each type that is not a list or a union.
    static let names: [Kind: String] = [
        .any: "ANY", .nothing: "NOTHING", .null: "NULL", .boolean: "BOOLEAN", .string: "STRING", .integer: "INTEGER",
        .float: "FLOAT", .date: "DATE", .localTime: "LOCAL TIME", .zonedTime: "ZONED TIME",
        .localDateTime: "LOCAL DATETIME", .zonedDateTime: "ZONED DATETIME", .duration: "DURATION", .point: "POINT",
        .node: "NODE", .relationship: "RELATIONSHIP", .path: "PATH", .map: "MAP", .propertyValue: "PROPERTY VALUE",
    ]
}
