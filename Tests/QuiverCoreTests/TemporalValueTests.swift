import Testing
@testable import QuiverCore

@Suite("Temporal values")
struct TemporalValueTests {
    @Test("epoch days and civil dates convert both ways for every day of 1599-2401 and around year 0")
    func calendarRoundTrip() {
        for range in [CivilCalendar.epochDay(year: 1599, month: 1, day: 1)...CivilCalendar.epochDay(year: 2401, month: 12, day: 31),
                      CivilCalendar.epochDay(year: -2, month: 1, day: 1)...CivilCalendar.epochDay(year: 2, month: 12, day: 31)] {
            var previous: LocalDate?
            for day in range {
                let date = LocalDate(epochDay: day)
                #expect(date.epochDay == day)
                #expect((1...CivilCalendar.daysInMonth(year: date.year, month: date.month)).contains(date.day))
                if let previous { #expect(previous < date) }
                previous = date
            }
        }
        #expect(LocalDate(epochDay: 0) == LocalDate(year: 1970, month: 1, day: 1))
        #expect(CivilCalendar.dayOfWeek(epochDay: 0) == 4)  // a Thursday
    }

    @Test("ISO weeks: week 1 holds the first Thursday")
    func isoWeeks() {
        #expect(CivilCalendar.isoWeek(LocalDate(year: 1984, month: 1, day: 1)) == (1983, 52))
        #expect(CivilCalendar.isoWeek(LocalDate(year: 2015, month: 7, day: 21)) == (2015, 30))
        #expect(CivilCalendar.weeksInWeekYear(2015) == 53)
        #expect(LocalDate(epochDay: CivilCalendar.mondayOfWeek(weekYear: 2015, week: 30)) == LocalDate(year: 2015, month: 7, day: 20))
    }

    static let parsed: [(String, TemporalValue.Kind, String)] = [
        ("2015-07-21", .date, "2015-07-21"), ("20150721", .date, "2015-07-21"), ("2015-07", .date, "2015-07-01"),
        ("2015-W30-2", .date, "2015-07-21"), ("2015W30", .date, "2015-07-20"), ("2015-202", .date, "2015-07-21"),
        ("2015", .date, "2015-01-01"), ("+999999999-12-31", .date, "+999999999-12-31"), ("-0001-01-01", .date, "-0001-01-01"),
        ("214032.142", .localTime, "21:40:32.142"), ("21", .localTime, "21:00"), ("21:40:32.000001", .localTime, "21:40:32.000001"),
        ("2140-00:00", .time, "21:40Z"), ("22+18:00", .time, "22:00+18:00"), ("21:40", .time, "21:40Z"),
        ("2015-W30-2T214032.142", .localDateTime, "2015-07-21T21:40:32.142"),
        ("2015-07-21T21:40:32.142+0100", .dateTime, "2015-07-21T21:40:32.142+01:00"),
        ("2015-07-21T21:40:32.142[Europe/London]", .dateTime, "2015-07-21T21:40:32.142+01:00[Europe/London]"),
        ("P14DT16H12M", .duration, "P14DT16H12M"), ("P0.75M", .duration, "P22DT19H51M49.5S"), ("PT0.75M", .duration, "PT45S"),
        ("P2.5W", .duration, "P17DT12H"), ("P12Y5M14DT16H12M70S", .duration, "P12Y5M14DT16H13M10S"),
        ("P2012-02-02T14:37:21.545", .duration, "P2012Y2M2DT14H37M21.545S"), ("PT-0.5S", .duration, "PT-0.5S"),
    ]

    @Test("ISO 8601 text parses and prints in Neo4j's form", arguments: parsed)
    func parsesAndPrints(text: String, kind: TemporalValue.Kind, printed: String) throws {
        #expect(try TemporalValue.parse(text, as: kind).description == printed)
    }

    @Test("malformed text is an ArgumentError that names the text", arguments: ["2015-13-01", "2015-02-29", "25:00", "P1X", "2015-W54", "hello"])
    func rejectsMalformed(text: String) {
        let kind: TemporalValue.Kind = text.hasPrefix("P") ? .duration : (text.contains(":") ? .localTime : .date)
        #expect(throws: QueryError.self) { try TemporalValue.parse(text, as: kind) }
        do {
            _ = try TemporalValue.parse(text, as: kind)
        } catch {
            #expect(error.category == .argumentError && error.message.contains(text))
        }
    }

    @Test("an unclosed or empty zone name is an ArgumentError, not a crash",
          arguments: ["2015-07-21T21:40:32+01:00[Europe/London", "2015-07-21T21:40:32Z[", "2015-07-21T21:40:32Z[]", "12:00Z[UTC"])
    func rejectsUnclosedZone(text: String) {
        let kind: TemporalValue.Kind = text.hasPrefix("12") ? .time : .dateTime
        #expect(throws: QueryError.self) { try TemporalValue.parse(text, as: kind) }
    }

    @Test("zoned values compare by instant; different kinds and durations are not comparable")
    func comparability() throws {
        let early = try TemporalValue.parse("12:00+02:00", as: .time)
        let late = try TemporalValue.parse("11:00Z", as: .time)
        #expect(early.compare(late) == .less)
        let a = try TemporalValue.parse("1984-10-11T12:30:14+00:15", as: .dateTime)
        let b = try TemporalValue.parse("1984-10-11T12:31:14+00:17", as: .dateTime)
        #expect(a.compare(b) == .greater)
        #expect(Value.temporal(try .parse("2015-07-21", as: .date)).cypherCompare(.temporal(try .parse("2015-07-21T00:00", as: .localDateTime))) == nil)
        #expect(Value.temporal(try .parse("P1D", as: .duration)).cypherCompare(.temporal(try .parse("P2D", as: .duration))) == nil)
        #expect(Value.temporal(try .parse("P1D", as: .duration)).cypherEquals(.temporal(try .parse("PT24H", as: .duration))) == false)
    }

    @Test("ORDER BY puts temporal kinds between paths and strings, zoned date-time first and durations last")
    func orderability() throws {
        let values: [Value] = [
            "text", .temporal(try .parse("P1D", as: .duration)), .temporal(try .parse("10:00", as: .localTime)),
            .temporal(try .parse("10:00Z", as: .time)), .temporal(try .parse("2015-07-21", as: .date)),
            .temporal(try .parse("2015-07-21T10:00", as: .localDateTime)), .temporal(try .parse("2015-07-21T10:00Z", as: .dateTime)),
            ["a list"],
        ]
        let sorted = values.sorted { $0.orderCompare($1) == .less }
        #expect(sorted.map(\.typeName) == ["LIST", "ZONED DATETIME", "LOCAL DATETIME", "DATE", "ZONED TIME", "LOCAL TIME", "DURATION", "STRING"])
    }

    @Test("adding months clamps to the end of the shorter month, and does not undo itself")
    func monthEndClamping() throws {
        let january31 = try TemporalValue.parse("2015-01-31", as: .date)
        let oneMonth = CypherDuration(months: 1)
        let february = try TemporalArithmetic.shift(january31, by: oneMonth)
        #expect(february.description == "2015-02-28")
        #expect(try TemporalArithmetic.shift(february, by: oneMonth.negated).description == "2015-01-28")
        let leap = try TemporalArithmetic.shift(try .parse("2016-03-31T10:00", as: .localDateTime), by: oneMonth.negated)
        #expect(leap.description == "2016-02-29T10:00")
        #expect(try TemporalArithmetic.shift(try .parse("2015-12-31", as: .date), by: CypherDuration(months: 2)).description == "2016-02-29")
    }

    @Test("a date moves by whole days of the time part; a time of day wraps at midnight")
    func partialDurations() throws {
        let duration = try TemporalParser.duration("P1DT47H")
        #expect(try TemporalArithmetic.shift(try .parse("2015-07-21", as: .date), by: duration).description == "2015-07-23")
        #expect(try TemporalArithmetic.shift(try .parse("23:30", as: .localTime), by: CypherDuration(seconds: 3600)).description == "00:30")
        #expect(try TemporalArithmetic.shift(try .parse("00:30", as: .localTime), by: CypherDuration(seconds: -3600)).description == "23:30")
    }

    @Test("a named zone's offset follows daylight saving time across an addition")
    func zoneArithmetic() throws {
        let before = try TemporalValue.parse("2017-10-28T23:00[Europe/Stockholm]", as: .dateTime)
        #expect(before.description == "2017-10-28T23:00+02:00[Europe/Stockholm]")
        let after = try TemporalArithmetic.shift(before, by: CypherDuration(seconds: 6 * 3600))
        #expect(after.description == "2017-10-29T04:00+01:00[Europe/Stockholm]")
    }

    @Test("durations print each component with its own sign and keep nanoseconds in 0..<1e9")
    func durationNormalization() {
        let d = CypherDuration(seconds: -1, nanoseconds: 400_000_000)
        #expect(d.seconds == -1 && d.nanoseconds == 400_000_000)
        #expect(d.description == "PT-0.6S")
        #expect(CypherDuration(months: -23, days: 3).description == "P-1Y-11M3D")
        #expect(CypherDuration.zero.description == "PT0S")
        #expect((CypherDuration(seconds: 1, nanoseconds: 700_000_000) + CypherDuration(nanoseconds: 600_000_000)).description == "PT2.3S")
    }

    @Test("between splits into months, days and time, with the time part deciding the last day")
    func between() throws {
        let start = try TemporalValue.parse("2014-07-21T21:40:36.143+0200", as: .dateTime)
        let end = try TemporalValue.parse("2015-06-24", as: .date)
        #expect(TemporalDifference.between(start, end, unit: .all)?.description == "P11M2DT2H19M23.857S")
        let a = try TemporalValue.parse("2018-01-02T10:00:00.1", as: .localDateTime)
        let b = try TemporalValue.parse("2018-01-01T10:00:00.2", as: .localDateTime)
        #expect(TemporalDifference.between(a, b, unit: .all)?.description == "PT-23H-59M-59.9S")
        #expect(TemporalDifference.between(a, b, unit: .days)?.description == "PT0S")
    }

    @Test("components read calendar, ISO-week and zone fields")
    func components() throws {
        let t = try TemporalValue.parse("1984-11-11T12:31:14.645876123[Europe/Stockholm]", as: .dateTime)
        #expect(t.component("weekDay") == 7 && t.component("dayOfQuarter") == 42 && t.component("ordinalDay") == 316)
        #expect(t.component("timezone") == "Europe/Stockholm" && t.component("offset") == "+01:00")
        #expect(t.component("epochMillis") == 469_020_674_645)
        #expect(t.component("microsecond") == 645_876)
        #expect(TemporalValue.duration(try TemporalParser.duration("PT1H1M1.111S")).component("minutes") == 61)
        #expect(t.component("unknown") == nil)
    }
}
