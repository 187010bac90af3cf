import PropertyGraph
import QuiverCore

/// Runs one schema command on a graph and its catalog; the engine calls it inside the query's
/// transaction, so a command that fails leaves the graph's indexes as they were.
struct SchemaCommandExecution {
    let graph: GraphStore
    let catalog: SchemaCatalog

    func run(_ command: SchemaCommand) throws(QueryError) -> QueryResult {
        switch command.action {
        case .createIndex(let definition): return QueryResult(columns: [], rows: [], notes: [try create(definition)])
        case .createConstraint(let definition): return QueryResult(columns: [], rows: [], notes: [try create(definition)])
        case .dropIndex(let drop): return QueryResult(columns: [], rows: [], notes: [try dropIndex(drop)])
        case .dropConstraint(let drop): return QueryResult(columns: [], rows: [], notes: [try dropConstraint(drop)])
        case .showIndexes(let kind): return showIndexes(kind)
        case .showConstraints(let kind): return showConstraints(kind)
        }
    }

    // MARK: CREATE

    private func create(_ definition: IndexDefinition) throws(QueryError) -> String {
        let index = Self.index(definition)
        // A constraint's own index is the constraint's business: its name is caught below.
        let existing = catalog.indexes(in: graph).filter { $0.owningConstraint == nil }
        if let same = existing.first(where: { $0.name == index.name || $0.isEquivalent(to: index) }) {
            guard definition.ifNotExists else {
                throw failure(same.name == index.name ? "IndexWithNameAlreadyExists" : "EquivalentSchemaRuleAlreadyExists",
                              "an index like this already exists: `\(same.name)`; add IF NOT EXISTS to skip it", at: definition.range)
            }
            return "index `\(same.name)` already exists; nothing changed"
        }
        try checkNameIsFree(index.name, at: definition.range)
        if index.isGraphBacked { graph.createIndex(label: index.labelsOrTypes[0], key: index.properties[0]) }
        catalog.add(index)
        return index.isGraphBacked
            ? "created \(index.kind.rawValue) index `\(index.name)` on \(index.target)"
            : "recorded \(index.kind.rawValue) index `\(index.name)` on \(index.target); not used by the embedded engine, "
                + "whose indexes are RANGE indexes on one label and one property"
    }

    private func create(_ definition: ConstraintDefinition) throws(QueryError) -> String {
        let constraint = Self.constraint(definition)
        if let same = catalog.constraints.first(where: { $0.name == constraint.name || $0.isEquivalent(to: constraint) }) {
            guard definition.ifNotExists else {
                throw failure(same.name == constraint.name ? "ConstraintWithNameAlreadyExists" : "EquivalentSchemaRuleAlreadyExists",
                              "a constraint like this already exists: `\(same.name)`; add IF NOT EXISTS to skip it",
                              at: definition.range)
            }
            return "constraint `\(same.name)` already exists; nothing changed"
        }
        try checkNameIsFree(constraint.name, at: definition.range)
        let description = "\(constraint.kind.name(for: constraint.entity)) on \(constraint.target)"
        guard constraint.isEnforced else {
            catalog.add(constraint)
            return "recorded constraint `\(constraint.name)`: \(description); not enforced by the embedded engine, "
                + "which enforces node constraints on one property"
        }
        if constraint.kind != .notNull { graph.createIndex(label: constraint.labelOrType, key: constraint.properties[0]) }
        if let violation = ConstraintVerifier(graph: graph).firstViolation(of: constraint, among: nil) {
            throw QueryError(.constraintValidationFailed, code: "ConstraintCreationFailed", phase: .runtime,
                             message: "cannot create constraint `\(constraint.name)`: \(violation.message)", location: definition.range.start)
        }
        catalog.add(constraint)
        return "created constraint `\(constraint.name)`: \(description), enforced on writes"
    }

    /// Index and constraint names share one namespace, as in Neo4j.
    private func checkNameIsFree(_ name: String, at range: SourceRange) throws(QueryError) {
        if catalog.constraints.contains(where: { $0.name == name }) || catalog.indexes(in: graph).contains(where: { $0.name == name }) {
            throw failure("SchemaNameAlreadyUsed", "the name `\(name)` is already used by an index or constraint; choose another",
                          at: range)
        }
    }

    // MARK: DROP

    private func dropIndex(_ drop: SchemaDrop) throws(QueryError) -> String {
        let indexes = catalog.indexes(in: graph)
        let found: SchemaIndex?
        switch drop.target {
        case .name(let name): found = indexes.first { $0.name == name }
        case .index(let definition): found = indexes.first { $0.isEquivalent(to: Self.index(definition)) }
        case .constraint: found = nil
        }
        guard let index = found else {
            guard drop.ifExists else {
                throw failure("IndexDropFailed", "there is no such index; SHOW INDEXES lists them, IF EXISTS skips a missing one",
                              at: drop.range)
            }
            return "no such index; nothing dropped"
        }
        if let owner = index.owningConstraint {
            throw failure("IndexDropFailed", "index `\(index.name)` backs constraint `\(owner)`; drop the constraint instead",
                          at: drop.range)
        }
        catalog.removeIndex(named: index.name)
        releaseGraphIndex(label: index.labelsOrTypes.first, properties: index.properties, of: index.name, backed: index.isGraphBacked)
        return "dropped index `\(index.name)`"
    }

