/// The ISO 8601 text of temporal values, in the exact form Neo4j and the openCypher TCK print.
enum TemporalFormat {
    /// `2015-07-21`; years beyond four digits get a sign, as in `+10000-01-01`.
    static func date(_ d: LocalDate) -> String {
        var year: String
        if abs(d.year) < 1000 {
            year = (d.year < 0 ? "-" : "") + padded(abs(d.year), 4)
        } else {
            year = String(d.year)
            if d.year > 9999 { year = "+" + year }
        }
        return year + "-" + padded(d.month, 2) + "-" + padded(d.day, 2)
    }

    /// `21:40`, `21:40:32`, `21:40:32.142`: seconds only when non-zero, fractions in groups of three digits.
    static func time(_ t: LocalTime) -> String {
        var text = padded(t.hour, 2) + ":" + padded(t.minute, 2)
        if t.second != 0 || t.nanosecond != 0 {
            text += ":" + padded(t.second, 2) + fraction(Int64(t.nanosecond), trimmed: false)
        }
        return text
    }

    /// `Z`, `+01:00`, `-08:00`, `+01:00:30` (seconds only when non-zero).
    static func offset(_ seconds: Int) -> String {
        if seconds == 0 { return "Z" }
        let magnitude = abs(seconds)
        var text = (seconds < 0 ? "-" : "+") + padded(magnitude / 3600, 2) + ":" + padded(magnitude / 60 % 60, 2)
        if magnitude % 60 != 0 { text += ":" + padded(magnitude % 60, 2) }
        return text
    }

    /// `.5` (trimmed) or `.500` (groups of three), empty for zero.
    static func fraction(_ nanos: Int64, trimmed: Bool) -> String {
        guard nanos != 0 else { return "" }
        var digits = padded(Int(nanos), 9)
        if trimmed {
            while digits.hasSuffix("0") { digits.removeLast() }
        } else {
            while digits.count > 3 && digits.hasSuffix("000") { digits.removeLast(3) }
        }
        return "." + digits
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension TemporalValue: CustomStringConvertible {
    /// The ISO 8601 text: `2015-07-21`, `21:40:32.142+01:00`,
    /// `2015-07-21T21:40:32.142+01:00[Europe/Stockholm]`, `P1Y2M3DT4H`.
    public var description: String {
        switch self {
        case .date(let d):
            return TemporalFormat.date(d)
        case .localTime(let t):
            return TemporalFormat.time(t)
        case .time(let t, let offset):
            return TemporalFormat.time(t) + TemporalFormat.offset(offset)
        case .localDateTime(let dt):
            return TemporalFormat.date(dt.date) + "T" + TemporalFormat.time(dt.time)
        case .dateTime(let dt, let offset, let zone):
            let base = TemporalFormat.date(dt.date) + "T" + TemporalFormat.time(dt.time)
            if let zone {
                // A zone whose offset is fixed (`+01:00`) is written once, as the offset.
                return base + TemporalFormat.offset(offset) + "[\(zone)]"
            }
            return base + TemporalFormat.offset(offset)
        case .duration(let d):
            return d.description
        }
    }
}

extension TemporalValue {
    /// The UTC offset as text (`Z`, `+01:00`), for kinds that have one; empty otherwise.
    public var offsetText: String { offsetSeconds.map(TemporalFormat.offset) ?? "" }
}
