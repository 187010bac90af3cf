/// Reads an SQL `printf` / `format` format string the way SQLite's formatter does, to find the
/// fields that make it repeat a character: `%.Nc` writes the character N times.
///
/// SQLite up to at least 3.40 writes those repeats one at a time and keeps looping after the
/// result has passed its length limit, so `printf('%.*c', 2000000000, 'x')` runs for half a
/// minute inside one function call, where no timeout can stop it. ``SQLitePrintf`` refuses such
/// a call before SQLite formats it.
///
/// The grammar is SQLite's (`printf.c`): `%`, flags `-+ #!0,`, a width (digits or `*`), a
/// precision (`.` then digits or `*`), `l` or `ll`, then the conversion; `*` takes the next
/// argument as an integer, a conversion other than `%%` and `%n` takes the next argument, and an
/// unknown conversion ends the formatting.
///
/// ```swift
/// let repeats = PrintfFormat.largestRepeat(Array("%.*c".utf8)) { _ in 2_000_000_000 }   // 2000000000
/// ```
enum PrintfFormat {
    /// The conversions SQLite's SQL `printf` knows; any other character ends the formatting.
    static let conversions = Set("dsgzqQwcouxXfeEGinp%r".utf8)

    /// The largest precision of a `%c` field in `format`; `argument(k)` is the k-th argument
    /// after the format, read as an integer (0 past the last, as SQLite reads it).
    static func largestRepeat(_ format: [UInt8], argument: (Int) -> Int64) -> Int64 {
        var largest: Int64 = 0
        var next = 0  // the argument the next `*` or conversion takes
        var i = 0
        func take() -> Int64 {
            defer { next += 1 }
            // SQLite reads `*` into a C int: the low 32 bits, sign and all.
            let value = Int64(Int32(truncatingIfNeeded: argument(next)))
            return value < 0 ? -value : value
        }
        while i < format.count {
            guard format[i] == UInt8(ascii: "%") else {
                i += 1
                continue
            }
            i += 1
            var precision: Int64 = 0
            fieldLoop: while i < format.count {
                switch format[i] {
                case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: " "), UInt8(ascii: "#"), UInt8(ascii: "!"),
                     UInt8(ascii: "0"), UInt8(ascii: ","):
                    i += 1
                case UInt8(ascii: "l"):
                    // `l` or `ll`, then the conversion.
                    i += 1
                    if i < format.count, format[i] == UInt8(ascii: "l") { i += 1 }
                    break fieldLoop
                case UInt8(ascii: "1")...UInt8(ascii: "9"):
                    _ = digits(format, &i)
                case UInt8(ascii: "*"):
                    _ = take()
                    i += 1
                case UInt8(ascii: "."):
                    i += 1
                    if i < format.count, format[i] == UInt8(ascii: "*") {
                        precision = take()
                        i += 1
                    } else {
                        precision = digits(format, &i)
                    }
                default:
                    break fieldLoop
                }
            }
            guard i < format.count, conversions.contains(format[i]) else { return largest }
            let conversion = format[i]
            i += 1
            if conversion == UInt8(ascii: "%") || conversion == UInt8(ascii: "n") { continue }
            _ = take()
            if conversion == UInt8(ascii: "c") { largest = max(largest, precision) }
        }
        return largest
    }

    /// The digits at `i` as SQLite reads them (an unsigned 32-bit value, top bit dropped).
    private static func digits(_ format: [UInt8], _ i: inout Int) -> Int64 {
        var value: UInt32 = 0
        while i < format.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(format[i]) {
            value = value &* 10 &+ UInt32(format[i] - UInt8(ascii: "0"))
            i += 1
        }
        return Int64(value & 0x7fff_ffff)
    }
}
