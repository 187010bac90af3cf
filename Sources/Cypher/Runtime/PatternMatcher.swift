import PropertyGraph
import QuiverCore

/// A relationship type name with its store id looked up once it exists.
final class TypeRef {
    let name: String
    // Unchecked for the same reason as `PropertyKeyRef.id`.
    @exclusivity(unchecked) private var id: Int?

    init(_ name: String) { self.name = name }

    func resolve(in store: GraphStore) -> Int? {
        if let id { return id }
        id = store.typeID(name)
        return id
    }
}

/// The node constraints of one pattern element: labels and property equalities.
///
/// A class, so that running a step copies one reference per row, not its arrays.
final class NodeCheck {
    let slot: Int
    let labels: [LabelRef]
    let properties: [(PropertyKeyRef, Expr)]

    init(slot: Int, labels: [LabelRef], properties: [(PropertyKeyRef, Expr)]) {
        self.slot = slot
        self.labels = labels
        self.properties = properties
    }
}

/// The relationship constraints of one pattern element (a class, like ``NodeCheck``).
final class RelationshipSpec {
    let slot: Int
    /// Whether the slot was bound before this step (a relationship variable from an earlier clause).
    let bound: Bool
    /// Whether the bound value is needed (named variable or part of a named path).
    let bindValue: Bool
    let types: [TypeRef]
    let direction: GraphStore.Direction
    let properties: [(PropertyKeyRef, Expr)]

    init(slot: Int, bound: Bool, bindValue: Bool, types: [TypeRef], direction: GraphStore.Direction,
         properties: [(PropertyKeyRef, Expr)]) {
        self.slot = slot
        self.bound = bound
        self.bindValue = bindValue
        self.types = types
        self.direction = direction
        self.properties = properties
    }

    /// Calls `body(relationship, neighbour)` for every relationship of the spec's types at `node`, in
    /// `direction` (the spec's own when nil).
    @inline(__always)
    func forEachNeighbor(of node: Int, in store: GraphStore, direction: GraphStore.Direction? = nil, _ body: (Int, Int) -> Void) {
        let direction = direction ?? self.direction
        if types.isEmpty {
            store.forEachNeighbor(of: node, type: nil, direction: direction, body)
            return
        }
        for type in types {
            guard let id = type.resolve(in: store) else { continue }
            store.forEachNeighbor(of: node, type: id, direction: direction, body)
        }
    }
}

/// One instruction of a compiled pattern, run depth-first.
enum MatchStep {
    /// Bind a node slot to every node that passes the check.
    case scan(NodeCheck)
    /// Verify an already bound node slot.
    case check(NodeCheck)
    /// Follow one relationship from the node in slot `from`.
    case expand(from: Int, relationship: RelationshipSpec, to: NodeCheck, toBound: Bool)
    /// Follow `minimum...maximum` relationships (trail semantics), binding the list of relationships.
    case expandVariable(from: Int, relationship: RelationshipSpec, to: NodeCheck, toBound: Bool,
                        minimum: Int, maximum: Int, reversed: Bool)
    /// Keep the row only when the predicate is true.
    case filter(Expr)
    /// Bind a named path from its start node and relationship slots in written order.
    case path(slot: Int, start: Int, relationships: [Int])
    /// Bind the shortest path(s) between two bound nodes.
    case shortest(ShortestPathFinder)
    /// Count the relationships one expansion would follow into `countSlot` instead of binding each
    /// (count push-down: the rows would only be counted); rows with no match are dropped.
    case countExpand(from: Int, relationship: RelationshipSpec, to: NodeCheck, countSlot: Int)
    /// A WHERE conjunct on the node the preceding scan binds, run on its typed property column.
    case columnFilter(ColumnFilter)
    /// Count the trails a variable-length hop (`fallback`) would follow into `countSlot`.
    indirect case countTrails(from: Int, TrailCounter, fallback: [MatchStep], countSlot: Int)
    /// Repeat a quantified path pattern `((a)-[r]->(b)){m,n}` from a bound node (trail semantics),
    /// binding its end node and its group variables.
    case repeatTrail(RepeatTrail)
    /// Bind the group variables of a one-relationship quantified pattern from its relationship list.
    case unpackGroups(GroupUnpacking)
}

/// A compiled MATCH pattern: a list of steps run depth-first over a row buffer, so only complete
/// matches are copied out and relationship uniqueness (trail semantics) is a stack of ids.
final class PatternMatcher {
    let steps: [MatchStep]
    let width: Int
    /// Slots this pattern binds, set to null when an OPTIONAL MATCH finds nothing.
    let introduced: [Int]

    init(steps: [MatchStep], width: Int, introduced: [Int]) {
        self.steps = steps
        self.width = width
        self.introduced = introduced
    }

    /// Labels with at least this many nodes get an equality index on first lookup.
    static let autoIndexThreshold = 4096

