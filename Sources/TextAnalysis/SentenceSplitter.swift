/// Splits text into sentences with a rule-based boundary detector.
///
/// A boundary is `.`, `!` or `?` (optionally followed by closing quotes or brackets), then white
/// space, then an upper-case letter, a digit or an opening quote — except after common abbreviations
/// ("Dr.", "St.", "U.S.") and single-letter initials ("J. R. R. Tolkien").
///
/// ```swift
/// SentenceSplitter().split("Dr. Who arrived. He left.")   // two ranges
/// ```
public struct SentenceSplitter: Sendable, Hashable {
    /// Lower-case abbreviations (without the final dot) that do not end a sentence.
    public var abbreviations: Set<String>

    /// A splitter with the default English abbreviations.
    public init(abbreviations: Set<String> = SentenceSplitter.englishAbbreviations) {
        self.abbreviations = abbreviations
    }

    /// Common English abbreviations.
    public static let englishAbbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "sgt", "capt", "gov",
        "sen", "rep", "rev", "hon", "inc", "ltd", "co", "corp", "vs", "etc", "no", "vol", "pp", "ca", "approx",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "est", "fig",
        "u.s", "u.k", "e.g", "i.e", "a.k.a", "d.c", "ph.d",
    ]

    /// The sentences of `text` as UTF-8 offset ranges, trimmed of surrounding white space.
    public func split(_ text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        var sentences: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 46 || byte == 33 || byte == 63 {  // . ! ?
                var end = index + 1
                while end < bytes.count, Self.isClosing(bytes[end]) { end += 1 }
                var next = end
                while next < bytes.count, Self.isSpace(bytes[next]) { next += 1 }
                if next > end, next < bytes.count, Self.startsSentence(bytes[next]),
                    !(byte == 46 && isAbbreviation(bytes, dotAt: index))
                {
                    append(bytes, start..<end, to: &sentences)
                    start = next
                    index = next
                    continue
                }
                index = end
                continue
            }
            index += 1
        }
        append(bytes, start..<bytes.count, to: &sentences)
        return sentences
    }

    private func append(_ bytes: [UInt8], _ range: Range<Int>, to sentences: inout [Range<Int>]) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, Self.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, Self.isSpace(bytes[upper - 1]) { upper -= 1 }
        if lower < upper { sentences.append(lower..<upper) }
    }

    /// Whether the word before the dot at `dotAt` is an abbreviation or an initial.
    private func isAbbreviation(_ bytes: [UInt8], dotAt: Int) -> Bool {
        var wordStart = dotAt
        while wordStart > 0, !Self.isSpace(bytes[wordStart - 1]), bytes[wordStart - 1] != 40 { wordStart -= 1 }
        let word = bytes[wordStart..<dotAt]
        if word.isEmpty { return false }
        // A single upper-case letter is an initial ("J. Smith").
        if word.count == 1, let letter = word.first, letter >= 65, letter <= 90 { return true }
        let lowered = String(decoding: word.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        return abbreviations.contains(lowered)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 10 || byte == 9 || byte == 13 }
    private static func isClosing(_ byte: UInt8) -> Bool { byte == 34 || byte == 39 || byte == 41 || byte == 93 }
    private static func startsSentence(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 34 || byte == 39 || byte == 40
            || byte >= 0xC0
    }
}
