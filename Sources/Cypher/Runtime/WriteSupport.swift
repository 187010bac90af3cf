import PropertyGraph
import QuiverCore

/// A node to create (or reuse, when its variable is already bound).
struct NodeCreation {
    var slot: Int
    var existing: Bool
    var labels: [String]
    var properties: Expr?
}

/// A relationship to create from the node at `from` to the node at `to`.
struct RelationshipCreation {
    var slot: Int
    var type: String
    var from: Int
    var to: Int
    var properties: Expr?
}

/// One path of a CREATE or MERGE pattern, with the slots its elements bind.
struct PartCreation {
    var nodes: [NodeCreation]
    var relationships: [RelationshipCreation]
    var pathSlot: Int?
    var startSlot: Int
    var relationshipSlots: [Int]
}

extension ExecutionContext {
    /// Converts a store error into the matching openCypher error.
    func storeError(_ error: any Error) -> QueryError {
        if let error = error as? QueryError { return error }
        guard let error = error as? GraphStoreError else {
            return .runtime(.entityNotFound, "StoreError", "\(error)")
        }
        switch error {
        case .nodeHasRelationships:
            return .runtime(.constraintVerificationFailed, "DeleteConnectedNode", error.description)
        case .unsupportedPropertyValue:
            return .invalidPropertyType(error.description)
        case .nodeNotFound, .relationshipNotFound:
            return .deletedEntityAccess(error.description)
        default:
            return .runtime(.entityNotFound, "StoreError", error.description)
        }
    }

    /// The properties an expression gives as a map of non-null values, checked for storability.
    func propertyMap(_ expression: Expr?, _ row: [Value], forMerge: Bool = false) throws(QueryError) -> [(String, Value)] {
        guard let expression else { return [] }
        let value = try expression.evaluate(row, self)
        guard case .map(let map) = value else {
            if value.isNull { return [] }
            throw .invalidArgumentType("properties must be a MAP, not \(value.typeName)")
        }
        var out: [(String, Value)] = []
        for key in map.keys.sorted() {
            let v = map[key] ?? .null
            if v.isNull {
                if forMerge { throw .runtime(.semanticError, "MergeReadOwnWrites", "cannot MERGE with a null property `\(key)`") }
                continue
            }
            try Self.checkStorable(v, key)
            out.append((key, v))
        }
        return out
    }

    static func checkStorable(_ v: Value, _ key: String) throws(QueryError) {
        switch v {
        case .node, .relationship, .path, .map:
            throw .invalidPropertyType("property `\(key)` cannot hold a \(v.typeName)")
        case .list(let items):
            for item in items {
                switch item {
                case .null, .bool, .int, .float, .string, .temporal, .point: continue
                default: throw .invalidPropertyType("property `\(key)` cannot hold a list of \(item.typeName)")
                }
            }
        default: return
        }
    }

    /// Creates one pattern path for `row`, binding the new elements' slots.
    func create(_ part: PartCreation, _ row: inout [Value], forMerge: Bool = false) throws(QueryError) {
        let highest = max(part.nodes.map(\.slot).max() ?? 0, part.relationshipSlots.max() ?? 0, part.pathSlot ?? 0)
        if row.count <= highest { row.append(contentsOf: repeatElement(.null, count: highest - row.count + 1)) }
        for node in part.nodes {
            if node.existing {
                guard case .node(let n) = row[node.slot] else {
                    throw .invalidArgumentType("cannot create a relationship to \(row[node.slot].typeName)")
                }
                try requireNode(n.id)
                continue
            }
            let properties = try propertyMap(node.properties, row, forMerge: forMerge)
            let id = store.addNode(labels: node.labels, properties: Dictionary(properties, uniquingKeysWith: { $1 }))
            statistics.nodesCreated += 1
            statistics.labelsAdded += Set(node.labels).count
            statistics.propertiesSet += properties.count
            row[node.slot] = nodeReference(id)
        }
        for rel in part.relationships {
            guard case .node(let a) = row[rel.from], case .node(let b) = row[rel.to] else {
                throw .invalidArgumentType("cannot create a relationship between non-nodes")
            }
            let properties = try propertyMap(rel.properties, row, forMerge: forMerge)
            do {
                let id = try store.addRelationship(type: rel.type, from: a.id, to: b.id,
                                                   properties: Dictionary(properties, uniquingKeysWith: { $1 }))
                row[rel.slot] = relationshipReference(id)
            } catch {
                throw storeError(error)
            }
            statistics.relationshipsCreated += 1
            statistics.propertiesSet += properties.count
        }
        if let pathSlot = part.pathSlot {
            guard case .node(let first) = row[part.startSlot] else { return }
            var nodes = [first], rels: [Relationship] = []
            var current = first.id
            for slot in part.relationshipSlots {
                guard case .relationship(let r) = row[slot] else { continue }
                current = r.startID == current ? r.endID : r.startID
                rels.append(r)
                nodes.append(Node(id: current, labels: [], properties: [:]))
            }
            row[pathSlot] = .path(Path(nodes: nodes, relationships: rels))
        }
    }
}

extension QueryError {
    /// A value that cannot be stored as a property.
    static func invalidPropertyType(_ message: String) -> QueryError {
        .runtime(.typeError, "InvalidPropertyType", message)
    }
}
