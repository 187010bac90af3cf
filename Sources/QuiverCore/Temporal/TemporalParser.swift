/// Parsing of the ISO 8601 text forms openCypher's temporal functions accept: calendar, week and
/// ordinal dates, basic and extended times, UTC offsets, bracketed zone names, and durations.
///
/// ```swift
/// try TemporalParser.date("2015-W30-2")        // 2015-07-21
/// try TemporalParser.duration("P1Y2M10DT2H")   // P1Y2M10DT2H
/// ```
public enum TemporalParser {
    /// A parsed time of day with its optional offset and zone name.
    public struct ZonedTime: Sendable, Equatable {
        public var time: LocalTime
        public var offset: Int?
        public var zone: String?
    }

    public static func date(_ text: String) throws(QueryError) -> LocalDate {
        var scanner = Scanner(text)
        let date = try scanner.date()
        try scanner.expectEnd(text)
        return date
    }

    public static func localTime(_ text: String) throws(QueryError) -> LocalTime {
        let zoned = try zonedTime(text)
        return zoned.time
    }

    public static func zonedTime(_ text: String) throws(QueryError) -> ZonedTime {
        var scanner = Scanner(text)
        let time = try scanner.time()
        let (offset, zone) = try scanner.zone()
        try scanner.expectEnd(text)
        return ZonedTime(time: time, offset: offset, zone: zone)
    }

    /// A date with an optional `T` time part; the time defaults to midnight.
    public static func dateTime(_ text: String) throws(QueryError) -> (LocalDateTime, offset: Int?, zone: String?) {
        var scanner = Scanner(text)
        let date = try scanner.date()
        var time = LocalTime(nanoOfDay: 0)
        var offset: Int?, zone: String?
        if scanner.take("T") {
            time = try scanner.time()
            (offset, zone) = try scanner.zone()
        }
        try scanner.expectEnd(text)
        return (LocalDateTime(date: date, time: time), offset, zone)
    }

    /// `P1Y2M3W4DT5H6M7.5S` (fractions allowed on any unit, signs on each) or `P2012-02-02T14:37:21.545`.
    public static func duration(_ text: String) throws(QueryError) -> CypherDuration {
        var scanner = Scanner(text)
        let negative = scanner.take("-")
        guard scanner.take("P") else { throw invalid(text, "a duration") }
        if let alternative = try? alternativeDuration(String(scanner.rest)) { return negative ? alternative.negated : alternative }
        var months = 0.0, days = 0.0, seconds = 0.0
        var inTime = false, sawUnit = false
        while !scanner.atEnd {
            if scanner.take("T") { inTime = true; continue }
            guard let number = scanner.decimal(), let unit = scanner.next() else { throw invalid(text, "a duration") }
            sawUnit = true
            switch (inTime, unit) {
            case (false, "Y"): months += number * 12
            case (false, "M"): months += number
            case (false, "W"): days += number * 7
            case (false, "D"): days += number
            case (true, "H"): seconds += number * 3600
            case (true, "M"): seconds += number * 60
            case (true, "S"): seconds += number
            default: throw invalid(text, "a duration")
            }
        }
        guard sawUnit else { throw invalid(text, "a duration") }
        let duration = CypherDuration.fromComponents(months: months, days: days, seconds: seconds)
        return negative ? duration.negated : duration
    }

    private static func alternativeDuration(_ text: String) throws(QueryError) -> CypherDuration {
        let (dateTime, offset, zone) = try dateTime(text)
        guard offset == nil, zone == nil, text.contains("-") else { throw invalid(text, "a duration") }
        let date = dateTime.date
        return CypherDuration(months: Int64(date.year) * 12 + Int64(date.month), days: Int64(date.day),
                              seconds: dateTime.time.secondOfDay, nanoseconds: Int64(dateTime.time.nanosecond))
    }

    static func invalid(_ text: String, _ what: String) -> QueryError {
        QueryError(.argumentError, code: "InvalidArgumentValue", phase: .runtime,
                   message: "'\(text)' is not \(what) in ISO 8601 form; write e.g. '2015-07-21', '21:40:32.142+01:00', 'P1DT2H'")
    }
}

/// A cursor over the characters of a temporal string.
private struct Scanner {
    let characters: [Character]
    var position = 0

    init(_ text: String) { characters = Array(text) }

    var atEnd: Bool { position >= characters.count }
    var rest: ArraySlice<Character> { characters[position...] }

    func peek(_ offset: Int = 0) -> Character? {
        position + offset < characters.count ? characters[position + offset] : nil
    }

