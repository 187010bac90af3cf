/// Contiguous n-grams of a sequence.
///
/// ```swift
/// NGrams.of(["new", "york", "city"], n: 2)   // [["new", "york"], ["york", "city"]]
/// ```
public enum NGrams {
    /// The n-grams of `items` for one `n`, in order.
    public static func of<Element>(_ items: [Element], n: Int) -> [ArraySlice<Element>] {
        guard n > 0, items.count >= n else { return [] }
        return (0...(items.count - n)).map { items[$0..<($0 + n)] }
    }

    /// The n-grams for every length in `lengths`, as ranges over `count` items (shorter first).
    public static func ranges(count: Int, lengths: ClosedRange<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for n in lengths where n > 0 && n <= count {
            for start in 0...(count - n) { result.append(start..<(start + n)) }
        }
        return result
    }

    /// Character n-grams of a word, padded with `#` at both ends (used for fuzzy name matching).
    public static func characters(_ word: String, n: Int) -> [Substring] {
        let padded = "#" + word + "#"
        guard n > 0, padded.count >= n else { return [Substring(padded)] }
        var result: [Substring] = []
        var lower = padded.startIndex
        var upper = padded.index(lower, offsetBy: n)
        while true {
            result.append(padded[lower..<upper])
            if upper == padded.endIndex { break }
            lower = padded.index(after: lower)
            upper = padded.index(after: upper)
        }
        return result
    }
}