    private func dropConstraint(_ drop: SchemaDrop) throws(QueryError) -> String {
        let found: SchemaConstraint?
        switch drop.target {
        case .name(let name): found = catalog.constraints.first { $0.name == name }
        case .constraint(let definition): found = catalog.constraints.first { $0.isEquivalent(to: Self.constraint(definition)) }
        case .index: found = nil
        }
        guard let constraint = found else {
            guard drop.ifExists else {
                throw failure("ConstraintDropFailed",
                              "there is no such constraint; SHOW CONSTRAINTS lists them, IF EXISTS skips a missing one", at: drop.range)
            }
            return "no such constraint; nothing dropped"
        }
        catalog.removeConstraint(named: constraint.name)
        releaseGraphIndex(label: constraint.labelOrType, properties: constraint.properties, of: constraint.name,
                          backed: constraint.isEnforced && constraint.kind != .notNull)
        return "dropped constraint `\(constraint.name)`"
    }

    /// Drops the graph's equality index once nothing declared needs it any more.
    private func releaseGraphIndex(label: String?, properties: [String], of name: String, backed: Bool) {
        guard backed, let label, properties.count == 1,
              !catalog.needsGraphIndex(label: label, key: properties[0], excluding: name)
        else { return }
        graph.dropIndex(label: label, key: properties[0])
    }

    // MARK: SHOW

    private func showIndexes(_ kind: IndexDefinition.Kind?) -> QueryResult {
        let columns = ["id", "name", "state", "type", "entityType", "labelsOrTypes", "properties", "owningConstraint"]
        let rows = catalog.indexes(in: graph).filter { kind == nil || $0.kind == kind }.map { index -> [Value] in
            let label = index.labelsOrTypes.first.flatMap(graph.labelID)
            let key = index.properties.first.flatMap(graph.propertyKeyID)
            let online = index.isGraphBacked && label.flatMap { l in key.map { graph.hasDeclaredIndex(label: l, key: $0) } } == true
            return [.int(Int64(index.id)), .string(index.name), .string(online ? "ONLINE" : "RECORDED"),
                    .string(index.kind.rawValue), .string(index.entity.rawValue),
                    index.kind == .lookup ? .null : .list(index.labelsOrTypes.map(Value.string)),
                    index.kind == .lookup ? .null : .list(index.properties.map(Value.string)),
                    index.owningConstraint.map(Value.string) ?? .null]
        }
        return QueryResult(columns: columns, rows: rows)
    }

    private func showConstraints(_ kind: ConstraintDefinition.Kind?) -> QueryResult {
        let columns = ["id", "name", "type", "entityType", "labelsOrTypes", "properties", "ownedIndex", "enforced"]
        let rows = catalog.constraints.filter { kind == nil || $0.kind == kind }.map { constraint -> [Value] in
            let ownsIndex = constraint.kind == .unique || constraint.kind == .key
            return [.int(Int64(constraint.id)), .string(constraint.name), .string(constraint.kind.name(for: constraint.entity)),
                    .string(constraint.entity.rawValue), .list([.string(constraint.labelOrType)]),
                    .list(constraint.properties.map(Value.string)), ownsIndex ? .string(constraint.name) : .null,
                    .bool(constraint.isEnforced)]
        }
        return QueryResult(columns: columns, rows: rows)
    }

    // MARK: Definitions to catalog entries

    static func index(_ definition: IndexDefinition) -> SchemaIndex {
        let names = definition.entity.names, keys = definition.properties.map(\.key)
        let kind = definition.kind == .btree ? IndexDefinition.Kind.range : definition.kind
        let generated = (["index"] + names + keys + (kind == .range ? [] : [kind.rawValue.lowercased()])
            + (kind == .lookup ? [definition.entity.kind == .node ? "nodes" : "relationships"] : [])).joined(separator: "_")
        return SchemaIndex(id: 0, name: definition.name ?? generated, kind: kind, entity: definition.entity.kind,
                           labelsOrTypes: names, properties: keys)
    }

    static func constraint(_ definition: ConstraintDefinition) -> SchemaConstraint {
        let label = definition.entity.names.first ?? "", keys = definition.properties.map(\.key)
        let suffix: String
        switch definition.kind {
        case .unique: suffix = "unique"
        case .notNull: suffix = "not_null"
        case .key: suffix = "key"
        case .propertyType: suffix = "type"
        }
        let generated = (["constraint", label] + keys + [suffix]).joined(separator: "_")
        return SchemaConstraint(id: 0, name: definition.name ?? generated, kind: definition.kind, entity: definition.entity.kind,
                                labelOrType: label, properties: keys)
    }

    private func failure(_ code: String, _ message: String, at range: SourceRange) -> QueryError {
        QueryError(.semanticError, code: code, phase: .runtime, message: message, location: range.start)
    }
}

extension SchemaIndex {
    func isEquivalent(to other: SchemaIndex) -> Bool {
        kind == other.kind && entity == other.entity && labelsOrTypes == other.labelsOrTypes && properties == other.properties
    }

    var target: String {
        if labelsOrTypes.isEmpty { return entity == .node ? "every node's labels" : "every relationship's type" }
        let keys = properties.joined(separator: ", ")
        let names = labelsOrTypes.joined(separator: "|")
        return entity == .node ? ":\(names)(\(keys))" : "()-[:\(names)(\(keys))]-()"
    }
}

extension SchemaConstraint {
    func isEquivalent(to other: SchemaConstraint) -> Bool {
        kind == other.kind && entity == other.entity && labelOrType == other.labelOrType && properties == other.properties
    }
}
