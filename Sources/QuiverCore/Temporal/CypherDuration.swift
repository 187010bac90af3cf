/// An openCypher duration: months, days and seconds kept apart, because a month and a day have
/// no fixed length in seconds until they are applied to a date.
///
/// `nanoseconds` is kept in `0..<1_000_000_000`; `seconds` carries the sign of the time part.
///
/// ```swift
/// CypherDuration(months: 14, days: 3, seconds: 3_600, nanoseconds: 0).description  // "P1Y2M3DT1H"
/// ```
public struct CypherDuration: Sendable, Hashable {
    public var months: Int64
    public var days: Int64
    public var seconds: Int64
    public var nanoseconds: Int64

    /// The average Gregorian month (365.2425 / 12 days), which fractional months are converted with.
    public static let secondsPerAverageMonth: Int64 = 2_629_746

    public init(months: Int64 = 0, days: Int64 = 0, seconds: Int64 = 0, nanoseconds: Int64 = 0) {
        self.months = months
        self.days = days
        let carry = nanoseconds.floorDivided(by: LocalTime.nanosPerSecond)
        self.seconds = seconds + carry
        self.nanoseconds = nanoseconds - carry * LocalTime.nanosPerSecond
    }

    public static let zero = CypherDuration()

    /// The time part in nanoseconds (may overflow for durations over ~292 years of seconds).
    public var timeNanos: Int64 { seconds &* LocalTime.nanosPerSecond &+ nanoseconds }

    public var negated: CypherDuration {
        CypherDuration(months: -months, days: -days, seconds: -seconds, nanoseconds: -nanoseconds)
    }

    public static func + (a: CypherDuration, b: CypherDuration) -> CypherDuration {
        CypherDuration(months: a.months + b.months, days: a.days + b.days,
                       seconds: a.seconds + b.seconds, nanoseconds: a.nanoseconds + b.nanoseconds)
    }

    public static func - (a: CypherDuration, b: CypherDuration) -> CypherDuration { a + b.negated }

    /// A duration from possibly fractional amounts: fractions of a unit cascade into smaller units
    /// (a month is the average month, a day 86,400 seconds).
    public static func fromComponents(
        months: Double, days: Double, seconds: Double, wholeNanos: Int64 = 0
    ) -> CypherDuration {
        let wholeMonths = months.rounded(.towardZero)
        let monthFractionSeconds = (months - wholeMonths) * Double(secondsPerAverageMonth)
        let daysTotal = days + (monthFractionSeconds / 86_400).rounded(.towardZero)
        let wholeDays = daysTotal.rounded(.towardZero)
        let restSeconds = monthFractionSeconds.truncatingRemainder(dividingBy: 86_400)
            + (daysTotal - wholeDays) * 86_400 + seconds
        let wholeSeconds = restSeconds.rounded(.towardZero)
        let nanos = ((restSeconds - wholeSeconds) * 1e9).rounded()
        return CypherDuration(months: Int64(wholeMonths), days: Int64(wholeDays), seconds: Int64(wholeSeconds),
                              nanoseconds: Int64(nanos) + wholeNanos)
    }
}

extension CypherDuration: CustomStringConvertible {
    /// ISO 8601 as Neo4j writes it: each component with its own sign, `PT0S` when empty.
    public var description: String {
        var text = "P"
        append(months / 12, "Y", to: &text)
        append(months % 12, "M", to: &text)
        append(days, "D", to: &text)
        if seconds != 0 || nanoseconds != 0 {
            text += "T"
            let negative = seconds < 0
            var wholeSeconds = negative ? -seconds : seconds
            var nanos = nanoseconds
            if negative && nanos > 0 {
                wholeSeconds -= 1
                nanos = LocalTime.nanosPerSecond - nanos
            }
            let sign = negative ? "-" : ""
            if wholeSeconds / 3600 != 0 { text += sign + String(wholeSeconds / 3600) + "H" }
            if wholeSeconds % 3600 / 60 != 0 { text += sign + String(wholeSeconds % 3600 / 60) + "M" }
            let restSeconds = wholeSeconds % 60
            if restSeconds != 0 || nanos != 0 {
                text += sign + String(restSeconds) + TemporalFormat.fraction(nanos, trimmed: true) + "S"
            }
        }
        return text == "P" ? "PT0S" : text
    }

    private func append(_ amount: Int64, _ unit: String, to text: inout String) {
        if amount != 0 { text += String(amount) + unit }
    }
}
