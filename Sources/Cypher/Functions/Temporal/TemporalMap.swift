import QuiverCore

/// A temporal value built from a map of components (`{year: 2015, week: 30, dayOfWeek: 2}`), where
/// entries `date`, `time` and `datetime` select the fields not given from another temporal value.
struct TemporalMap {
    let entries: [String: Value]

    init(_ entries: [String: Value]) { self.entries = entries }

    func build(_ kind: TemporalValue.Kind) throws(QueryError) -> TemporalValue {
        switch kind {
        case .date:
            return .date(try date(required: true) ?? LocalDate(year: 1970, month: 1, day: 1))
        case .localTime:
            return .localTime(try time().time)
        case .time:
            let (time, offset, _) = try time()
            return .time(time, offset: offset ?? 0)
        case .localDateTime:
            return .localDateTime(try localDateTime())
        case .dateTime:
            return try dateTime()
        case .duration:
            return .duration(try Self.duration(entries))
        }
    }

    // MARK: selection sources

    private func source(_ key: String) throws(QueryError) -> TemporalValue? {
        switch entries[key] {
        case nil, .null?: return nil
        case .temporal(let t)?: return t
        case let other?: throw .invalidArgumentType("`\(key)` must be a temporal value, not \(other.typeName)")
        }
    }

    private var dateSource: LocalDate? {
        get throws(QueryError) {
            if let date = try source("date")?.datePart { return date }
            return try source("datetime")?.datePart
        }
    }

    /// The value a time of day is selected from: `time`, else `datetime` (never `date`).
    private var timeSource: TemporalValue? {
        get throws(QueryError) {
            if let t = try source("time"), t.timePart != nil { return t }
            if let t = try source("datetime"), t.timePart != nil { return t }
            return nil
        }
    }

    private func integer(_ key: String) throws(QueryError) -> Int? {
        switch entries[key] {
        case nil, .null?: return nil
        case .int(let i)?: return Int(i)
        case .float(let f)? where f == f.rounded(): return Int(f)
        case let other?: throw .invalidArgumentType("`\(key)` must be an INTEGER, not \(other.typeName)")
        }
    }

    // MARK: date

    private func date(required: Bool) throws(QueryError) -> LocalDate? {
        let base = try dateSource
        let year = try integer("year")
        if let week = try integer("week") {
            guard let weekYear = year ?? base.map({ CivilCalendar.isoWeek($0).weekYear }) else { throw missing("year") }
            let baseDay = base.map { CivilCalendar.dayOfWeek(epochDay: $0.epochDay) }
            let dayOfWeek = try integer("dayOfWeek") ?? baseDay ?? 1
            try check(week >= 1 && week <= CivilCalendar.weeksInWeekYear(weekYear) && (1...7).contains(dayOfWeek), "week")
            return try checkedYear(LocalDate(epochDay: CivilCalendar.mondayOfWeek(weekYear: weekYear, week: week) + dayOfWeek - 1))
        }
        if let ordinal = try integer("ordinalDay") {
            guard let y = year ?? base?.year else { throw missing("year") }
            try check(ordinal >= 1 && ordinal <= (CivilCalendar.isLeapYear(y) ? 366 : 365), "ordinalDay")
            return LocalDate(epochDay: CivilCalendar.epochDay(year: y, month: 1, day: 1) + ordinal - 1)
        }
        if let quarter = try integer("quarter") {
            guard let y = year ?? base?.year else { throw missing("year") }
            let baseDayOfQuarter = base.map { $0.epochDay - CivilCalendar.quarterStart($0).epochDay + 1 }
            let dayOfQuarter = try integer("dayOfQuarter") ?? baseDayOfQuarter ?? 1
            try check((1...4).contains(quarter), "quarter")
            let start = LocalDate(year: y, month: (quarter - 1) * 3 + 1, day: 1)
            let end = CivilCalendar.addingMonths(3, to: start)
            try check(dayOfQuarter >= 1 && dayOfQuarter <= end.epochDay - start.epochDay, "dayOfQuarter")
            return LocalDate(epochDay: start.epochDay + dayOfQuarter - 1)
        }
        if let dayOfWeek = try integer("dayOfWeek"), let base {
            // Only the day of the week changes: move within base's ISO week.
            let week = CivilCalendar.isoWeek(base)
            let weekYear = year ?? week.weekYear
            try check((1...7).contains(dayOfWeek), "dayOfWeek")
            return LocalDate(epochDay: CivilCalendar.mondayOfWeek(weekYear: weekYear, week: week.week) + dayOfWeek - 1)
        }
        guard let y = year ?? base?.year else {
            if required { throw missing("year") }
            return nil
        }
        let month = try integer("month") ?? base?.month ?? 1
        let day = try integer("day") ?? base?.day ?? 1
        if try integer("day") != nil, try integer("month") == nil, base == nil { throw missing("month") }
        try check((1...12).contains(month), "month")
        try check(day >= 1 && day <= CivilCalendar.daysInMonth(year: y, month: month), "day")
        return try checkedYear(LocalDate(year: y, month: month, day: day))
    }

