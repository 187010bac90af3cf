/// Interned names (labels, relationship types or property keys) mapped to dense small ids.
///
/// Ids are handed out in first-seen order and never change; a rollback may drop the names
/// interned inside the transaction, which are always the last ones.
struct NameTable: Sendable, Equatable {
    private(set) var names: [String] = []
    private var ids: [String: Int] = [:]

    init() {}

    init(names: [String]) {
        for name in names { _ = intern(name) }
    }

    var count: Int { names.count }

    func id(_ name: String) -> Int? { ids[name] }

    mutating func intern(_ name: String) -> Int {
        if let id = ids[name] { return id }
        let id = names.count
        names.append(name)
        ids[name] = id
        return id
    }

    func name(_ id: Int) -> String { names[id] }

    /// Drops the names interned after the table had `count` entries.
    mutating func truncate(to count: Int) {
        while names.count > count {
            let name = names.removeLast()
            ids[name] = nil
        }
    }

    static func == (lhs: NameTable, rhs: NameTable) -> Bool { lhs.names == rhs.names }
}
