/// openCypher's three comparison relations over values.
///
/// - *Equality* (`=`) is ternary: `null` when either side is `null`, or when lists and maps
///   can only be decided by a `null` inside them.
/// - *Comparability* (`<`, `<=`, …) is defined only within numbers, strings, booleans, lists and
///   one temporal kind (durations excepted);
///   otherwise the comparison is `null`.
/// - *Orderability* (`ORDER BY`) is total: maps < nodes < relationships < lists < paths < points < temporal
///   values (zoned date-time < local date-time < date < zoned time < local time < duration) < strings
///   < booleans < numbers < null, and NaN sorts after every other number.
/// - *Equivalence* (`DISTINCT`, grouping) is Swift's `==` on ``Value``: like equality, but `null`
///   is equivalent to `null` and NaN to NaN.
extension Value {
    /// openCypher equality: `true`, `false`, or `nil` for unknown (null).
    public func cypherEquals(_ other: Value) -> Bool? {
        // Integers first, without the copies of both values that the tuple switch makes.
        if case .int(let a) = self, case .int(let b) = other { return a == b }
        switch (self, other) {
        case (.null, _), (_, .null):
            return nil
        case (.int(let a), .int(let b)):
            return a == b
        case (.int, .float), (.float, .int), (.float, .float):
            return Value.compareNumbers(self, other).map { $0 == .equal }  ?? false
        case (.string(let a), .string(let b)):
            return a == b
        case (.bool(let a), .bool(let b)):
            return a == b
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return false }
            return Value.combineEquality(zip(a, b).lazy.map { $0.cypherEquals($1) })
        case (.map(let a), .map(let b)):
            guard a.count == b.count, a.keys.allSatisfy({ b[$0] != nil }) else { return false }
            return Value.combineEquality(a.lazy.map { key, value in value.cypherEquals(b[key] ?? .null) })
        case (.node(let a), .node(let b)):
            return a.id == b.id
        case (.relationship(let a), .relationship(let b)):
            return a.id == b.id
        case (.path(let a), .path(let b)):
            return a.nodes.map(\.id) == b.nodes.map(\.id)
                && a.relationships.map(\.id) == b.relationships.map(\.id)
        case (.temporal(let a), .temporal(let b)):
            return a == b
        case (.point(let a), .point(let b)):
            return a == b
        default:
            return false
        }
    }

    /// openCypher comparison for `<`, `<=`, `>`, `>=`: `nil` when the values are not comparable
    /// (different types, a null, or NaN against a number).
    public func cypherCompare(_ other: Value) -> Order? {
        if case .int(let a) = self, case .int(let b) = other { return Value.order(a, b) }
        switch (self, other) {
        case (.int, .int), (.int, .float), (.float, .int), (.float, .float):
            return Value.compareNumbers(self, other)
        case (.string(let a), .string(let b)):
            return Value.order(a, b)
        case (.bool(let a), .bool(let b)):
            return Value.order(a ? 1 : 0, b ? 1 : 0)
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) {
                guard let order = x.cypherCompare(y) else { return nil }
                if order != .equal { return order }
            }
            return Value.order(a.count, b.count)
        case (.temporal(let a), .temporal(let b)):
            return a.compare(b)
        default:
            return nil
        }
    }

    /// The total order used by `ORDER BY` (ascending).
    public func orderCompare(_ other: Value) -> Order {
        if case .int(let a) = self, case .int(let b) = other { return Value.order(a, b) }
        let (ra, rb) = (orderRank, other.orderRank)
        if ra != rb { return ra < rb ? .less : .greater }
        switch (self, other) {
        case (.int, _), (.float, _):
            let aNaN = numericValue?.isNaN ?? false
            let bNaN = other.numericValue?.isNaN ?? false
            if aNaN || bNaN { return aNaN == bNaN ? .equal : (aNaN ? .greater : .less) }
            return Value.compareNumbers(self, other) ?? .equal
        case (.string(let a), .string(let b)):
            return Value.order(a, b)
        case (.bool(let a), .bool(let b)):
            return Value.order(a ? 1 : 0, b ? 1 : 0)
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) {
                let order = x.orderCompare(y)
                if order != .equal { return order }
            }
            return Value.order(a.count, b.count)
        case (.map(let a), .map(let b)):
            let ka = a.keys.sorted(), kb = b.keys.sorted()
            let keyOrder = Value.list(ka.map(Value.string)).orderCompare(.list(kb.map(Value.string)))
            if keyOrder != .equal { return keyOrder }
            return Value.list(ka.map { a[$0] ?? .null }).orderCompare(.list(kb.map { b[$0] ?? .null }))
        case (.node(let a), .node(let b)):
            return Value.order(a.id, b.id)
        case (.relationship(let a), .relationship(let b)):
            return Value.order(a.id, b.id)
        case (.path(let a), .path(let b)):
            let ids = { (p: Path) in Value.list(p.nodes.map { .int(Int64($0.id)) } + p.relationships.map { .int(Int64($0.id)) }) }
            return ids(a).orderCompare(ids(b))
        case (.temporal(let a), .temporal(let b)):
            return a.orderCompare(b)
        case (.point(let a), .point(let b)):
            return a.orderCompare(b)
        default:
            return .equal
        }
    }

    /// The result of comparing two values.
    public enum Order: Sendable, Equatable {
        case less, equal, greater
    }

    private var orderRank: Int {
        switch self {
        case .map: 0
        case .node: 1
        case .relationship: 2
        case .list: 3
        case .path: 4
        case .point: 5
        case .temporal: 6
        case .string: 7
        case .bool: 8
        case .int, .float: 9
        case .null: 10
        }
    }

    private static func order<T: Comparable>(_ a: T, _ b: T) -> Order {
        a < b ? .less : (a == b ? .equal : .greater)
    }

    /// Folds element-wise equalities: any `false` wins, then any unknown, else `true`.
    private static func combineEquality<S: Sequence>(_ results: S) -> Bool? where S.Element == Bool? {
        var unknown = false
        for result in results {
            switch result {
            case .some(false): return false
            case .none: unknown = true
            case .some(true): continue
            }
        }
        return unknown ? nil : true
    }

    /// Compares numbers exactly, also an Int64 against a Double beyond 2^53; nil when NaN is involved.
    static func compareNumbers(_ a: Value, _ b: Value) -> Order? {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            return order(x, y)
        case (.float(let x), .float(let y)):
            if x.isNaN || y.isNaN { return nil }
            return order(x, y)
        case (.int(let x), .float(let y)):
            return compareIntToDouble(x, y)
        case (.float(let x), .int(let y)):
            return compareIntToDouble(y, x).map { $0 == .less ? .greater : ($0 == .greater ? .less : .equal) }
        default:
            return nil
        }
    }

    private static func compareIntToDouble(_ i: Int64, _ d: Double) -> Order? {
        if d.isNaN { return nil }
        if d >= 9.223372036854775808e18 { return .less }
        if d < -9.223372036854775808e18 { return .greater }
        let truncated = Int64(d.rounded(.towardZero))
        if i != truncated { return order(i, truncated) }
        let fraction = d - d.rounded(.towardZero)
        return fraction == 0 ? .equal : (fraction > 0 ? .less : .greater)
    }
}

