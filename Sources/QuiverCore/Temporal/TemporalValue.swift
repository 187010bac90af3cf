/// A temporal value of openCypher: a date, a time of day, a date and time, or a duration.
///
/// Local kinds carry no time zone; `time` carries a UTC offset; `dateTime` carries an offset and,
/// when it was built from a named zone (`Europe/Stockholm`), that zone's identifier too.
///
/// ```swift
/// let day = TemporalValue.date(LocalDate(year: 2015, month: 7, day: 21))
/// day.description   // "2015-07-21"
/// ```
public enum TemporalValue: Sendable, Hashable {
    case date(LocalDate)
    case localTime(LocalTime)
    case time(LocalTime, offset: Int)
    case localDateTime(LocalDateTime)
    case dateTime(LocalDateTime, offset: Int, zone: String?)
    case duration(CypherDuration)

    /// The openCypher type name (`DATE`, `LOCAL TIME`, `ZONED TIME`, …).
    public var typeName: String {
        switch self {
        case .date: "DATE"
        case .localTime: "LOCAL TIME"
        case .time: "ZONED TIME"
        case .localDateTime: "LOCAL DATETIME"
        case .dateTime: "ZONED DATETIME"
        case .duration: "DURATION"
        }
    }

    /// The date part, for kinds that have one.
    public var datePart: LocalDate? {
        switch self {
        case .date(let d): d
        case .localDateTime(let dt), .dateTime(let dt, _, _): dt.date
        default: nil
        }
    }

    /// The time-of-day part, for kinds that have one.
    public var timePart: LocalTime? {
        switch self {
        case .localTime(let t), .time(let t, _): t
        case .localDateTime(let dt), .dateTime(let dt, _, _): dt.time
        default: nil
        }
    }

    /// The UTC offset in seconds, for kinds that have one.
    public var offsetSeconds: Int? {
        switch self {
        case .time(_, let offset), .dateTime(_, let offset, _): offset
        default: nil
        }
    }

    /// The named zone, for a date-time built from one.
    public var zoneName: String? {
        if case .dateTime(_, _, let zone) = self { return zone }
        return nil
    }
}

/// A calendar date in the proleptic Gregorian calendar.
public struct LocalDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `epochDay` days after 1970-01-01.
    public init(epochDay: Int) {
        (year, month, day) = CivilCalendar.civil(fromEpochDay: epochDay)
    }

    /// Days since 1970-01-01 (negative before).
    public var epochDay: Int { CivilCalendar.epochDay(year: year, month: month, day: day) }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// A time of day with nanosecond precision, stored as nanoseconds since midnight.
public struct LocalTime: Sendable, Hashable, Comparable {
    public static let nanosPerSecond: Int64 = 1_000_000_000
    public static let nanosPerDay: Int64 = 86_400 * nanosPerSecond

    public var nanoOfDay: Int64

    public init(nanoOfDay: Int64) { self.nanoOfDay = nanoOfDay }

    public init(hour: Int, minute: Int, second: Int = 0, nanosecond: Int = 0) {
        nanoOfDay = (Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)) * Self.nanosPerSecond + Int64(nanosecond)
    }

    public var hour: Int { Int(nanoOfDay / (3600 * Self.nanosPerSecond)) }
    public var minute: Int { Int(nanoOfDay / (60 * Self.nanosPerSecond) % 60) }
    public var second: Int { Int(nanoOfDay / Self.nanosPerSecond % 60) }
    public var nanosecond: Int { Int(nanoOfDay % Self.nanosPerSecond) }
    public var secondOfDay: Int64 { nanoOfDay / Self.nanosPerSecond }

    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.nanoOfDay < b.nanoOfDay }
}

/// A date and a time of day without a zone.
public struct LocalDateTime: Sendable, Hashable, Comparable {
    public var date: LocalDate
    public var time: LocalTime

    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// The local date-time `seconds` + `nanos` after 1970-01-01T00:00.
    public init(epochSecond seconds: Int64, nanos: Int64 = 0) {
        let total = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - total * 86_400
        date = LocalDate(epochDay: Int(total))
        time = LocalTime(nanoOfDay: secondOfDay * LocalTime.nanosPerSecond + nanos)
    }

    /// Seconds since 1970-01-01T00:00 of this local date-time read as UTC.
    public var epochSecond: Int64 { Int64(date.epochDay) * 86_400 + time.secondOfDay }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.time) < (b.date, b.time)
    }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    public func floorDivided(by divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }

    /// The remainder of ``floorDivided(by:)``, with the divisor's sign.
    public func floorModulo(_ divisor: Int64) -> Int64 { self - floorDivided(by: divisor) * divisor }
}

extension Int {
    public func floorDivided(by divisor: Int) -> Int { Int(Int64(self).floorDivided(by: Int64(divisor))) }
    public func floorModulo(_ divisor: Int) -> Int { Int(Int64(self).floorModulo(Int64(divisor))) }
}
