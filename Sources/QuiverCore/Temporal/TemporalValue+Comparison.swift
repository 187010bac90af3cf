/// Comparison of temporal values: values of one kind compare on the time line (zoned kinds by
/// their instant); different kinds, and durations, are not comparable.
extension TemporalValue {
    /// `<`/`>` semantics: nil when the values are of different kinds or are durations.
    public func compare(_ other: TemporalValue) -> Value.Order? {
        switch (self, other) {
        case (.date(let a), .date(let b)): return Self.order(a, b)
        case (.localTime(let a), .localTime(let b)): return Self.order(a, b)
        case (.localDateTime(let a), .localDateTime(let b)): return Self.order(a, b)
        case (.time, .time), (.dateTime, .dateTime): return Self.order(instantKey, other.instantKey)
        default: return nil
        }
    }

    /// `ORDER BY` semantics within temporal values: kinds in openCypher's order, then time line order,
    /// then the offset (so equal instants in different zones still sort deterministically).
    public func orderCompare(_ other: TemporalValue) -> Value.Order {
        if kindRank != other.kindRank { return kindRank < other.kindRank ? .less : .greater }
        if let order = compare(other), order != .equal { return order }
        switch (self, other) {
        case (.duration(let a), .duration(let b)):
            return Self.order([a.months, a.days, a.seconds, a.nanoseconds], [b.months, b.days, b.seconds, b.nanoseconds])
        default:
            return Self.order([Int64(offsetSeconds ?? 0)], [Int64(other.offsetSeconds ?? 0)])
        }
    }

    /// openCypher's order of temporal kinds within `ORDER BY`: zoned date-time first, duration last.
    var kindRank: Int {
        switch self {
        case .dateTime: 0
        case .localDateTime: 1
        case .date: 2
        case .time: 3
        case .localTime: 4
        case .duration: 5
        }
    }

    /// Seconds and nanoseconds on the UTC time line (for `time`, within a UTC day, possibly negative).
    private var instantKey: [Int64] {
        switch self {
        case .time(let t, let offset):
            return [t.secondOfDay - Int64(offset), Int64(t.nanosecond)]
        case .dateTime(let dt, let offset, _):
            return [dt.epochSecond - Int64(offset), Int64(dt.time.nanosecond)]
        default:
            return []
        }
    }

    private static func order<T: Comparable>(_ a: T, _ b: T) -> Value.Order {
        a < b ? .less : (a == b ? .equal : .greater)
    }

    private static func order(_ a: [Int64], _ b: [Int64]) -> Value.Order {
        for (x, y) in zip(a, b) where x != y { return x < y ? .less : .greater }
        return .equal
    }
}
