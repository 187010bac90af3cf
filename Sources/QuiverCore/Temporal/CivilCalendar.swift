/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01).
///
/// The conversions count in 400-year eras of 146,097 days, with years starting in March so the
/// leap day falls at the end of a year; this keeps every step free of tables and branches on leap years.
public enum CivilCalendar {
    public static func epochDay(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let marchMonth = (month + 9) % 12
        let dayOfYear = (153 * marchMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func civil(fromEpochDay epochDay: Int) -> (year: Int, month: Int, day: Int) {
        let z = epochDay + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// ISO day of week: 1 = Monday … 7 = Sunday.
    public static func dayOfWeek(epochDay: Int) -> Int {
        (epochDay + 3).floorModulo(7) + 1
    }

    /// The day of the year, 1-based.
    public static func ordinalDay(_ date: LocalDate) -> Int {
        date.epochDay - epochDay(year: date.year, month: 1, day: 1) + 1
    }

    /// The ISO week-based year and week of a date (weeks start on Monday; week 1 holds the first Thursday).
    public static func isoWeek(_ date: LocalDate) -> (weekYear: Int, week: Int) {
        let day = date.epochDay
        let thursday = day - (dayOfWeek(epochDay: day) - 1) + 3
        let thursdayDate = LocalDate(epochDay: thursday)
        return (thursdayDate.year, (ordinalDay(thursdayDate) - 1) / 7 + 1)
    }

    /// The Monday of ISO week `week` of `weekYear`.
    public static func mondayOfWeek(weekYear: Int, week: Int) -> Int {
        let january4 = epochDay(year: weekYear, month: 1, day: 4)
        let firstMonday = january4 - (dayOfWeek(epochDay: january4) - 1)
        return firstMonday + (week - 1) * 7
    }

    /// The number of ISO weeks (52 or 53) in a week-based year.
    public static func weeksInWeekYear(_ weekYear: Int) -> Int {
        isoWeek(LocalDate(year: weekYear, month: 12, day: 28)).week
    }

    /// The first day of the quarter holding `date`.
    public static func quarterStart(_ date: LocalDate) -> LocalDate {
        LocalDate(year: date.year, month: (date.month - 1) / 3 * 3 + 1, day: 1)
    }

    /// `date` moved by `months` calendar months, the day clamped to the target month's length.
    public static func addingMonths(_ months: Int64, to date: LocalDate) -> LocalDate {
        let total = Int64(date.year) * 12 + Int64(date.month - 1) + months
        let year = Int(total.floorDivided(by: 12))
        let month = Int(total.floorModulo(12)) + 1
        return LocalDate(year: year, month: month, day: min(date.day, daysInMonth(year: year, month: month)))
    }
}
