/// How much memory a value holds, approximately, for memory budgets.
extension Value {
    /// The bytes a value occupies inline (in an array element or a row slot).
    @inlinable
    public static var inlineSize: Int { MemoryLayout<Value>.stride }

    /// Whether the value holds nothing beyond its inline bytes (no string, list, map or entity
    /// storage); checked without copying the value.
    @inlinable
    public var isInline: Bool {
        switch self {
        case .null, .bool, .int, .float, .temporal, .point: true
        default: false
        }
    }

    /// An estimate of the bytes this value holds: its inline size plus the storage its string,
    /// list, map, node, relationship or path points to (array and dictionary overheads included
    /// roughly). Good to within a small factor, which is what a memory budget needs.
    ///
    /// ```swift
    /// Value.list([1, 2, 3]).footprint   // about 4 × Value.inlineSize
    /// ```
    @inlinable
    public var footprint: Int {
        switch self {
        case .null, .bool, .int, .float, .temporal, .point:
            return Value.inlineSize
        case .string(let s):
            // Strings of up to 15 UTF-8 bytes are stored inline.
            let bytes = s.utf8.count
            return Value.inlineSize + (bytes > 15 ? bytes + 32 : 0)
        case .list(let items):
            var total = Value.inlineSize + 32
            for item in items { total += item.footprint }
            return total
        case .map(let entries):
            var total = Value.inlineSize + 48
            for (key, value) in entries { total += key.utf8.count + 24 + value.footprint }
            return total
        case .node(let node):
            return Value.inlineSize + 48 + node.labels.count * 24 + Value.map(node.properties).footprint
        case .relationship(let relationship):
            return Value.inlineSize + 64 + Value.map(relationship.properties).footprint
        case .path(let path):
            return Value.inlineSize + 64 + path.nodes.count * 64 + path.relationships.count * 80
        }
    }

    /// The depth of nested lists and maps in this value (0 for a scalar), counted only as far as
    /// `limit + 1` so that a deep value costs no more than `limit` levels to check.
    public func nestingDepth(limit: Int) -> Int {
        var deepest = 0
        var stack: [(Value, Int)] = [(self, 0)]
        while let (value, level) = stack.popLast() {
            switch value {
            case .list(let items):
                deepest = max(deepest, level + 1)
                if deepest > limit { return deepest }
                for item in items where item.isContainer { stack.append((item, level + 1)) }
            case .map(let entries):
                deepest = max(deepest, level + 1)
                if deepest > limit { return deepest }
                for item in entries.values where item.isContainer { stack.append((item, level + 1)) }
            default:
                continue
            }
        }
        return deepest
    }

    /// The number of elements when this is a list.
    public var listCount: Int? {
        if case .list(let items) = self { return items.count }
        return nil
    }

    /// Whether this is a map.
    public var isMap: Bool {
        if case .map = self { return true }
        return false
    }

    private var isContainer: Bool {
        switch self {
        case .list, .map: true
        default: false
        }
    }
}
