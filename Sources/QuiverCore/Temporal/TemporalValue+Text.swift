import Foundation

extension TemporalValue {
    /// The six temporal kinds, named as their openCypher constructor functions.
    public enum Kind: String, Sendable, CaseIterable {
        case date
        case localTime = "localtime"
        case time
        case localDateTime = "localdatetime"
        case dateTime = "datetime"
        case duration
    }

    public var kind: Kind {
        switch self {
        case .date: .date
        case .localTime: .localTime
        case .time: .time
        case .localDateTime: .localDateTime
        case .dateTime: .dateTime
        case .duration: .duration
        }
    }

    /// Parses ISO 8601 `text` as a value of `kind`; a zoned kind without an offset or zone gets UTC.
    ///
    /// ```swift
    /// try TemporalValue.parse("2015-07-21T21:40+01:00", as: .dateTime)
    /// ```
    public static func parse(_ text: String, as kind: Kind) throws(QueryError) -> TemporalValue {
        switch kind {
        case .date:
            return .date(try TemporalParser.date(text))
        case .localTime:
            return .localTime(try TemporalParser.localTime(text))
        case .time:
            let zoned = try TemporalParser.zonedTime(text)
            var offset = zoned.offset ?? 0
            if zoned.offset == nil, let zone = zoned.zone {
                offset = try zoneOffset(zone, at: LocalDateTime(epochSecond: Int64(Date().timeIntervalSince1970)))
            }
            return .time(zoned.time, offset: offset)
        case .localDateTime:
            return .localDateTime(try TemporalParser.dateTime(text).0)
        case .dateTime:
            let (local, offset, zone) = try TemporalParser.dateTime(text)
            return try zoned(local, offset: offset, zone: zone)
        case .duration:
            return .duration(try TemporalParser.duration(text))
        }
    }

    /// A zoned date-time from a local one: the zone's offset at that wall-clock time when a zone is
    /// named, else the given offset, else UTC.
    public static func zoned(_ local: LocalDateTime, offset: Int?, zone: String?) throws(QueryError) -> TemporalValue {
        guard let zone else { return .dateTime(local, offset: offset ?? 0, zone: nil) }
        if let fixed = TemporalZone.fixedOffset(zone) { return .dateTime(local, offset: fixed, zone: nil) }
        return .dateTime(local, offset: try zoneOffset(zone, at: local), zone: zone)
    }

    public static func zoneOffset(_ zone: String, at local: LocalDateTime) throws(QueryError) -> Int {
        if let fixed = TemporalZone.fixedOffset(zone) { return fixed }
        guard let offset = TemporalZone.offset(zone: zone, atLocal: local) else {
            throw QueryError(.argumentError, code: "InvalidArgumentValue", phase: .runtime,
                             message: "unknown time zone '\(zone)'; use an offset like '+01:00' or a tz name like 'Europe/Stockholm'")
        }
        return offset
    }
}