    mutating func next() -> Character? {
        defer { position += 1 }
        return peek()
    }

    mutating func take(_ c: Character) -> Bool {
        guard peek() == c else { return false }
        position += 1
        return true
    }

    func expectEnd(_ text: String) throws(QueryError) {
        if !atEnd { throw TemporalParser.invalid(text, "a temporal value") }
    }

    var text: String { String(characters) }

    /// Exactly `count` digits.
    mutating func digits(_ count: Int) throws(QueryError) -> Int {
        var value = 0
        for _ in 0..<count {
            guard let c = peek(), let d = c.wholeNumberValue, c.isASCII else { throw TemporalParser.invalid(text, "a temporal value") }
            value = value * 10 + d
            position += 1
        }
        return value
    }

    func digitRun() -> Int {
        var n = 0
        while let c = peek(n), c.isASCII, c.isNumber { n += 1 }
        return n
    }

    /// A signed decimal number such as `-1.5` or `2,25`.
    mutating func decimal() -> Double? {
        var literal = ""
        if take("-") { literal = "-" } else { _ = take("+") }
        let start = position
        while let c = peek(), c.isASCII, c.isNumber || c == "." || c == "," {
            literal.append(c == "," ? "." : c)
            position += 1
        }
        return position > start ? Double(literal) : nil
    }

    mutating func date() throws(QueryError) -> LocalDate {
        let year: Int
        if let sign = peek(), sign == "+" || sign == "-" {
            position += 1
            let magnitude = try digits(digitRun())
            year = sign == "-" ? -magnitude : magnitude
        } else {
            year = try digits(4)
        }
        let extended = take("-")
        if take("W") {
            let week = try digits(2)
            var dayOfWeek = 1
            if extended ? take("-") : (peek()?.isNumber ?? false) { dayOfWeek = try digits(1) }
            try check(week >= 1 && week <= CivilCalendar.weeksInWeekYear(year) && (1...7).contains(dayOfWeek))
            return LocalDate(epochDay: CivilCalendar.mondayOfWeek(weekYear: year, week: week) + dayOfWeek - 1)
        }
        let run = digitRun()
        if run == 0 {
            try check(!extended)
            return LocalDate(year: year, month: 1, day: 1)
        }
        if run == 3 {
            let ordinal = try digits(3)
            try check(ordinal >= 1 && ordinal <= (CivilCalendar.isLeapYear(year) ? 366 : 365))
            return LocalDate(epochDay: CivilCalendar.epochDay(year: year, month: 1, day: 1) + ordinal - 1)
        }
        let month = try digits(2)
        var day = 1
        if extended ? take("-") : (digitRun() == 2) { day = try digits(2) }
        try check((1...12).contains(month) && day >= 1 && day <= CivilCalendar.daysInMonth(year: year, month: month))
        return LocalDate(year: year, month: month, day: day)
    }

    mutating func time() throws(QueryError) -> LocalTime {
        let hour = try digits(2)
        var minute = 0, second = 0, nanos = 0
        let extended = take(":")
        if extended || digitRun() >= 2 {
            minute = try digits(2)
            if extended ? take(":") : digitRun() >= 2 {
                second = try digits(2)
                if take(".") || take(",") {
                    let run = digitRun()
                    try check(run >= 1 && run <= 9)
                    nanos = try digits(run)
                    for _ in run..<9 { nanos *= 10 }
                }
            }
        }
        try check(hour < 24 && minute < 60 && second < 60)
        return LocalTime(hour: hour, minute: minute, second: second, nanosecond: nanos)
    }

    /// An optional offset (`Z`, `+01`, `+0100`, `+01:00`) and optional `[Zone/Name]`.
    mutating func zone() throws(QueryError) -> (offset: Int?, zone: String?) {
        var offset: Int?
        if take("Z") {
            offset = 0
        } else if let sign = peek(), sign == "+" || sign == "-" {
            position += 1
            let hours = try digits(2)
            var minutes = 0
            if take(":") || digitRun() == 2 { minutes = try digits(2) }
            try check(hours <= 18 && minutes < 60)
            offset = (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        var zone: String?
        if take("[") {
            var name = ""
            var closed = false
            while let c = next() {
                if c == "]" {
                    closed = true
                    break
                }
                name.append(c)
            }
            try check(!name.isEmpty && closed)
            zone = name
        }
        return (offset, zone)
    }

    func check(_ condition: Bool) throws(QueryError) {
        if !condition { throw TemporalParser.invalid(text, "a temporal value") }
    }
}
