import Foundation
import PropertyGraph
import QuiverCore

/// The indexes and constraints that schema commands declared on one graph.
///
/// The graph itself keeps equality indexes (one label, one property) and uses them for lookups;
/// the catalog adds what the graph has no place for: names, index kinds, and constraints.
/// Single-property node constraints (`IS UNIQUE`, `IS NOT NULL`, `IS NODE KEY`) are enforced on
/// every write query run with this catalog; other constraints are recorded and reported as not
/// enforced. The catalog lives as long as the caller keeps it: snapshots store the graph's
/// indexes, not constraints.
///
/// ```swift
/// let graph = GraphStore(), schema = SchemaCatalog()
/// _ = try CypherEngine.execute("CREATE CONSTRAINT FOR (p:Person) REQUIRE p.name IS UNIQUE", on: graph, schema: schema)
/// _ = try CypherEngine.execute("CREATE (:Person {name: 'Ann'}), (:Person {name: 'Ann'})", on: graph, schema: schema)
/// // throws ConstraintValidationFailed; the graph is unchanged
/// ```
// @unchecked: every stored property is read and written under `lock`.
public final class SchemaCatalog: @unchecked Sendable {
    private let lock = NSLock()
    private var storedIndexes: [SchemaIndex] = []
    private var storedConstraints: [SchemaConstraint] = []
    private var nextID = 1

    /// Creates an empty catalog.
    public init() {}

    /// The constraints, in the order they were created.
    public var constraints: [SchemaConstraint] { lock.withLock { storedConstraints } }

    /// The indexes declared with `CREATE INDEX`, in the order they were created.
    public var declaredIndexes: [SchemaIndex] { lock.withLock { storedIndexes } }

    /// Every index of `graph` as `SHOW INDEXES` lists it: the declared ones, those that back a
    /// uniqueness or key constraint, and equality indexes the graph holds without a declaration
    /// (made through the API or loaded from a snapshot).
    public func indexes(in graph: GraphStore) -> [SchemaIndex] {
        let (declared, constraints) = lock.withLock { (storedIndexes, storedConstraints) }
        var all = declared
        for constraint in constraints where constraint.kind == .unique || constraint.kind == .key {
            all.append(SchemaIndex(id: constraint.id, name: constraint.name, kind: .range, entity: constraint.entity,
                                   labelsOrTypes: [constraint.labelOrType], properties: constraint.properties,
                                   owningConstraint: constraint.name))
        }
        for definition in graph.indexDefinitions
        where !all.contains(where: { $0.coversGraphIndex(label: definition.label, key: definition.key) }) {
            all.append(SchemaIndex(id: 0, name: "index_\(definition.label)_\(definition.key)", kind: .range, entity: .node,
                                   labelsOrTypes: [definition.label], properties: [definition.key]))
        }
        return all
    }

    // MARK: Changes, called by the engine inside the query's transaction

    /// Records `index` (the caller has already created its graph index, when it has one).
    func add(_ index: SchemaIndex) {
        var index = index
        lock.withLock {
            index.id = takeID()
            storedIndexes.append(index)
        }
    }

    /// Records `constraint` (the caller has already checked the graph satisfies it).
    func add(_ constraint: SchemaConstraint) {
        var constraint = constraint
        lock.withLock {
            constraint.id = takeID()
            storedConstraints.append(constraint)
        }
    }

    /// The next id for a new entry; called with the lock held.
    private func takeID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    func removeIndex(named name: String) {
        lock.withLock { storedIndexes.removeAll { $0.name == name } }
    }

    func removeConstraint(named name: String) {
        lock.withLock { storedConstraints.removeAll { $0.name == name } }
    }

    /// Whether any index or constraint other than the one named `excluded` still needs the graph's
    /// equality index on (`label`, `key`).
    func needsGraphIndex(label: String, key: String, excluding excluded: String) -> Bool {
        lock.withLock {
            storedIndexes.contains { $0.name != excluded && $0.coversGraphIndex(label: label, key: key) }
                || storedConstraints.contains { $0.name != excluded && $0.isEnforced && $0.labelOrType == label && $0.properties == [key] }
        }
    }
}

/// One index as `SHOW INDEXES` lists it.
public struct SchemaIndex: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var kind: IndexDefinition.Kind
    public var entity: SchemaEntity.Kind
    /// Labels or relationship types; empty for a lookup index.
    public var labelsOrTypes: [String]
    public var properties: [String]
    /// The constraint this index backs, if any.
    public var owningConstraint: String?

    /// Creates the value from its parts.
    public init(id: Int, name: String, kind: IndexDefinition.Kind, entity: SchemaEntity.Kind, labelsOrTypes: [String],
                properties: [String], owningConstraint: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.entity = entity
        self.labelsOrTypes = labelsOrTypes
        self.properties = properties
        self.owningConstraint = owningConstraint
    }

    /// Whether the graph can hold this index: a range index on one label and one property
    /// (the only kind the store's equality indexes implement).
    public var isGraphBacked: Bool {
        (kind == .range || kind == .btree) && entity == .node && labelsOrTypes.count == 1 && properties.count == 1
    }

    func coversGraphIndex(label: String, key: String) -> Bool {
        isGraphBacked && labelsOrTypes == [label] && properties == [key]
    }
}

/// One constraint as `SHOW CONSTRAINTS` lists it.
public struct SchemaConstraint: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var kind: ConstraintDefinition.Kind
    public var entity: SchemaEntity.Kind
    public var labelOrType: String
    public var properties: [String]

    /// Creates the value from its parts.
    public init(id: Int, name: String, kind: ConstraintDefinition.Kind, entity: SchemaEntity.Kind, labelOrType: String,
                properties: [String]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.entity = entity
        self.labelOrType = labelOrType
        self.properties = properties
    }

    /// Whether writes are checked against it: node constraints on one property, other than
    /// property types. The rest (composite keys, relationship constraints, types) are recorded only.
    public var isEnforced: Bool {
        if case .propertyType = kind { return false }
        return entity == .node && properties.count == 1
    }

    /// `:Person(name)` or `()-[:ACTED_IN(role)]-()`, for messages.
    var target: String {
        let keys = properties.joined(separator: ", ")
        return entity == .node ? ":\(labelOrType)(\(keys))" : "()-[:\(labelOrType)(\(keys))]-()"
    }
}