    /// A cheap test run on each scanned start node before it is bound (top-k pushed into the scan).
    var scanPrefilter: ((Int, ExecutionContext) -> Bool)?

    /// Narrows the scanned start nodes to the ones that can matter (typed top-k selection).
    var scanSelector: ((inout [Int], ExecutionContext) -> Void)?

    typealias Emit = (inout [Value]) throws(QueryError) -> Void

    /// Calls `emit` with the row extended by each match.
    func forEachMatch(_ input: [Value], _ context: ExecutionContext, _ emit: Emit) throws(QueryError) {
        var row = input
        if row.count < width { row.append(contentsOf: repeatElement(.null, count: width - row.count)) }
        var used: [Int] = []
        try run(0, &row, &used, context, emit)
    }

    /// Whether at least one match exists.
    /// Whether at least one match exists; the search stops at the first.
    func exists(_ input: [Value], _ context: ExecutionContext) throws(QueryError) -> Bool {
        do {
            try forEachMatch(input, context) { (_: inout [Value]) throws(QueryError) in throw .enoughRows }
        } catch where error.isEnoughRows {
            return true
        }
        return false
    }

    func run(
        _ pc: Int, _ row: inout [Value], _ used: inout [Int], _ context: ExecutionContext, _ emit: Emit
    ) throws(QueryError) {
        try context.tick()
        guard pc < steps.count else { return try emit(&row) }
        let store = context.store
        switch steps[pc] {
        case .scan(let check):
            let prefilter = pc == 0 ? scanPrefilter : nil
            var nodes = candidates(check, &row, context)
            var resume = pc + 1
            while resume < steps.count, case .columnFilter(let filter) = steps[resume], filter.slot == check.slot {
                nodes = try filter.select(nodes, &row, context)
                resume += 1
            }
            if pc == 0, let scanSelector { scanSelector(&nodes, context) }
            for node in nodes {
                if let prefilter, !prefilter(node, context) { continue }
                guard try passes(node, check, row, context) else { continue }
                row[check.slot] = context.nodeReference(node)
                try run(resume, &row, &used, context, emit)
            }
            row[check.slot] = .null
        case .check(let check):
            guard let n = row[check.slot].boundNodeID, store.isAlive(node: n), try passes(n, check, row, context)
            else { return }
            try run(pc + 1, &row, &used, context, emit)
        case .filter(let predicate):
            guard case .bool(true) = try predicate.evaluate(row, context) else { return }
            try run(pc + 1, &row, &used, context, emit)
        case .countTrails(let from, let counter, let fallback, let countSlot):
            guard let source = row[from].boundNodeID else { return }
            var n = 0
            if let counted = try counter.count(from: source, avoiding: used, context) {
                n = counted
            } else {
                try PatternMatcher(steps: fallback, width: width, introduced: []).run(0, &row, &used, context) {
                    (_: inout [Value]) throws(QueryError) in n += 1
                }
            }
            guard n > 0 else { return }
            row[countSlot] = .int(Int64(n))
            try run(pc + 1, &row, &used, context, emit)
        case .columnFilter(let filter):
            guard case .bool(true) = try filter.fallback.evaluate(row, context) else { return }
            try run(pc + 1, &row, &used, context, emit)
        case .expand(let from, let rel, let to, let toBound):
            guard let source = row[from].boundNodeID else { return }
            if rel.bound {
                try expandBound(source, rel, to, toBound, pc, &row, &used, context, emit)
                return
            }
            var failure: QueryError?
            rel.forEachNeighbor(of: source, in: store) { relationship, neighbor in
                if failure != nil || used.contains(relationship) { return }
                do throws(QueryError) {
                    guard try relationshipPasses(relationship, rel, row, context),
                        try bindTarget(neighbor, to, toBound, &row, context)
                    else { return }
                    if rel.bindValue { row[rel.slot] = context.relationshipReference(relationship) }
                    used.append(relationship)
                    defer { used.removeLast() }
                    try run(pc + 1, &row, &used, context, emit)
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
            if !toBound { row[to.slot] = .null }
        case .expandVariable(let from, let rel, let to, let toBound, let minimum, let maximum, let reversed):
            guard let source = row[from].boundNodeID else { return }
            if rel.bound {
                try followList(source, rel, to, toBound, reversed, pc, &row, &used, context, emit)
                return
            }
            try expandVariable(source, rel, to, toBound, minimum, maximum, reversed, pc, &row, &used, context, emit)
            if !toBound { row[to.slot] = .null }
        case .path(let slot, let start, let relationships):
            row[slot] = try buildPath(start, relationships, row, context)
            try run(pc + 1, &row, &used, context, emit)
        case .countExpand(let from, let rel, let to, let countSlot):
            guard let source = row[from].boundNodeID else { return }
            let n = try countNeighbors(source, rel, to, row, used, context)
            guard n > 0 else { return }
            row[countSlot] = .int(Int64(n))
            try run(pc + 1, &row, &used, context, emit)
        case .repeatTrail(let repeated):
            try repeatTrail(repeated, pc, &row, &used, context, emit)
            if !repeated.toBound { row[repeated.to.slot] = .null }
        case .unpackGroups(let unpacking):
            unpackGroups(unpacking, &row, context)
            try run(pc + 1, &row, &used, context, emit)
        case .shortest(let finder):
            for path in try finder.paths(row, context) {
                finder.bind(path, into: &row, context)
                try run(pc + 1, &row, &used, context, emit)
            }
        }
    }

    /// Binds (or, when already bound, verifies) the target node of an expansion.
    @inline(__always)
    func bindTarget(_ node: Int, _ to: NodeCheck, _ toBound: Bool, _ row: inout [Value], _ context: ExecutionContext) throws(QueryError) -> Bool {
        if toBound { return row[to.slot].boundNodeID == node }
        row[to.slot] = context.nodeReference(node)
        return try passes(node, to, row, context)
    }

    func passes(_ node: Int, _ check: NodeCheck, _ row: [Value], _ context: ExecutionContext) throws(QueryError) -> Bool {
        let store = context.store
        for label in check.labels {
            guard let id = label.resolve(in: store), store.hasLabel(node: node, label: id) else { return false }
        }
        for (key, expected) in check.properties {
            guard let id = key.resolve(in: store) else { return false }
            let actual = store.nodeProperty(node, id)
            guard actual.cypherEquals(try expected.evaluate(row, context)) == true else { return false }
        }
        return true
    }

    func relationshipPasses(_ relationship: Int, _ spec: RelationshipSpec, _ row: [Value], _ context: ExecutionContext) throws(QueryError) -> Bool {
        let store = context.store
        if spec.bound, !spec.types.isEmpty {
            let type = store.relationshipType(relationship)
            guard spec.types.contains(where: { $0.resolve(in: store) == type }) else { return false }
        }
        for (key, expected) in spec.properties {
            guard let id = key.resolve(in: store) else { return false }
            let actual = store.relationshipProperty(relationship, id)
            guard actual.cypherEquals(try expected.evaluate(row, context)) == true else { return false }
        }
        return true
    }

    /// The nodes a scan starts from: an index hit, the rarest label's members, or every node.
    private func candidates(_ check: NodeCheck, _ row: inout [Value], _ context: ExecutionContext) -> [Int] {
        let store = context.store
        var best: Int?
        for label in check.labels {
            guard let id = label.resolve(in: store) else { return [] }
            if best.map({ store.nodeCount(label: id) < store.nodeCount(label: $0) }) ?? true { best = id }
        }
        if let best {
            for (key, expected) in check.properties {
                guard let keyID = key.resolve(in: store), let value = try? expected.evaluate(row, context) else { continue }
                // Adaptive indexing: an equality lookup on a large label uses an index built once,
                // as a primary-key index would serve it, instead of scanning each time. A read
                // builds it in its snapshot's cache (derived, shared by that snapshot's readers,
                // never saved); a write builds an automatic index its store maintains.
                if let snapshot = context.snapshot {
                    guard let hits = snapshot.indexedNodes(label: best, key: keyID, value: value,
                                                           minimumLabelSize: Self.autoIndexThreshold) else { continue }
                    return hits
                }
                if !store.hasIndex(label: best, key: keyID), store.nodeCount(label: best) >= Self.autoIndexThreshold {
                    store.createAutomaticIndex(label: best, key: keyID)
                }
                guard let hits = store.indexLookup(label: best, key: keyID, value: value) else { continue }
                return hits
            }
        }
        return store.nodeIDs(label: best)
    }

    private func buildPath(_ start: Int, _ relationships: [Int], _ row: [Value], _ context: ExecutionContext) throws(QueryError) -> Value {
        guard case .node(let first) = row[start] else { return .null }
        var nodes = [first]
        var rels: [Relationship] = []
        var current = first.id
        for slot in relationships {
            var hops: [Relationship] = []
            switch row[slot] {
            case .relationship(let r): hops = [r]
            case .list(let items):
                for case .relationship(let r) in items { hops.append(r) }
            default: return .null
            }
            for r in hops {
                current = r.startID == current ? r.endID : r.startID
                rels.append(r)
                nodes.append(Node(id: current, labels: [], properties: [:]))
            }
        }
        return .path(Path(nodes: nodes, relationships: rels))
    }
}

extension Value {
    /// The id of a node value, read in place: binding the whole `Node` would retain its labels
    /// and properties on every row.
    @inline(__always)
    var boundNodeID: Int? {
        if case .node(let n) = self { return n.id }
        return nil
    }
}
