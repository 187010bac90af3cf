import PropertyGraph
import QuiverCore

/// Counts of the changes a query made, as the TCK's side-effect checks and `quiver cypher` report them.
public struct QueryStatistics: Sendable, Hashable {
    public var nodesCreated = 0
    public var nodesDeleted = 0
    public var relationshipsCreated = 0
    public var relationshipsDeleted = 0
    public var propertiesSet = 0
    public var labelsAdded = 0
    public var labelsRemoved = 0

    public init() {}

    /// Whether the query changed nothing.
    public var isEmpty: Bool { self == QueryStatistics() }
}

/// The state shared by the operators of one query run: the store, statistics and caches.
final class ExecutionContext: EntityReader {
    let store: GraphStore
    var statistics = QueryStatistics()
    let regexCache = RegexCache()
    let options: ExecutionOptions
    private var deadline: Deadline?
    /// Whether `deadline` is set: a constant, so the check per row needs no access to the variable.
    private let timed: Bool

    /// The snapshot a read runs on (`store` is its frozen state): lookups on large labels use the
    /// indexes it builds for its readers. Nil for a write, which may index its own store.
    let snapshot: GraphSnapshot?

    /// What the query may hold in memory, and holds now.
    let memory: MemoryBudget

    init(store: GraphStore, options: ExecutionOptions = ExecutionOptions(), snapshot: GraphSnapshot? = nil) {
        self.store = store
        self.snapshot = snapshot
        memory = MemoryBudget(limit: options.maxMemory)
        self.options = options
        deadline = Deadline(options.timeout)
        timed = deadline != nil
    }

    /// Counts one step of work and stops the query once it is past its timeout.
    @inline(__always)
    func tick() throws(QueryError) {
        if timed { try deadline?.tick() }
    }

    /// Counts one step of work like ``tick()``, and says (instead of throwing) whether the query
    /// is past its timeout: for tight recursive walks, which unwind by themselves and throw after.
    @inline(__always)
    func pastDeadline() -> Bool {
        guard timed else { return false }
        do { try deadline?.tick() } catch { return true }
        return false
    }

    /// Fails unless a value of `bytes` fits in the query's memory budget beside what it holds.
    @inline(__always)
    func requireRoom(_ bytes: Int, for what: @autoclosure () -> String) throws(QueryError) {
        try memory.requireRoom(bytes, for: what())
    }

    func labels(ofNode id: Int) throws(QueryError) -> [String] {
        try requireNode(id)
        return store.labelNames(of: id)
    }

    func properties(ofNode id: Int) throws(QueryError) -> [String: Value] {
        try requireNode(id)
        return store.nodeProperties(id)
    }

    func properties(ofRelationship id: Int) throws(QueryError) -> [String: Value] {
        try requireRelationship(id)
        return store.relationshipProperties(id)
    }

    func nodeReference(_ id: Int) -> Value {
        .node(Node(id: id, labels: [], properties: [:]))
    }

    /// A relationship reference: identity, type and endpoints, without properties.
    func relationshipReference(_ id: Int) -> Value {
        .relationship(relationshipRef(id))
    }

    func relationshipRef(_ id: Int) -> Relationship {
        Relationship(
            id: id, type: store.typeName(store.relationshipType(id)), startID: store.startNode(of: id),
            endID: store.endNode(of: id), properties: [:])
    }

    @inline(__always)
    func requireNode(_ id: Int) throws(QueryError) {
        if !store.isAlive(node: id) { throw .deletedEntityAccess("node \(id)") }
    }

    @inline(__always)
    func requireRelationship(_ id: Int) throws(QueryError) {
        if !store.isAlive(relationship: id) { throw .deletedEntityAccess("relationship \(id)") }
    }

    /// The value with every node, relationship and path reference replaced by its stored content.
    func materialize(_ value: Value) -> Value {
        switch value {
        case .node(let n): return .node(materialize(node: n))
        case .relationship(let r): return .relationship(materialize(relationship: r))
        case .path(let p):
            return .path(Path(nodes: p.nodes.map(materialize(node:)), relationships: p.relationships.map(materialize(relationship:))))
        case .list(let items): return .list(items.map(materialize))
        case .map(let entries): return .map(entries.mapValues(materialize))
        default: return value
        }
    }

    private func materialize(node: Node) -> Node {
        guard store.isAlive(node: node.id) else { return Node(id: node.id, labels: [], properties: [:]) }
        return store.node(node.id)
    }

    private func materialize(relationship: Relationship) -> Relationship {
        guard store.isAlive(relationship: relationship.id) else { return relationship }
        return store.relationship(relationship.id)
    }
}
