import QuiverCore

/// One property key's values over all nodes (or all relationships), indexed by entity id.
///
/// A column starts typed (Int64, Double, String or Bool, with a null mask) and falls back to
/// a `Value` array the first time a value of another type (or a list or map) is stored, so
/// schemaless writes never fail while uniform columns stay compact and fast to scan.
public struct PropertyColumn: Sendable {
    /// The physical layout of a column.
    public enum Kind: UInt8, Sendable {
        case empty = 0, int = 1, float = 2, string = 3, bool = 4, mixed = 5
    }

    /// The current layout; `.mixed` columns keep every value in `values`.
    public internal(set) var kind: Kind = .empty
    /// Which entity ids have a value.
    @usableFromInline var present = BitSet()
    /// The number of entities with a value.
    public private(set) var count = 0
    @usableFromInline var ints: [Int64] = []
    @usableFromInline var floats: [Double] = []
    @usableFromInline var strings: [String] = []
    @usableFromInline var bools: [Bool] = []
    @usableFromInline var values: [Value] = []

    init() {}

    /// Whether entity `id` has a value.
    @inlinable @inline(__always)
    public func hasValue(_ id: Int) -> Bool { present.contains(id) }

    /// The value of entity `id`, or `.null`.
    @inlinable
    public func value(_ id: Int) -> Value {
        guard present.contains(id) else { return .null }
        switch kind {
        case .empty: return .null
        case .int: return .int(ints[id])
        case .float: return .float(floats[id])
        case .string: return .string(strings[id])
        case .bool: return .bool(bools[id])
        case .mixed: return values[id]
        }
    }

    /// The integer value of entity `id` when the column is all integers and `id` has one.
    @inlinable @inline(__always)
    public func int64(_ id: Int) -> Int64? {
        kind == .int && present.contains(id) ? ints[id] : nil
    }

    /// The float value of entity `id` when the column is all floats and `id` has one.
    @inlinable @inline(__always)
    public func double(_ id: Int) -> Double? {
        kind == .float && present.contains(id) ? floats[id] : nil
    }

    /// The string value of entity `id` when the column is all strings and `id` has one.
    @inlinable @inline(__always)
    public func string(_ id: Int) -> String? {
        kind == .string && present.contains(id) ? strings[id] : nil
    }

    /// The boolean value of entity `id` when the column is all booleans and `id` has one.
    @inlinable @inline(__always)
    public func bool(_ id: Int) -> Bool? {
        kind == .bool && present.contains(id) ? bools[id] : nil
    }

    /// Stores `value` for entity `id` (`.null` removes it) and returns the previous value.
    @discardableResult
    mutating func set(_ value: Value, at id: Int) -> Value {
        let old = self.value(id)
        if case .null = value {
            guard present.contains(id) else { return old }
            present.remove(id)
            count -= 1
            clearSlot(id)
            return old
        }
        if !present.contains(id) {
            present.insert(id)
            count += 1
        }
        store(value, at: id)
        return old
    }

    /// Drops the payload of a removed slot so strings and lists are released.
    private mutating func clearSlot(_ id: Int) {
        switch kind {
        case .string: strings[id] = ""
        case .mixed: values[id] = .null
        default: break
        }
    }

    private mutating func store(_ value: Value, at id: Int) {
        if kind == .empty { kind = Self.kind(of: value) }
        switch (kind, value) {
        case (.int, .int(let v)): grow(&ints, to: id, fill: 0); ints[id] = v
        case (.float, .float(let v)): grow(&floats, to: id, fill: 0); floats[id] = v
        case (.string, .string(let v)): grow(&strings, to: id, fill: ""); strings[id] = v
        case (.bool, .bool(let v)): grow(&bools, to: id, fill: false); bools[id] = v
        case (.mixed, _): grow(&values, to: id, fill: .null); values[id] = value
        default:
            becomeMixed()
            grow(&values, to: id, fill: .null)
            values[id] = value
        }
    }

    private func grow<T>(_ array: inout [T], to id: Int, fill: T) {
        if array.count <= id {
            array.reserveCapacity(Swift.max(id + 1, array.count * 2))
            array.append(contentsOf: repeatElement(fill, count: id + 1 - array.count))
        }
    }

    private mutating func becomeMixed() {
        var boxed: [Value] = []
        let length = Swift.max(ints.count, floats.count, strings.count, bools.count)
        boxed.reserveCapacity(length)
        for id in 0..<length { boxed.append(present.contains(id) ? value(id) : .null) }
        values = boxed
        ints = []; floats = []; strings = []; bools = []
        kind = .mixed
    }

    static func kind(of value: Value) -> Kind {
        switch value {
        case .int: .int
        case .float: .float
        case .string: .string
        case .bool: .bool
        case .null: .empty
        default: .mixed
        }
    }

    /// The layout the stored values would get if written afresh; snapshots use it so that a
    /// column that went mixed and back (say, through a rollback) still saves the same bytes.
    func canonicalKind() -> Kind {
        guard kind == .mixed else { return count == 0 ? .empty : kind }
        var result: Kind = .empty
        var uniform = true
        present.forEach { id in
            guard uniform else { return }
            let k = Self.kind(of: values[id])
            if result == .empty { result = k } else if k != result { uniform = false }
        }
        return uniform && result != .empty ? result : (count == 0 ? .empty : .mixed)
    }

    /// Calls `body` with every entity id that has a value, in increasing order.
    func forEachPresent(_ body: (Int) throws -> Void) rethrows { try present.forEach(body) }

    mutating func kindForBulk(_ newKind: Kind) { if kind == .empty { kind = newKind } }

    mutating func addCount(_ added: Int) { count += added }

    /// Builds a column directly from typed arrays (bulk load); `present` marks which slots hold values.
    static func bulk(kind: Kind, present: BitSet, count: Int, ints: [Int64] = [], floats: [Double] = [],
                     strings: [String] = [], bools: [Bool] = [], values: [Value] = []) -> PropertyColumn {
        var column = PropertyColumn()
        column.kind = count == 0 ? .empty : kind
        column.present = present
        column.count = count
        column.ints = ints; column.floats = floats; column.strings = strings
        column.bools = bools; column.values = values
        return column
    }
}
