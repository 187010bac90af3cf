import QuiverCore

/// Values of one property for a batch of new entities (row `i` is entity `base + i`),
/// collected typed so a bulk load can hand whole arrays to the store.
struct ColumnBuilder: Sendable {
    var kind: PropertyColumn.Kind
    var present = BitSet()
    var count = 0
    var ints: [Int64] = []
    var floats: [Double] = []
    var strings: [String] = []
    var bools: [Bool] = []
    var values: [Value] = []

    init(kind: PropertyColumn.Kind, capacity: Int = 0) {
        self.kind = kind
        switch kind {
        case .int: ints.reserveCapacity(capacity)
        case .float: floats.reserveCapacity(capacity)
        case .string: strings.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        default: values.reserveCapacity(capacity)
        }
    }

    var rowCount: Int {
        switch kind {
        case .int: ints.count
        case .float: floats.count
        case .string: strings.count
        case .bool: bools.count
        default: values.count
        }
    }

    @inline(__always) mutating func appendInt(_ v: Int64) { present.insert(ints.count); ints.append(v); count += 1 }
    @inline(__always) mutating func appendFloat(_ v: Double) { present.insert(floats.count); floats.append(v); count += 1 }
    @inline(__always) mutating func appendString(_ v: String) { present.insert(strings.count); strings.append(v); count += 1 }
    @inline(__always) mutating func appendBool(_ v: Bool) { present.insert(bools.count); bools.append(v); count += 1 }

    /// Appends a row of any kind; a value that does not fit a typed builder turns it mixed.
    mutating func append(_ value: Value) {
        switch (kind, value) {
        case (_, .null): appendAbsent()
        case (.int, .int(let v)): appendInt(v)
        case (.float, .float(let v)): appendFloat(v)
        case (.string, .string(let v)): appendString(v)
        case (.bool, .bool(let v)): appendBool(v)
        case (.mixed, _), (.empty, _):
            if kind == .empty { kind = .mixed }
            present.insert(values.count); values.append(value); count += 1
        default:
            values = (0..<rowCount).map { present.contains($0) ? boxed($0) : .null }
            ints = []; floats = []; strings = []; bools = []
            kind = .mixed
            append(value)
        }
    }

    @inline(__always) mutating func appendAbsent() {
        switch kind {
        case .int: ints.append(0)
        case .float: floats.append(0)
        case .string: strings.append("")
        case .bool: bools.append(false)
        default: values.append(.null)
        }
    }

    func boxed(_ row: Int) -> Value {
        switch kind {
        case .int: .int(ints[row])
        case .float: .float(floats[row])
        case .string: .string(strings[row])
        case .bool: .bool(bools[row])
        default: values[row]
        }
    }
}

extension PropertyColumn {
    /// Stores the builder's rows at ids `base...`; whole arrays are moved when the layouts agree.
    mutating func install(_ builder: ColumnBuilder, base: Int) {
        guard builder.count > 0 else { return }
        let typedFit = (kind == .empty || kind == builder.kind) && builder.kind != .mixed && builder.kind != .empty
        guard typedFit else {
            builder.present.forEach { row in set(builder.boxed(row), at: base + row) }
            return
        }
        if base == 0 && count == 0 {
            self = .bulk(kind: builder.kind, present: builder.present, count: builder.count, ints: builder.ints,
                         floats: builder.floats, strings: builder.strings, bools: builder.bools)
            return
        }
        var merged = self
        merged.kindForBulk(builder.kind)
        switch builder.kind {
        case .int: Self.splice(&merged.ints, builder.ints, at: base, fill: 0)
        case .float: Self.splice(&merged.floats, builder.floats, at: base, fill: 0)
        case .string: Self.splice(&merged.strings, builder.strings, at: base, fill: "")
        case .bool: Self.splice(&merged.bools, builder.bools, at: base, fill: false)
        default: break
        }
        builder.present.forEach { row in merged.present.insert(base + row) }
        merged.addCount(builder.count)
        self = merged
    }

    private static func splice<T>(_ array: inout [T], _ rows: [T], at base: Int, fill: T) {
        if array.count < base { array.append(contentsOf: repeatElement(fill, count: base - array.count)) }
        if array.count > base { array.removeLast(array.count - base) }
        array.append(contentsOf: rows)
    }
}
