/// The components `t.year`, `t.offset`, `d.hours`, … that openCypher exposes on temporal values.
extension TemporalValue {
    /// The component named `name` (case-sensitive, as in openCypher), or nil when this kind has none.
    public func component(_ name: String) -> Value? {
        if case .duration(let d) = self { return Self.durationComponent(d, name) }
        if let date = datePart, let value = Self.dateComponent(date, name) { return .int(Int64(value)) }
        if let time = timePart, let value = Self.timeComponent(time, name) { return .int(Int64(value)) }
        if let offset = offsetSeconds, let value = zoneComponent(offset, name) { return value }
        return nil
    }

    private static func dateComponent(_ d: LocalDate, _ name: String) -> Int? {
        switch name {
        case "year": d.year
        case "quarter": (d.month - 1) / 3 + 1
        case "month": d.month
        case "week": CivilCalendar.isoWeek(d).week
        case "weekYear": CivilCalendar.isoWeek(d).weekYear
        case "day": d.day
        case "ordinalDay": CivilCalendar.ordinalDay(d)
        case "weekDay", "dayOfWeek": CivilCalendar.dayOfWeek(epochDay: d.epochDay)
        case "dayOfQuarter": d.epochDay - CivilCalendar.quarterStart(d).epochDay + 1
        default: nil
        }
    }

    private static func timeComponent(_ t: LocalTime, _ name: String) -> Int? {
        switch name {
        case "hour": t.hour
        case "minute": t.minute
        case "second": t.second
        case "millisecond": t.nanosecond / 1_000_000
        case "microsecond": t.nanosecond / 1_000
        case "nanosecond": t.nanosecond
        default: nil
        }
    }

    private func zoneComponent(_ offset: Int, _ name: String) -> Value? {
        switch name {
        case "timezone": return .string(zoneName ?? TemporalFormat.offset(offset))
        case "offset": return .string(TemporalFormat.offset(offset))
        case "offsetMinutes": return .int(Int64(offset / 60))
        case "offsetSeconds": return .int(Int64(offset))
        case "epochSeconds", "epochMillis":
            guard case .dateTime(let dt, _, _) = self else { return nil }
            let seconds = dt.epochSecond - Int64(offset)
            return .int(name == "epochSeconds" ? seconds : seconds * 1000 + Int64(dt.time.nanosecond / 1_000_000))
        default: return nil
        }
    }

    private static func durationComponent(_ d: CypherDuration, _ name: String) -> Value? {
        let nanos = d.nanoseconds
        let value: Int64
        switch name {
        case "years": value = d.months / 12
        case "quarters": value = d.months / 3
        case "months": value = d.months
        case "weeks": value = d.days / 7
        case "days": value = d.days
        case "hours": value = d.seconds / 3600
        case "minutes": value = d.seconds / 60
        case "seconds": value = d.seconds
        case "milliseconds": value = d.seconds * 1000 + nanos / 1_000_000
        case "microseconds": value = d.seconds * 1_000_000 + nanos / 1000
        case "nanoseconds": value = d.seconds * 1_000_000_000 + nanos
        case "quartersOfYear": value = d.months % 12 / 3
        case "monthsOfQuarter": value = d.months % 3
        case "monthsOfYear": value = d.months % 12
        case "daysOfWeek": value = d.days % 7
        case "minutesOfHour": value = d.seconds / 60 % 60
        case "secondsOfMinute": value = d.seconds % 60
        case "millisecondsOfSecond": value = nanos / 1_000_000
        case "microsecondsOfSecond": value = nanos / 1000
        case "nanosecondsOfSecond": value = nanos
        default: return nil
        }
        return .int(value)
    }
}
