import QuiverCore

/// The in-memory property graph: nodes and relationships with dense integer ids, labels,
/// types, properties, adjacency in both directions, equality indexes and transactions.
///
/// Ids are dense and stable: a deleted node or relationship leaves a tombstone and its id is
/// never reused within the graph. Names (labels, relationship types, property keys) are
/// interned to small integer ids that the hot paths take directly.
///
/// ```swift
/// let graph = GraphStore()
/// let ann = graph.addNode(labels: ["Person"], properties: ["name": "Ann"])
/// let bob = graph.addNode(labels: ["Person"], properties: ["name": "Bob"])
/// let knows = try graph.addRelationship(type: "KNOWS", from: ann, to: bob)
/// graph.forEachNeighbor(of: ann, type: graph.typeID("KNOWS"), direction: .outgoing) { rel, other in
///     print(rel == knows, other == bob)
/// }
/// ```
///
/// Storage: liveness and per-label membership are bitsets; relationships are three `Int32`
/// columns (type, start, end) plus a CSR per direction whose rows are grouped by type, with a
/// per-node write buffer for edges added since the last compaction; properties are one typed
/// column per key (see ``PropertyColumn``).
///
/// Threading: a `GraphStore` belongs to one thread at a time (it is not `Sendable`). To read it
/// from many threads, take a ``snapshot()`` — an immutable, `Sendable` view of the committed
/// state that any number of threads can read while the owner goes on writing — or wrap the store
/// in a ``GraphDatabase``, which serialises writers and hands out snapshots.
public final class GraphStore {
    /// Which relationships of a node an expand follows.
    public enum Direction: Sendable, Hashable {
        /// Relationships that start at the node.
        case outgoing
        /// Relationships that end at the node.
        case incoming
        /// Both; a self-loop is reported once.
        case both

        /// The same relationships seen from the other endpoint.
        public var reversed: Direction {
            switch self {
            case .outgoing: .incoming
            case .incoming: .outgoing
            case .both: .both
            }
        }
    }

    // MARK: Names
    var labels = NameTable()
    var types = NameTable()
    var keys = NameTable()

    // MARK: Nodes
    /// Number of node ids handed out; ids are `0..<nodeIDLimit`.
    public internal(set) var nodeIDLimit = 0
    @usableFromInline var nodeAlive = BitSet()
    /// Live node count.
    public internal(set) var nodeCount = 0
    /// Per-node label bitsets, `labelStride` words per node.
    @usableFromInline var nodeLabelWords: [UInt64] = []
    @usableFromInline var labelStride = 1
    /// Per-label membership over node ids, and the matching counts.
    var labelMembers: [BitSet] = []
    @usableFromInline var labelCounts: [Int] = []

    // MARK: Relationships
    @usableFromInline var relType: [Int32] = []
    @usableFromInline var relStart: [Int32] = []
    @usableFromInline var relEnd: [Int32] = []
    @usableFromInline var relAlive = BitSet()
    /// Live relationship count.
    public internal(set) var relationshipCount = 0
    var typeCounts: [Int] = []
    @usableFromInline var outgoing = Adjacency()
    @usableFromInline var incoming = Adjacency()
    /// Deleted relationships still present in the adjacency (until the next compaction).
    @usableFromInline var deadInAdjacency = 0

    // MARK: Properties and indexes
    @usableFromInline var nodeColumns: [PropertyColumn] = []
    @usableFromInline var relColumns: [PropertyColumn] = []
    /// Equality indexes: the declared ones (``declaredIndexes``) and the automatic ones a write
    /// query built for a large label; both are maintained by every write.
    var indexes: [IndexKey: EqualityIndex] = [:]
    /// The indexes created with ``createIndex(label:key:)`` (DDL): the only ones listed, saved in
    /// snapshots and dropped by ``dropIndex(label:key:)``. The others are derived data.
    var declaredIndexes: Set<IndexKey> = []

    // MARK: Snapshots
    /// Whether this store is the frozen state behind a ``GraphSnapshot``: no write may touch it.
    public private(set) var isFrozen = false
    /// The snapshot of the current state, shared by reads until the next write drops it (so a
    /// write that follows reads copies nothing when no reader still holds the snapshot).
    var cachedSnapshot: GraphSnapshot?

    // MARK: Transactions
    var undoLog: [UndoEntry] = []
    var transactionMark: TransactionMark?
    var isUndoing = false
    /// How many transactions this store has opened: a read must never add one.
    package internal(set) var transactionsBegun = 0

    /// Compaction runs automatically once this many edges wait in the write buffer
    /// (or an eighth of the CSR, whichever is larger), outside transactions.
    public var compactionThreshold = 4096

    /// Creates an empty graph.
    public init() {}

    /// An independent copy of the graph, cheap to make: storage is shared copy-on-write until
    /// either graph is written. Fails inside a transaction (the copy would have no undo log).
    ///
    /// ```swift
    /// let scratch = try graph.copy()   // run an untrusted write query on `scratch`
    /// ```
    public func copy() throws -> GraphStore {
        try requireNoTransaction("copy")
        let other = GraphStore()
        other.assignState(from: self)
        return other
    }

    /// A frozen copy of `source`'s current state, for a ``GraphSnapshot``.
    init(freezing source: GraphStore) {
        assignState(from: source)
        isFrozen = true
    }