extension Value: Equatable {
    /// Equivalence: equality where `null` matches `null` and NaN matches NaN (used by DISTINCT and grouping).
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null):
            return true
        case (.float(let a), .float(let b)) where a.isNaN && b.isNaN:
            return true
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0 == $1 }
        case (.map(let a), .map(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { $0 == value } ?? false }
        default:
            return lhs.cypherEquals(rhs) == true
        }
    }
}

extension Value: Hashable {
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0)
        case .bool(let b):
            hasher.combine(b)
        case .int(let i):
            hasher.combine(Double(i).bitPattern)
        case .float(let f):
            // Integral floats hash like the integer they equal; NaNs hash alike.
            hasher.combine(f.isNaN ? Double.nan.bitPattern : (f == 0 ? 0 : f).bitPattern)
        case .string(let s):
            hasher.combine(s)
        case .list(let l):
            hasher.combine(l.count)
            for element in l { hasher.combine(element) }
        case .map(let m):
            hasher.combine(m.count)
            for key in m.keys.sorted() {
                hasher.combine(key)
                hasher.combine(m[key])
            }
        case .node(let n):
            hasher.combine("node")
            hasher.combine(n.id)
        case .relationship(let r):
            hasher.combine("relationship")
            hasher.combine(r.id)
        case .path(let p):
            hasher.combine(p.nodes.map(\.id))
            hasher.combine(p.relationships.map(\.id))
        case .temporal(let t):
            hasher.combine(t)
        case .point(let p):
            hasher.combine(p)
        }
    }
}