    // MARK: time

    /// The time of day, with the offset and zone it has (from `timezone` or the selected value).
    private func time() throws(QueryError) -> (time: LocalTime, offset: Int?, zone: String?) {
        let base = try timeSource
        let baseTime = base?.timePart
        let hour = try integer("hour") ?? baseTime?.hour
        let minute = try integer("minute") ?? baseTime?.minute
        let second = try integer("second") ?? baseTime?.second
        let fractionKeys = ["millisecond", "microsecond", "nanosecond"]
        var nanos = baseTime?.nanosecond ?? 0
        var fractionGiven = false
        for key in fractionKeys where try integer(key) != nil { fractionGiven = true }
        if fractionGiven {
            let ms = try integer("millisecond") ?? 0, us = try integer("microsecond") ?? 0, ns = try integer("nanosecond") ?? 0
            try check((0..<1000).contains(ms) && (0..<(entries["millisecond"] == nil ? 1_000_000 : 1000)).contains(us)
                      && ns >= 0 && ns < (entries["microsecond"] == nil && entries["millisecond"] == nil ? 1_000_000_000 : 1000), "nanosecond")
            nanos = ms * 1_000_000 + us * 1000 + ns
        }
        if minute == nil && second != nil { throw missing("minute") }
        let h = hour ?? 0, m = minute ?? 0, s = second ?? 0
        try check((0..<24).contains(h) && (0..<60).contains(m) && (0..<60).contains(s), "time")
        let time = LocalTime(hour: h, minute: m, second: s, nanosecond: nanos)
        var offset = base?.offsetSeconds
        var zone = base?.zoneName
        if case .string(let text)? = entries["timezone"] {
            let parsed = try TemporalZone.parse(text)
            if let offsetBefore = offset {
                // A zoned time given a new zone keeps its instant.
                var newOffset = parsed.offset ?? 0
                if parsed.offset == nil {
                    newOffset = try TemporalValue.zoneOffset(text, at: LocalDateTime(date: LocalDate(epochDay: 0), time: time))
                }
                let shifted = LocalTime(nanoOfDay: (time.nanoOfDay + Int64(newOffset - offsetBefore) * LocalTime.nanosPerSecond)
                    .floorModulo(LocalTime.nanosPerDay))
                return (shifted, newOffset, parsed.zone)
            }
            offset = parsed.offset
            zone = parsed.zone
        }
        return (time, offset, zone)
    }

    // MARK: date-times

    private func localDateTime() throws(QueryError) -> LocalDateTime {
        guard let date = try date(required: true) else { throw missing("year") }
        return LocalDateTime(date: date, time: try time().time)
    }

    private func dateTime() throws(QueryError) -> TemporalValue {
        if let epoch = try epochDateTime() { return epoch }
        guard let date = try date(required: true) else { throw missing("year") }
        let baseTime = try timeSource
        var fields = entries
        fields["timezone"] = nil
        let local = LocalDateTime(date: date, time: try TemporalMap(fields).time().time)
        // Selecting from a zoned value and naming a new zone converts the instant.
        if let base = baseTime, var baseOffset = base.offsetSeconds, case .string(let text)? = entries["timezone"] {
            if let baseZone = base.zoneName { baseOffset = try TemporalValue.zoneOffset(baseZone, at: local) }
            let parsed = try TemporalZone.parse(text)
            let instant = local.epochSecond - Int64(baseOffset)
            guard let newOffset = parsed.offset ?? TemporalZone.offset(zone: parsed.zone ?? "", atEpochSecond: instant) else {
                throw missing("timezone")
            }
            let moved = LocalDateTime(epochSecond: instant + Int64(newOffset), nanos: Int64(local.time.nanosecond))
            return .dateTime(moved, offset: newOffset, zone: parsed.zone)
        }
        let (_, offset, zone) = try time()
        if let zone { return try TemporalValue.zoned(local, offset: nil, zone: zone) }
        return .dateTime(local, offset: offset ?? 0, zone: nil)
    }