    /// Makes this graph's state equal to `source`'s (sharing storage copy-on-write).
    func assignState(from source: GraphStore) {
        willMutate()
        labels = source.labels; types = source.types; keys = source.keys
        nodeIDLimit = source.nodeIDLimit; nodeAlive = source.nodeAlive; nodeCount = source.nodeCount
        nodeLabelWords = source.nodeLabelWords; labelStride = source.labelStride
        labelMembers = source.labelMembers; labelCounts = source.labelCounts
        relType = source.relType; relStart = source.relStart; relEnd = source.relEnd; relAlive = source.relAlive
        relationshipCount = source.relationshipCount; typeCounts = source.typeCounts
        outgoing = source.outgoing; incoming = source.incoming; deadInAdjacency = source.deadInAdjacency
        nodeColumns = source.nodeColumns; relColumns = source.relColumns
        indexes = source.indexes; declaredIndexes = source.declaredIndexes
        compactionThreshold = source.compactionThreshold
    }

    /// Number of relationship ids handed out; ids are `0..<relationshipIDLimit`.
    public var relationshipIDLimit: Int { relType.count }

    /// Whether `node` is a live node id.
    @inlinable @inline(__always)
    public func isAlive(node: Int) -> Bool { node >= 0 && nodeAlive.contains(node) }

    /// Whether `relationship` is a live relationship id.
    @inlinable @inline(__always)
    public func isAlive(relationship: Int) -> Bool { relationship >= 0 && relAlive.contains(relationship) }

    // MARK: Interned names

    /// The id of a label, or nil if no node ever had it.
    public func labelID(_ name: String) -> Int? { labels.id(name) }
    /// The id of a label, interning it if new.
    public func internLabel(_ name: String) -> Int {
        if let id = labels.id(name) { return id }
        willMutate()
        let before = labels.count
        let id = labels.intern(name)
        if labels.count > before {
            labelMembers.append(BitSet())
            labelCounts.append(0)
            if labels.count > labelStride * 64 { widenLabelWords() }
        }
        return id
    }
    /// The name of label `id`.
    public func labelName(_ id: Int) -> String { labels.name(id) }
    /// All label names, indexed by label id.
    public var labelNames: [String] { labels.names }

    /// The id of a relationship type, or nil if unknown.
    public func typeID(_ name: String) -> Int? { types.id(name) }
    /// The id of a relationship type, interning it if new.
    public func internType(_ name: String) -> Int {
        if let id = types.id(name) { return id }
        willMutate()
        let id = types.intern(name)
        if typeCounts.count < types.count { typeCounts.append(0) }
        return id
    }
    /// The name of relationship type `id`.
    public func typeName(_ id: Int) -> String { types.name(id) }
    /// All relationship type names, indexed by type id.
    public var typeNames: [String] { types.names }

    /// The id of a property key, or nil if unknown.
    public func propertyKeyID(_ name: String) -> Int? { keys.id(name) }
    /// The id of a property key, interning it if new.
    public func internPropertyKey(_ name: String) -> Int {
        if let id = keys.id(name) { return id }
        willMutate()
        return keys.intern(name)
    }
    /// The name of property key `id`.
    public func propertyKeyName(_ id: Int) -> String { keys.name(id) }
    /// All property key names, indexed by key id.
    public var propertyKeyNames: [String] { keys.names }

    /// Re-lays the per-node label words when a label id no longer fits (more than 64·k labels).
    private func widenLabelWords() {
        let newStride = labelStride + 1
        var words = [UInt64](repeating: 0, count: nodeIDLimit * newStride)
        for node in 0..<nodeIDLimit {
            for w in 0..<labelStride { words[node * newStride + w] = nodeLabelWords[node * labelStride + w] }
        }
        nodeLabelWords = words
        labelStride = newStride
    }

    // MARK: Statistics

    /// Live nodes carrying label `label` (planner statistics).
    public func nodeCount(label: Int) -> Int { label < labelCounts.count ? labelCounts[label] : 0 }
    /// Live relationships of type `type` (planner statistics).
    public func relationshipCount(type: Int) -> Int { type < typeCounts.count ? typeCounts[type] : 0 }

    // MARK: Node structure

    /// Whether `node` carries `label`.
    @inlinable @inline(__always)
    public func hasLabel(node: Int, label: Int) -> Bool {
        guard node >= 0, node < nodeIDLimit, label >= 0, label < labelCounts.count else { return false }
        return nodeLabelWords[node &* labelStride &+ (label &>> 6)] & (1 &<< UInt64(label & 63)) != 0
    }

    /// The label ids of `node`, ascending (that is, in the order the labels were first used).
    public func labels(of node: Int) -> [Int] {
        guard node >= 0, node < nodeIDLimit else { return [] }
        var result: [Int] = []
        for w in 0..<labelStride {
            var word = nodeLabelWords[node * labelStride + w]
            while word != 0 {
                result.append(w * 64 + word.trailingZeroBitCount)
                word &= word - 1
            }
        }
        return result
    }

    /// The label names of `node`, in label-id order.
    public func labelNames(of node: Int) -> [String] { labels(of: node).map { labels.name($0) } }

    // MARK: Relationship structure

    /// The type id of `relationship`.
    @inlinable @inline(__always)
    public func relationshipType(_ relationship: Int) -> Int { Int(relType[relationship]) }
    /// The start node of `relationship`.
    @inlinable @inline(__always)
    public func startNode(of relationship: Int) -> Int { Int(relStart[relationship]) }
    /// The end node of `relationship`.
    @inlinable @inline(__always)
    public func endNode(of relationship: Int) -> Int { Int(relEnd[relationship]) }
    /// The endpoint of `relationship` that is not `node` (`node` itself for a self-loop).
    @inlinable @inline(__always)
    public func otherNode(of relationship: Int, from node: Int) -> Int {
        let start = Int(relStart[relationship])
        return start == node ? Int(relEnd[relationship]) : start
    }
}
