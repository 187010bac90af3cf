import Foundation

/// Named time zones (`Europe/Stockholm`) resolved through Foundation's tz database.
public enum TemporalZone {
    /// Whether `name` is a zone identifier the tz database knows.
    public static func isKnown(_ name: String) -> Bool { TimeZone(identifier: name) != nil }

    /// The UTC offset in seconds of zone `name` at the instant `epochSecond`.
    public static func offset(zone name: String, atEpochSecond epochSecond: Int64) -> Int? {
        guard let zone = TimeZone(identifier: name) else { return nil }
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(epochSecond)))
    }

    /// The offset zone `name` has at local date-time `local` (in an overlap, the one found from the
    /// offset the zone has at that wall-clock reading taken as UTC).
    public static func offset(zone name: String, atLocal local: LocalDateTime) -> Int? {
        let localSeconds = local.epochSecond
        guard let guess = offset(zone: name, atEpochSecond: localSeconds) else { return nil }
        return offset(zone: name, atEpochSecond: localSeconds - Int64(guess))
    }

    /// A zone-or-offset text as given in a `timezone` map entry or bracket: `+01:00`, `Z`, `Europe/Paris`.
    /// Returns the fixed offset, or the zone name for a named zone.
    public static func parse(_ text: String) throws(QueryError) -> (offset: Int?, zone: String?) {
        if let fixed = fixedOffset(text) { return (fixed, nil) }
        guard isKnown(text) else {
            throw QueryError(.argumentError, code: "InvalidArgumentValue", phase: .runtime,
                             message: "unknown time zone '\(text)'; use an offset like '+01:00' or a tz name like 'Europe/Stockholm'")
        }
        return (nil, text)
    }

    /// `Z`, `+01`, `+0100`, `+01:00`, `-08:00:30` as seconds east of UTC.
    static func fixedOffset(_ text: String) -> Int? {
        if text == "Z" || text == "z" { return 0 }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), [2, 4, 6].contains(digits.count) else { return nil }
        let numbers = stride(from: 0, to: digits.count, by: 2).map {
            Int(String(digits.dropFirst($0).prefix(2))) ?? 0
        }
        let seconds = numbers[0] * 3600 + (numbers.count > 1 ? numbers[1] * 60 : 0) + (numbers.count > 2 ? numbers[2] : 0)
        return sign == "-" ? -seconds : seconds
    }
}
