/// Byte counts as people write them: `512M`, `2G`, `1.5GiB`, `4096`.
///
/// ```swift
/// ByteCount.parse("2G")            // 2_147_483_648
/// ByteCount.describe(1 << 30)      // "1 GiB"
/// ```
public enum ByteCount {
    /// Reads a size: a number of bytes, optionally followed by K, M, G or T (binary multiples;
    /// `KB`, `KiB`, `MB`, `MiB`… mean the same), case-insensitive. Nil when it is not one, or is
    /// not positive, or exceeds `Int.max`.
    public static func parse(_ text: String) -> Int? {
        var number = text.trimmingWhitespace.uppercased()
        var multiplier = 1.0
        for suffix in ["IB", "B"] where number.hasSuffix(suffix) && number.count > suffix.count {
            number.removeLast(suffix.count)
            break
        }
        let units: [Character: Double] = ["K": 1024, "M": 1024 * 1024, "G": 1024 * 1024 * 1024, "T": 1024 * 1024 * 1024 * 1024]
        if let last = number.last, let unit = units[last] {
            multiplier = unit
            number.removeLast()
        }
        guard let value = Double(number.trimmingWhitespace), value.isFinite, value > 0 else { return nil }
        let bytes = value * multiplier
        guard bytes >= 1, bytes < Double(Int.max) else { return nil }
        return Int(bytes)
    }

    /// `bytes` in the largest binary unit that keeps it at least 1 (`512 MiB`, `2 GiB`, `1.5 GiB`).
    public static func describe(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(text) \(units[unit])"
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
