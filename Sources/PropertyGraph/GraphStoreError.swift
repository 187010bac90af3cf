/// An error raised by the property graph store: a bad id, a constraint, a transaction misuse,
/// a bad import file or a damaged snapshot.
///
/// Every case says what was wrong and where; `description` reads as one line for a user.
public enum GraphStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The node id is out of range or deleted.
    case nodeNotFound(Int)
    /// The relationship id is out of range or deleted.
    case relationshipNotFound(Int)
    /// `deleteNode` on a node that still has relationships (use detach delete).
    case nodeHasRelationships(node: Int, count: Int)
    /// A property value of a kind the store cannot hold (nodes, relationships, paths).
    case unsupportedPropertyValue(key: String, typeName: String)
    /// `begin` inside a transaction, or `commit`/`rollback` outside one.
    case transactionState(String)
    /// A bad CSV import file: the file, the 1-based line, and what to fix.
    case importFailed(file: String, line: Int, message: String)
    /// A snapshot that cannot be read or written: the path and the reason.
    case snapshotFailed(path: String, message: String)

    /// The error as one line for a user: what, where, and what to do.
    public var description: String {
        switch self {
        case .nodeNotFound(let id): "node \(id) does not exist (deleted or never created)"
        case .relationshipNotFound(let id): "relationship \(id) does not exist (deleted or never created)"
        case .nodeHasRelationships(let node, let count):
            "node \(node) still has \(count) relationship(s); delete them first or use DETACH DELETE"
        case .unsupportedPropertyValue(let key, let typeName):
            "property `\(key)` cannot hold a value of type \(typeName); store scalars or lists"
        case .transactionState(let message): message
        case .importFailed(let file, let line, let message): "\(file):\(line): \(message)"
        case .snapshotFailed(let path, let message): "\(path): \(message)"
        }
    }
}
