/// A CSV file for `importCSV`, with the labels (node files) or default relationship type
/// (relationship files) given on the command line.
///
/// ```swift
/// let people = CSVImportFile(argument: "Person=people.csv")   // labels "Person"
/// let knows = CSVImportFile(argument: "KNOWS=knows.csv")      // default type "KNOWS"
/// ```
public struct CSVImportFile: Sendable, Hashable {
    /// The file to read.
    public var path: String
    /// Labels added to every node of the file (node files), or the default type
    /// as the only element (relationship files without a `:TYPE` column).
    public var names: [String]

    /// A file with extra labels or a default type.
    public init(path: String, names: [String] = []) {
        self.path = path
        self.names = names
    }

    /// Parses Neo4j admin-import's `[Label1:Label2=]path` form.
    public init(argument: String) {
        if let equals = argument.firstIndex(of: "="), !argument[..<equals].contains("/") {
            path = String(argument[argument.index(after: equals)...])
            names = argument[..<equals].split(separator: ":").map(String.init)
        } else {
            path = argument
            names = []
        }
    }
}

/// What an import added.
public struct CSVImportSummary: Sendable, Hashable {
    /// Nodes added.
    public var nodes: Int
    /// Relationships added.
    public var relationships: Int

    /// A summary of `nodes` and `relationships` added.
    public init(nodes: Int, relationships: Int) {
        self.nodes = nodes
        self.relationships = relationships
    }
}

/// Import ids of one id space (`:ID(Group)`), mapped to store node ids.
struct IDSpace {
    var ints: [Int64: Int32] = [:]
    var strings: [String: Int32] = [:]
    /// When every id is a small non-negative integer: `dense[id]` is the node, or -1.
    var dense: [Int32] = []

    mutating func insert(_ field: CSVField, in scanner: CSVScanner, node: Int32) -> Bool {
        if let i = scanner.canonicalInt(field) {
            return ints.updateValue(node, forKey: i) == nil
        }
        return strings.updateValue(node, forKey: scanner.text(field)) == nil
    }

    /// Switches to a direct array when the ids are dense enough to make that cheap.
    mutating func finish() {
        guard strings.isEmpty, !ints.isEmpty, let low = ints.keys.min(), let high = ints.keys.max(),
            low >= 0, high < Int64(ints.count) * 4 + 1024
        else { return }
        var array = [Int32](repeating: -1, count: Int(high) + 1)
        for (id, node) in ints { array[Int(id)] = node }
        dense = array
    }

    @inline(__always)
    func lookup(_ field: CSVField, in scanner: CSVScanner) -> Int32? {
        if let i = scanner.canonicalInt(field) {
            if !dense.isEmpty {
                guard i >= 0, i < Int64(dense.count) else { return nil }
                let node = dense[Int(i)]
                return node >= 0 ? node : nil
            }
            return ints[i]
        }
        return strings[scanner.text(field)]
    }
}
