import PropertyGraph
import QuiverCore

/// CREATE: creates the pattern once per row.
final class CreateOperator: Operator {
    let parts: [PartCreation]

    init(_ parts: [PartCreation]) { self.parts = parts }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        var out = row
        for part in parts { try context.create(part, &out) }
        try next?.push(&out, context)
    }
}

/// MERGE: passes on every match of the pattern, or creates it when there is none.
final class MergeOperator: Operator {
    let matcher: PatternMatcher
    let creation: PartCreation
    let onCreate: [SetAction]
    let onMatch: [SetAction]

    init(matcher: PatternMatcher, creation: PartCreation, onCreate: [SetAction], onMatch: [SetAction]) {
        self.matcher = matcher
        self.creation = creation
        self.onCreate = onCreate
        self.onMatch = onMatch
    }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        var matches: [[Value]] = []
        try matcher.forEachMatch(row, context) { (match: inout [Value]) throws(QueryError) in matches.append(match) }
        if matches.isEmpty {
            var out = Expr.widened(row, matcher.width - 1)
            try context.create(creation, &out, forMerge: true)
            for action in onCreate { try action.apply(out, context) }
            try next?.push(&out, context)
            return
        }
        for var match in matches {
            for action in onMatch { try action.apply(match, context) }
            try next?.push(&match, context)
        }
    }
}

/// SET and REMOVE: applies each item to the row's entities.
final class SetOperator: Operator {
    let actions: [SetAction]

    init(_ actions: [SetAction]) { self.actions = actions }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        for action in actions { try action.apply(row, context) }
        try next?.push(&row, context)
    }
}

/// DELETE / DETACH DELETE: collects every row first, deletes relationships, then nodes, so a
/// node whose relationships are deleted by the same clause is not reported as still connected.
final class DeleteOperator: Operator {
    let expressions: [Expr]
    let detach: Bool
    private var rows: [[Value]] = []

    init(_ expressions: [Expr], detach: Bool) {
        self.expressions = expressions
        self.detach = detach
    }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        rows.append(row)
    }

    override func complete(_ context: ExecutionContext) throws(QueryError) {
        var nodes: [Int] = [], relationships: [Int] = []
        for row in rows {
            for expression in expressions {
                try collect(try expression.evaluate(row, context), &nodes, &relationships)
            }
        }
        let store = context.store
        do {
            for rel in relationships where store.isAlive(relationship: rel) {
                try store.deleteRelationship(rel)
                context.statistics.relationshipsDeleted += 1
            }
            for node in nodes where store.isAlive(node: node) {
                if detach {
                    let degree = store.degree(of: node, type: nil, direction: .both)
                    try store.detachDeleteNode(node)
                    context.statistics.relationshipsDeleted += degree
                } else {
                    try store.deleteNode(node)
                }
                context.statistics.nodesDeleted += 1
            }
        } catch {
            throw context.storeError(error)
        }
        let buffered = rows
        rows.removeAll()
        for var row in buffered { try next?.push(&row, context) }
        try next?.finish(context)
    }

    private func collect(_ value: Value, _ nodes: inout [Int], _ relationships: inout [Int]) throws(QueryError) {
        switch value {
        case .null: return
        case .node(let n): nodes.append(n.id)
        case .relationship(let r): relationships.append(r.id)
        case .path(let p):
            relationships.append(contentsOf: p.relationships.map(\.id))
            nodes.append(contentsOf: p.nodes.map(\.id))
        case .list(let items):
            for item in items { try collect(item, &nodes, &relationships) }
        default:
            throw .invalidArgumentType("DELETE needs a node, relationship or path, not \(value.typeName)")
        }
    }
}

/// One compiled SET or REMOVE item.
enum SetAction {
    case property(target: Expr, key: String, value: Expr?)
    case replace(target: Expr, value: Expr)
    case merge(target: Expr, value: Expr)
    case addLabels(target: Expr, labels: [String])
    case removeLabels(target: Expr, labels: [String])

    func apply(_ row: [Value], _ context: ExecutionContext) throws(QueryError) {
        let store = context.store
        do {
            switch self {
            case .property(let target, let key, let valueExpr):
                let entity = try target.evaluate(row, context)
                let value = try valueExpr?.evaluate(row, context) ?? .null
                try ExecutionContext.checkStorable(value, key)
                try setProperty(entity, key, value, context)
            case .replace(let target, let valueExpr), .merge(let target, let valueExpr):
                let entity = try target.evaluate(row, context)
                if entity.isNull { return }
                var map: [String: Value]
                switch try valueExpr.evaluate(row, context) {
                case .map(let m): map = m
                case .node(let n): map = try context.properties(ofNode: n.id)
                case .relationship(let r): map = try context.properties(ofRelationship: r.id)
                case .null: map = [:]
                case let other: throw QueryError.invalidArgumentType("SET needs a MAP, not \(other.typeName)")
                }
                if case .replace = self {
                    let existing: [String]
                    switch entity {
                    case .node(let n): existing = Array(try context.properties(ofNode: n.id).keys)
                    case .relationship(let r): existing = Array(try context.properties(ofRelationship: r.id).keys)
                    default: existing = []
                    }
                    for key in existing where map[key] == nil { map[key] = .null }
                }
                for key in map.keys.sorted() {
                    let value = map[key] ?? .null
                    try ExecutionContext.checkStorable(value, key)
                    try setProperty(entity, key, value, context)
                }
            case .addLabels(let target, let labels):
                guard case .node(let n) = try target.evaluate(row, context) else { return }
                try context.requireNode(n.id)
                for label in labels {
                    let had = store.labelID(label).map { store.hasLabel(node: n.id, label: $0) } ?? false
                    if !had {
                        try store.addLabel(label, to: n.id)
                        context.statistics.labelsAdded += 1
                    }
                }
            case .removeLabels(let target, let labels):
                guard case .node(let n) = try target.evaluate(row, context) else { return }
                try context.requireNode(n.id)
                for label in labels {
                    if let id = store.labelID(label), store.hasLabel(node: n.id, label: id) {
                        try store.removeLabel(id: id, from: n.id)
                        context.statistics.labelsRemoved += 1
                    }
                }
            }
        } catch let error as QueryError {
            throw error
        } catch {
            throw context.storeError(error)
        }
    }

    private func setProperty(_ entity: Value, _ key: String, _ value: Value, _ context: ExecutionContext) throws {
        let store = context.store
        switch entity {
        case .null: return
        case .node(let n):
            try context.requireNode(n.id)
            if value.isNull && store.nodeProperty(n.id, key).isNull { return }
            try store.setNodeProperty(n.id, key, value)
        case .relationship(let r):
            try context.requireRelationship(r.id)
            if value.isNull && store.relationshipProperty(r.id, key).isNull { return }
            try store.setRelationshipProperty(r.id, key, value)
        default:
            throw QueryError.invalidArgumentType("cannot set a property on \(entity.typeName)")
        }
        context.statistics.propertiesSet += 1
    }
}
