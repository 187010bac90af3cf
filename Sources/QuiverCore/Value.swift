/// A value of the query model shared by Cypher, SQL results and the scorers.
///
/// Values follow openCypher's type system: integers and floats are distinct types
/// (`1` and `1.0` are equal but not identical), maps have string keys, and graph
/// entities are carried with their labels and properties so results can be printed
/// and compared without the store they came from.
///
/// ```swift
/// let row: [Value] = [.int(1), .string("Ann"), .list([.float(2.5), .null])]
/// ```
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case list([Value])
    case map([String: Value])
    case node(Node)
    case relationship(Relationship)
    case path(Path)
    /// A date, time, date-time or duration (see ``TemporalValue``).
    case temporal(TemporalValue)
    /// A spatial point (see ``Point``).
    case point(Point)
}

/// A node as a value: its identity, labels and properties at the time it was read.
public struct Node: Sendable {
    /// The store's dense id; two nodes are the same node when their ids are equal.
    public var id: Int
    public var labels: [String]
    public var properties: [String: Value]

    public init(id: Int, labels: [String], properties: [String: Value]) {
        self.id = id
        self.labels = labels
        self.properties = properties
    }
}

/// A relationship as a value: identity, type, endpoints and properties.
public struct Relationship: Sendable {
    public var id: Int
    public var type: String
    public var startID: Int
    public var endID: Int
    public var properties: [String: Value]

    public init(id: Int, type: String, startID: Int, endID: Int, properties: [String: Value]) {
        self.id = id
        self.type = type
        self.startID = startID
        self.endID = endID
        self.properties = properties
    }
}

/// An alternating sequence of nodes and relationships, starting and ending with a node.
///
/// `relationships.count == nodes.count - 1`; a zero-length path has one node.
public struct Path: Sendable {
    public var nodes: [Node]
    public var relationships: [Relationship]

    public init(nodes: [Node], relationships: [Relationship]) {
        self.nodes = nodes
        self.relationships = relationships
    }
}

extension Value {
    /// The openCypher type name, as used in error messages (`INTEGER`, `STRING`, …).
    public var typeName: String {
        switch self {
        case .null: "NULL"
        case .bool: "BOOLEAN"
        case .int: "INTEGER"
        case .float: "FLOAT"
        case .string: "STRING"
        case .list: "LIST"
        case .map: "MAP"
        case .node: "NODE"
        case .relationship: "RELATIONSHIP"
        case .path: "PATH"
        case .temporal(let t): t.typeName
        case .point: "POINT"
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value as a Double when it is a number.
    public var numericValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .float(let f): f
        default: nil
        }
    }
}

extension Value: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
