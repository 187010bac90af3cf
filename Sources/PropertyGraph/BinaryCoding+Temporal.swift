import QuiverCore

/// Snapshot encoding of temporal property values (value tag 7): a kind byte, then fixed-width fields.
///
/// Dates are stored as epoch days and times as nanoseconds of the day, so the encoding does not
/// depend on how the values print; a named zone is stored by name (empty for a fixed offset).
extension ByteWriter {
    mutating func temporal(_ t: TemporalValue) {
        switch t {
        case .date(let d):
            u8(0); i64(Int64(d.epochDay))
        case .localTime(let time):
            u8(1); i64(time.nanoOfDay)
        case .time(let time, let offset):
            u8(2); i64(time.nanoOfDay); i64(Int64(offset))
        case .localDateTime(let dt):
            u8(3); i64(Int64(dt.date.epochDay)); i64(dt.time.nanoOfDay)
        case .dateTime(let dt, let offset, let zone):
            u8(4); i64(Int64(dt.date.epochDay)); i64(dt.time.nanoOfDay); i64(Int64(offset)); string(zone ?? "")
        case .duration(let d):
            u8(5); i64(d.months); i64(d.days); i64(d.seconds); i64(d.nanoseconds)
        }
    }
}

extension ByteReader {
    mutating func temporal() throws -> TemporalValue {
        func int() throws -> Int64 { Int64(bitPattern: try u64()) }
        func day() throws -> LocalDate { LocalDate(epochDay: Int(try int())) }
        func time() throws -> LocalTime {
            let nanos = try int()
            guard (0..<LocalTime.nanosPerDay).contains(nanos) else { throw fail("time of day out of range") }
            return LocalTime(nanoOfDay: nanos)
        }
        switch try u8() {
        case 0: return .date(try day())
        case 1: return .localTime(try time())
        case 2: return .time(try time(), offset: Int(try int()))
        case 3: return .localDateTime(LocalDateTime(date: try day(), time: try time()))
        case 4:
            let dt = LocalDateTime(date: try day(), time: try time())
            let offset = Int(try int())
            let zone = try string()
            return .dateTime(dt, offset: offset, zone: zone.isEmpty ? nil : zone)
        case 5:
            return .duration(CypherDuration(months: try int(), days: try int(), seconds: try int(), nanoseconds: try int()))
        case let kind:
            throw fail("unknown temporal kind \(kind)")
        }
    }
}
