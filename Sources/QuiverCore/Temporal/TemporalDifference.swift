/// The duration between two temporal values (`duration.between`, `inMonths`, `inDays`, `inSeconds`).
///
/// A value without a date borrows the other's date, and a value without a zone is read in the
/// other's zone, so `localtime('04:00')` against a Stockholm date-time is 04:00 that day in Stockholm.
public enum TemporalDifference {
    public enum Unit: Sendable { case all, months, days, seconds }

    private struct Moment {
        var date: LocalDate?
        var time: LocalTime
        var offset: Int?
        var zone: String?

        init(_ t: TemporalValue) {
            date = t.datePart
            time = t.timePart ?? LocalTime(nanoOfDay: 0)
            offset = t.offsetSeconds
            zone = t.zoneName
        }

        var local: LocalDateTime { LocalDateTime(date: date ?? LocalDate(epochDay: 0), time: time) }

        /// Takes the missing date and zone from `other`.
        mutating func complete(from other: Moment) {
            if date == nil { date = other.date }
            if offset == nil, let otherOffset = other.offset {
                offset = other.zone.flatMap { TemporalZone.offset(zone: $0, atLocal: local) } ?? otherOffset
            }
        }
    }

    /// The duration from `a` to `b` in `unit`; nil when either is a duration.
    public static func between(_ a: TemporalValue, _ b: TemporalValue, unit: Unit) -> CypherDuration? {
        if case .duration = a { return nil }
        if case .duration = b { return nil }
        var start = Moment(a), end = Moment(b)
        let bothDated = start.date != nil && end.date != nil
        start.complete(from: end)
        end.complete(from: start)
        var endLocal = end.local
        if let startOffset = start.offset, let endOffset = end.offset, startOffset != endOffset {
            endLocal = TemporalArithmetic.shift(endLocal, by: CypherDuration(seconds: Int64(startOffset - endOffset)))
        }
        let startLocal = start.local
        guard bothDated, unit != .seconds else {
            if unit == .months || unit == .days { return bothDated ? nil : .zero }
            return nanosBetween(startLocal, endLocal)
        }
        if unit == .days { return CypherDuration(days: Int64(daysUntil(startLocal, endLocal))) }
        let months = monthsUntil(startLocal, endLocal)
        if unit == .months { return CypherDuration(months: months) }
        let afterMonths = TemporalArithmetic.shift(startLocal, by: CypherDuration(months: months))
        let days = daysUntil(afterMonths, endLocal)
        let afterDays = TemporalArithmetic.shift(afterMonths, by: CypherDuration(days: Int64(days)))
        let rest = nanosBetween(afterDays, endLocal)
        return CypherDuration(months: months, days: Int64(days), seconds: rest.seconds, nanoseconds: rest.nanoseconds)
    }

    private static func nanosBetween(_ a: LocalDateTime, _ b: LocalDateTime) -> CypherDuration {
        CypherDuration(seconds: b.epochSecond - a.epochSecond,
                       nanoseconds: Int64(b.time.nanosecond) - Int64(a.time.nanosecond))
    }

    /// The end date, moved one day toward the start when its time of day has not yet reached the start's.
    private static func adjustedEndDate(_ start: LocalDateTime, _ end: LocalDateTime) -> LocalDate {
        if end.date > start.date && end.time < start.time { return LocalDate(epochDay: end.date.epochDay - 1) }
        if end.date < start.date && end.time > start.time { return LocalDate(epochDay: end.date.epochDay + 1) }
        return end.date
    }

    /// Whole calendar months from `start` to `end`, truncated toward zero.
    private static func monthsUntil(_ start: LocalDateTime, _ end: LocalDateTime) -> Int64 {
        let endDate = adjustedEndDate(start, end)
        let startKey = (Int64(start.date.year) * 12 + Int64(start.date.month - 1)) * 32 + Int64(start.date.day)
        let endKey = (Int64(endDate.year) * 12 + Int64(endDate.month - 1)) * 32 + Int64(endDate.day)
        return (endKey - startKey) / 32
    }

    private static func daysUntil(_ start: LocalDateTime, _ end: LocalDateTime) -> Int {
        adjustedEndDate(start, end).epochDay - start.date.epochDay
    }
}
