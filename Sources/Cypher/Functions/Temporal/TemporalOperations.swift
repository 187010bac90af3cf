import QuiverCore

/// Temporal functions beyond construction: `duration.between` and its `inMonths`/`inDays`/`inSeconds`
/// variants, `<kind>.truncate`, and `datetime.fromepoch`/`fromepochmillis`.
extension Functions {
    static let temporalOperations: [Definition] = {
        var all: [Definition] = [
            between("duration.between", .all),
            between("duration.inMonths", .months),
            between("duration.inDays", .days),
            between("duration.inSeconds", .seconds),
            define("datetime.fromepoch", 2...2) { args, _ throws(QueryError) in
                if args.contains(where: \.isNull) { return .null }
                let seconds = try integer(args[0], "datetime.fromepoch")
                let nanos = try integer(args[1], "datetime.fromepoch")
                return .temporal(try TemporalMap(["epochSeconds": .int(seconds), "nanosecond": .int(nanos)]).build(.dateTime))
            },
            define("datetime.fromepochmillis", 1...1) { args, _ throws(QueryError) in
                if args[0].isNull { return .null }
                let millis = try integer(args[0], "datetime.fromepochmillis")
                return .temporal(try TemporalMap(["epochMillis": .int(millis)]).build(.dateTime))
            },
        ]
        for kind in TemporalValue.Kind.allCases where kind != .duration {
            all.append(define("\(kind.rawValue).truncate", 2...3) { args, _ throws(QueryError) in
                try truncate(kind, args)
            })
        }
        return all
    }()

    private static func between(_ name: String, _ unit: TemporalDifference.Unit) -> Definition {
        define(name, 2...2) { args, _ throws(QueryError) in
            guard case .temporal(let a) = args[0], case .temporal(let b) = args[1] else {
                if args[0].isNull || args[1].isNull { return .null }
                throw .invalidArgumentType("\(name)() expects two temporal values, not \(args[0].typeName) and \(args[1].typeName)")
            }
            guard let duration = TemporalDifference.between(a, b, unit: unit) else {
                throw .invalidArgumentType("\(name)() cannot measure between \(a.typeName) and \(b.typeName)")
            }
            return .temporal(.duration(duration))
        }
    }

    /// `kind.truncate(unit, value [, map])`: `value` cut down to `unit`, then the map's fields set.
    private static func truncate(_ kind: TemporalValue.Kind, _ args: [Value]) throws(QueryError) -> Value {
        let name = "\(kind.rawValue).truncate"
        if args[1].isNull { return .null }
        let unit = try string(args[0], name)
        guard case .temporal(let value) = args[1], value.kind != .duration else {
            throw .invalidArgumentType("\(name)() expects a temporal value, not \(args[1].typeName)")
        }
        var overrides: [String: Value] = [:]
        if args.count == 3 {
            switch args[2] {
            case .map(let m): overrides = m
            case .null: break
            default: throw .invalidArgumentType("\(name)() expects a MAP of fields, not \(args[2].typeName)")
            }
        }
        let (date, time) = try truncated(value, to: unit, name)
        var entries: [String: Value] = [:]
        let hasDate = kind == .date || kind == .localDateTime || kind == .dateTime
        if hasDate {
            guard let date else { throw .invalidArgumentValue("\(name)() needs a value with a date, not \(value.typeName)") }
            entries["date"] = .temporal(.date(date))
        }
        if kind != .date {
            entries["hour"] = .int(Int64(time.hour))
            entries["minute"] = .int(Int64(time.minute))
            entries["second"] = .int(Int64(time.second))
            entries["millisecond"] = .int(Int64(time.nanosecond / 1_000_000))
            entries["microsecond"] = .int(Int64(time.nanosecond / 1000 % 1000))
            entries["nanosecond"] = .int(Int64(time.nanosecond % 1000))
            if kind == .time || kind == .dateTime, let offset = value.offsetSeconds {
                entries["timezone"] = .string(value.zoneName ?? TemporalValue.time(time, offset: offset).offsetText)
            }
        }
        entries.merge(overrides) { $1 }
        return .temporal(try TemporalMap(entries).build(kind))
    }

    private static func truncated(
        _ value: TemporalValue, to unit: String, _ name: String
    ) throws(QueryError) -> (LocalDate?, LocalTime) {
        let date = value.datePart
        let time = value.timePart ?? LocalTime(nanoOfDay: 0)
        let midnight = LocalTime(nanoOfDay: 0)
        func needDate() throws(QueryError) -> LocalDate {
            guard let date else { throw .invalidArgumentValue("\(name)() cannot truncate \(value.typeName) to `\(unit)`") }
            return date
        }
        func cut(_ nanos: Int64) -> LocalTime { LocalTime(nanoOfDay: time.nanoOfDay / nanos * nanos) }
        switch unit.lowercased() {
        case "millennium", "century", "decade", "year":
            let size = ["millennium": 1000, "century": 100, "decade": 10, "year": 1][unit.lowercased()] ?? 1
            let d = try needDate()
            return (LocalDate(year: d.year.floorDivided(by: size) * size, month: 1, day: 1), midnight)
        case "weekyear":
            let week = CivilCalendar.isoWeek(try needDate())
            return (LocalDate(epochDay: CivilCalendar.mondayOfWeek(weekYear: week.weekYear, week: 1)), midnight)
        case "quarter":
            return (CivilCalendar.quarterStart(try needDate()), midnight)
        case "month":
            let d = try needDate()
            return (LocalDate(year: d.year, month: d.month, day: 1), midnight)
        case "week":
            let d = try needDate()
            return (LocalDate(epochDay: d.epochDay - CivilCalendar.dayOfWeek(epochDay: d.epochDay) + 1), midnight)
        case "day": return (date, midnight)
        case "hour": return (date, cut(3600 * LocalTime.nanosPerSecond))
        case "minute": return (date, cut(60 * LocalTime.nanosPerSecond))
        case "second": return (date, cut(LocalTime.nanosPerSecond))
        case "millisecond": return (date, cut(1_000_000))
        case "microsecond": return (date, cut(1000))
        default:
            throw .invalidArgumentValue("\(name)() does not know the unit '\(unit)'; use millennium, century, decade, year, weekYear, quarter, month, week, day, hour, minute, second, millisecond or microsecond")
        }
    }
}
