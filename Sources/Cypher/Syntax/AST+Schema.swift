import QuiverCore

// Schema commands: the Neo4j 3/4/5 forms of CREATE / DROP of indexes and constraints, and
// SHOW INDEXES / SHOW CONSTRAINTS. They are statements of their own, never clauses of a query.

/// One statement of Cypher text: a query, or a schema command.
///
/// ```swift
/// let statement = try CypherParser.parseStatement("CREATE INDEX FOR (p:Person) ON (p.born)")
/// if case .schema(let command) = statement { command.range.start.line }   // 1
/// ```
public enum CypherStatement: Sendable, Hashable {
    /// A query (MATCH, CREATE, … and UNION).
    case query(Query)
    /// CREATE / DROP of an index or constraint, or SHOW INDEXES / CONSTRAINTS.
    case schema(SchemaCommand)

    /// Where the statement is in its text.
    public var range: SourceRange {
        switch self {
        case .query(let query): query.range
        case .schema(let command): command.range
        }
    }
}

/// A schema command, e.g. `CREATE CONSTRAINT IF NOT EXISTS FOR (p:Person) REQUIRE p.name IS UNIQUE`.
public struct SchemaCommand: Sendable, Hashable {
    /// What the command does.
    public enum Action: Sendable, Hashable {
        /// `CREATE … INDEX`.
        case createIndex(IndexDefinition)
        /// `CREATE CONSTRAINT`.
        case createConstraint(ConstraintDefinition)
        /// `DROP INDEX`.
        case dropIndex(SchemaDrop)
        /// `DROP CONSTRAINT`.
        case dropConstraint(SchemaDrop)
        /// `SHOW [kind] INDEXES`; `nil` kind shows all.
        case showIndexes(IndexDefinition.Kind?)
        /// `SHOW [kind] CONSTRAINTS`; `nil` kind shows all.
        case showConstraints(ConstraintDefinition.Kind?)
    }

    /// What the command does.
    public var action: Action
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(action: Action, range: SourceRange) {
        self.action = action
        self.range = range
    }

    /// Whether the command changes the schema (every form but SHOW).
    public var isWrite: Bool {
        switch action {
        case .showIndexes, .showConstraints: false
        default: true
        }
    }
}

/// What an index or constraint applies to: nodes with labels, or relationships with types.
public struct SchemaEntity: Sendable, Hashable {
    /// Nodes or relationships, named as `SHOW INDEXES` names them (`entityType`).
    public enum Kind: String, Sendable, Hashable {
        /// `FOR (n:Label)`.
        case node = "NODE"
        /// `FOR ()-[r:TYPE]-()`.
        case relationship = "RELATIONSHIP"
    }

    /// Nodes or relationships.
    public var kind: Kind
    /// The pattern's variable (`p` in `FOR (p:Person)`), `nil` in the `ON :Person(name)` form.
    public var variable: Variable?
    /// Labels (for nodes) or types (for relationships); several only in a full-text index
    /// (`(n:A|B)`), none in a lookup index.
    public var names: [String]
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(kind: Kind, variable: Variable?, names: [String], range: SourceRange) {
        self.kind = kind
        self.variable = variable
        self.names = names
        self.range = range
    }
}

/// A property an index or constraint covers, as written: `p.name`, or `name` in `ON :Person(name)`.
public struct SchemaProperty: Sendable, Hashable {
    /// The variable before the dot, `nil` in the `ON :Label(key)` form.
    public var variable: Variable?
    public var key: String
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(variable: Variable?, key: String, range: SourceRange) {
        self.variable = variable
        self.key = key
        self.range = range
    }
}

/// `CREATE [kind] INDEX [name] [IF NOT EXISTS] FOR … ON …` (or `ON :Label(key, …)`).
public struct IndexDefinition: Sendable, Hashable {
    /// The index kinds Neo4j names; `CREATE INDEX` alone is a range index.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case range = "RANGE"
        case text = "TEXT"
        case point = "POINT"
        case lookup = "LOOKUP"
        case fulltext = "FULLTEXT"
        case vector = "VECTOR"
        /// Neo4j 4's default kind, read as written.
        case btree = "BTREE"
    }

    public var kind: Kind
    public var name: String?
    public var ifNotExists: Bool
    public var entity: SchemaEntity
    /// The indexed properties; empty for a lookup index (`ON EACH labels(n)`).
    public var properties: [SchemaProperty]
    /// `OPTIONS {…}`, kept as written; the embedded engine has no index providers to configure.
    public var options: Expression?
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(kind: Kind, name: String?, ifNotExists: Bool, entity: SchemaEntity, properties: [SchemaProperty],
                options: Expression? = nil, range: SourceRange) {
        self.kind = kind
        self.name = name
        self.ifNotExists = ifNotExists
        self.entity = entity
        self.properties = properties
        self.options = options
        self.range = range
    }
}

/// `CREATE CONSTRAINT [name] [IF NOT EXISTS] FOR … REQUIRE … IS …` (or Neo4j 4's `ON … ASSERT …`).
public struct ConstraintDefinition: Sendable, Hashable {
    /// What the constraint requires of the properties.
    public enum Kind: Sendable, Hashable {
        /// `IS UNIQUE` (also `IS NODE UNIQUE`, `IS RELATIONSHIP UNIQUE`).
        case unique
        /// `IS NOT NULL`, or Neo4j 4's `ASSERT exists(n.key)`.
        case notNull
        /// `IS NODE KEY` / `IS KEY`: unique and not null together.
        case key
        /// `IS :: TYPE` / `IS TYPED TYPE`, with the type as written.
        case propertyType(String)

        /// Neo4j's name for the kind, as `SHOW CONSTRAINTS` reports it.
        public func name(for entity: SchemaEntity.Kind) -> String {
            let prefix = entity == .node ? "NODE" : "RELATIONSHIP"
            switch self {
            case .unique: return entity == .node ? "UNIQUENESS" : "RELATIONSHIP_UNIQUENESS"
            case .notNull: return "\(prefix)_PROPERTY_EXISTENCE"
            case .key: return "\(prefix)_KEY"
            case .propertyType: return "\(prefix)_PROPERTY_TYPE"
            }
        }
    }

    public var kind: Kind
    public var name: String?
    public var ifNotExists: Bool
    public var entity: SchemaEntity
    public var properties: [SchemaProperty]
    /// `OPTIONS {…}`, kept as written.
    public var options: Expression?
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(kind: Kind, name: String?, ifNotExists: Bool, entity: SchemaEntity, properties: [SchemaProperty],
                options: Expression? = nil, range: SourceRange) {
        self.kind = kind
        self.name = name
        self.ifNotExists = ifNotExists
        self.entity = entity
        self.properties = properties
        self.options = options
        self.range = range
    }
}

/// `DROP INDEX|CONSTRAINT name [IF EXISTS]`, or the Neo4j 3/4 form that repeats the definition.
public struct SchemaDrop: Sendable, Hashable {
    /// What to drop.
    public enum Target: Sendable, Hashable {
        case name(String)
        /// `DROP INDEX ON :Label(key)`.
        case index(IndexDefinition)
        /// `DROP CONSTRAINT ON (n:Label) ASSERT n.key IS UNIQUE`.
        case constraint(ConstraintDefinition)
    }

    public var target: Target
    public var ifExists: Bool
    /// Where this node is in the query text.
    public var range: SourceRange

    /// Creates the value from its parts.
    public init(target: Target, ifExists: Bool, range: SourceRange) {
        self.target = target
        self.ifExists = ifExists
        self.range = range
    }
}