    /// `datetime({epochSeconds: …, nanosecond: …})` or `datetime({epochMillis: …})`, in UTC unless a timezone is given.
    private func epochDateTime() throws(QueryError) -> TemporalValue? {
        var seconds: Int64, nanos: Int64 = 0
        if let s = try integer("epochSeconds") {
            seconds = Int64(s)
        } else if let ms = try integer("epochMillis") {
            seconds = Int64(ms).floorDivided(by: 1000)
            nanos = Int64(ms).floorModulo(1000) * 1_000_000
        } else {
            return nil
        }
        nanos += Int64(try integer("millisecond") ?? 0) * 1_000_000 + Int64(try integer("microsecond") ?? 0) * 1000
            + Int64(try integer("nanosecond") ?? 0)
        var offset = 0
        var zone: String?
        if case .string(let text)? = entries["timezone"] {
            let parsed = try TemporalZone.parse(text)
            zone = parsed.zone
            offset = parsed.offset ?? TemporalZone.offset(zone: parsed.zone ?? "", atEpochSecond: seconds) ?? 0
        }
        return .dateTime(LocalDateTime(epochSecond: seconds + Int64(offset), nanos: nanos), offset: offset, zone: zone)
    }

    // MARK: duration

    /// A duration from `{years, quarters, months, weeks, days, hours, minutes, seconds, milliseconds,
    /// microseconds, nanoseconds}`; whole amounts are exact, fractions cascade into smaller units.
    static func duration(_ entries: [String: Value]) throws(QueryError) -> CypherDuration {
        let units: [(String, Int)] = [
            ("years", 0), ("quarters", 0), ("months", 0), ("weeks", 1), ("days", 1), ("hours", 2), ("minutes", 2),
            ("seconds", 2), ("milliseconds", 3), ("microseconds", 3), ("nanoseconds", 3),
        ]
        let scale: [String: Double] = [
            "years": 12, "quarters": 3, "months": 1, "weeks": 7, "days": 1, "hours": 3600, "minutes": 60,
            "seconds": 1, "milliseconds": 1e6, "microseconds": 1e3, "nanoseconds": 1,
        ]
        var whole: [Int64] = [0, 0, 0, 0]
        var fraction: [Double] = [0, 0, 0, 0]
        for key in entries.keys where scale[key] == nil {
            throw .runtime(.syntaxError, "InvalidArgumentValue", "duration() does not accept the key `\(key)`; use \(units.map(\.0).joined(separator: ", "))")
        }
        for (key, slot) in units {
            guard let value = entries[key], !value.isNull else { continue }
            let factor = scale[key] ?? 1
            switch value {
            case .int(let i): whole[slot] += i * Int64(factor)
            case .float(let f):
                let integral = f.rounded(.towardZero)
                whole[slot] += Int64(integral) * Int64(factor)
                fraction[slot] += (f - integral) * factor
            default: throw .invalidArgumentType("duration component `\(key)` must be a number, not \(value.typeName)")
            }
        }
        let exact = CypherDuration(months: whole[0], days: whole[1], seconds: whole[2], nanoseconds: whole[3])
        let cascaded = CypherDuration.fromComponents(months: fraction[0], days: fraction[1],
                                                     seconds: fraction[2] + fraction[3] / 1e9)
        return exact + cascaded
    }

    // MARK: checks

    private func check(_ condition: Bool, _ field: String) throws(QueryError) {
        if !condition {
            throw .runtime(.argumentError, "InvalidArgumentValue", "temporal component `\(field)` is out of range in \(Value.map(entries))")
        }
    }

    private func checkedYear(_ date: LocalDate) throws(QueryError) -> LocalDate {
        try check(abs(date.year) <= 999_999_999, "year")
        return date
    }

    private func missing(_ field: String) -> QueryError {
        .runtime(.syntaxError, "InvalidArgumentValue", "temporal map \(Value.map(entries)) needs `\(field)`")
    }
}
