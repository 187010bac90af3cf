/// `+`, `-`, `*`, `/` involving temporal values: a duration moves an instant (months first, then
/// days, then the time part), durations add component-wise and scale by numbers.
public enum TemporalArithmetic {
    /// `a + b`, or nil when neither operand is temporal (so the caller reports the type error).
    public static func add(_ a: Value, _ b: Value) throws(QueryError) -> Value? {
        switch (a, b) {
        case (.temporal(.duration(let x)), .temporal(.duration(let y))):
            return .temporal(.duration(x + y))
        case (.temporal(let t), .temporal(.duration(let d))), (.temporal(.duration(let d)), .temporal(let t)):
            return .temporal(try shift(t, by: d))
        default:
            return nil
        }
    }

    /// `a - b`, or nil when the operands are not a temporal value and a duration.
    public static func subtract(_ a: Value, _ b: Value) throws(QueryError) -> Value? {
        switch (a, b) {
        case (.temporal(.duration(let x)), .temporal(.duration(let y))):
            return .temporal(.duration(x - y))
        case (.temporal(let t), .temporal(.duration(let d))):
            return .temporal(try shift(t, by: d.negated))
        default:
            return nil
        }
    }

    /// `duration * number` (either order), or nil.
    public static func multiply(_ a: Value, _ b: Value) -> Value? {
        switch (a, b) {
        case (.temporal(.duration(let d)), .int(let n)), (.int(let n), .temporal(.duration(let d))):
            return .temporal(.duration(CypherDuration(months: d.months * n, days: d.days * n,
                                                      seconds: d.seconds * n, nanoseconds: d.nanoseconds * n)))
        case (.temporal(.duration(let d)), .float(let f)), (.float(let f), .temporal(.duration(let d))):
            return .temporal(.duration(scaled(d, by: f)))
        default:
            return nil
        }
    }

    /// `duration / number`, or nil.
    public static func divide(_ a: Value, _ b: Value) throws(QueryError) -> Value? {
        guard case .temporal(.duration(let d)) = a, let divisor = b.numericValue else { return nil }
        if divisor == 0 {
            throw QueryError(.arithmeticError, code: "DivisionByZero", phase: .runtime, message: "duration divided by zero")
        }
        return .temporal(.duration(scaled(d, by: 1 / divisor)))
    }

    private static func scaled(_ d: CypherDuration, by factor: Double) -> CypherDuration {
        CypherDuration.fromComponents(months: Double(d.months) * factor, days: Double(d.days) * factor,
                                      seconds: (Double(d.seconds) + Double(d.nanoseconds) / 1e9) * factor)
    }

    /// `t` moved by `d`: each kind uses the parts of the duration it has fields for.
    public static func shift(_ t: TemporalValue, by d: CypherDuration) throws(QueryError) -> TemporalValue {
        switch t {
        case .date(let date):
            // A date has no time of day, so only whole days of the time part count.
            let extraDays = d.seconds / 86_400
            return .date(try checked(LocalDate(epochDay: CivilCalendar.addingMonths(d.months, to: date).epochDay
                                               + Int(d.days + extraDays))))
        case .localTime(let time):
            return .localTime(shift(time, by: d))
        case .time(let time, let offset):
            return .time(shift(time, by: d), offset: offset)
        case .localDateTime(let dt):
            return .localDateTime(try checked(shift(dt, by: d)))
        case .dateTime(let dt, let offset, let zone):
            guard let zone else { return .dateTime(try checked(shift(dt, by: d)), offset: offset, zone: nil) }
            // Months and days move the wall clock; the time part moves the instant.
            let daysMoved = shift(dt, by: CypherDuration(months: d.months, days: d.days))
            let midOffset = TemporalZone.offset(zone: zone, atLocal: daysMoved) ?? offset
            let instant = daysMoved.epochSecond - Int64(midOffset)
            let totalNanos = Int64(daysMoved.time.nanosecond) + d.nanoseconds
            let newInstant = instant + d.seconds + totalNanos.floorDivided(by: LocalTime.nanosPerSecond)
            let newOffset = TemporalZone.offset(zone: zone, atEpochSecond: newInstant) ?? midOffset
            let local = LocalDateTime(epochSecond: newInstant + Int64(newOffset),
                                      nanos: totalNanos.floorModulo(LocalTime.nanosPerSecond))
            return .dateTime(try checked(local), offset: newOffset, zone: zone)
        case .duration(let own):
            return .duration(own + d)
        }
    }

    static func shift(_ time: LocalTime, by d: CypherDuration) -> LocalTime {
        let secondsInDay = d.seconds.floorModulo(86_400)
        let nanos = time.nanoOfDay + secondsInDay * LocalTime.nanosPerSecond + d.nanoseconds
        return LocalTime(nanoOfDay: nanos.floorModulo(LocalTime.nanosPerDay))
    }

    static func shift(_ dt: LocalDateTime, by d: CypherDuration) -> LocalDateTime {
        let date = CivilCalendar.addingMonths(d.months, to: dt.date)
        let seconds = Int64(date.epochDay + Int(d.days)) * 86_400 + dt.time.secondOfDay + d.seconds
        let nanos = Int64(dt.time.nanosecond) + d.nanoseconds
        return LocalDateTime(epochSecond: seconds + nanos.floorDivided(by: LocalTime.nanosPerSecond),
                             nanos: nanos.floorModulo(LocalTime.nanosPerSecond))
    }

    static func checked(_ date: LocalDate) throws(QueryError) -> LocalDate {
        guard abs(date.year) <= 999_999_999 else {
            throw QueryError(.argumentError, code: "InvalidArgumentValue", phase: .runtime,
                             message: "date \(TemporalFormat.date(date)) is outside the supported years ±999,999,999")
        }
        return date
    }

    static func checked(_ dt: LocalDateTime) throws(QueryError) -> LocalDateTime {
        _ = try checked(dt.date)
        return dt
    }
}
