import Foundation
import QuiverCore

/// The temporal constructor functions `date`, `localtime`, `time`, `localdatetime`, `datetime` and
/// `duration`: from an ISO 8601 string, from a map of components, from another temporal value, or
/// (without arguments) the current time.
extension Functions {
    static let temporalFunctions: [Definition] = {
        var all: [Definition] = TemporalValue.Kind.allCases.map { kind in
            define(kind.rawValue, 0...1) { args, _ throws(QueryError) in try construct(kind, args.first) }
        }
        for kind in TemporalValue.Kind.allCases where kind != .duration {
            for clock in ["transaction", "statement", "realtime"] {
                all.append(define("\(kind.rawValue).\(clock)", 0...1) { args, _ throws(QueryError) in
                    if args.first?.isNull == true { return .null }
                    return try now(kind, zone: args.first, at: clock == "realtime" ? Date() : StatementClock.now)
                })
            }
        }
        return all + temporalOperations
    }()

    /// `kind(argument)`: the argument is a string, a map, a temporal value, null, or absent (now).
    static func construct(_ kind: TemporalValue.Kind, _ argument: Value?) throws(QueryError) -> Value {
        switch argument {
        case nil:
            return try now(kind, zone: nil)
        case .null?:
            return .null
        case .string(let text)?:
            return .temporal(try TemporalValue.parse(text, as: kind))
        case .map(let map)?:
            if kind == .duration { return .temporal(.duration(try TemporalMap.duration(map))) }
            if let zoneOnly = map["timezone"], map.count == 1 { return try now(kind, zone: zoneOnly) }
            return .temporal(try TemporalMap(map).build(kind))
        case .temporal(let t)?:
            if kind == .duration { throw .invalidArgumentType("duration() expects a STRING or MAP, not \(t.typeName)") }
            let key = switch kind {
            case .date: "date"
            case .localTime, .time: "time"
            default: "datetime"
            }
            return .temporal(try TemporalMap([key: .temporal(t)]).build(kind))
        case let other?:
            throw .invalidArgumentType("\(kind.rawValue)() expects a STRING or MAP, not \(other.typeName)")
        }
    }

    /// The current time as `kind`, in `zone` when given, else UTC.
    static func now(_ kind: TemporalValue.Kind, zone: Value?, at clock: Date = StatementClock.now) throws(QueryError) -> Value {
        let instant = clock.timeIntervalSince1970
        let seconds = Int64(instant.rounded(.down))
        let nanos = Int64(((instant - Double(seconds)) * 1e9).rounded(.down))
        var offset = 0
        var zoneName: String?
        if case .string(let text)? = zone {
            let parsed = try TemporalZone.parse(text)
            zoneName = parsed.zone
            offset = parsed.offset ?? (parsed.zone.flatMap { TemporalZone.offset(zone: $0, atEpochSecond: seconds) } ?? 0)
        } else if let zone, !zone.isNull {
            throw .invalidArgumentType("a time zone must be a STRING, not \(zone.typeName)")
        }
        let local = LocalDateTime(epochSecond: seconds + Int64(offset), nanos: nanos)
        let value = TemporalValue.dateTime(local, offset: offset, zone: zoneName)
        return .temporal(try TemporalMap(["datetime": .temporal(value)]).build(kind))
    }
}
