/// Splits text into word tokens (runs of letters, digits and `_`, like the regular expression `\w+`).
///
/// Apostrophes inside a word are kept out: "Archer's" gives "archer" and "s". Offsets are UTF-8.
///
/// ```swift
/// Tokenizer().tokenize("Shirley Temple's films").map(\.text)   // ["shirley", "temple", "s", "films"]
/// ```
public struct Tokenizer: Sendable, Hashable {
    /// Tokens shorter than this (in characters) are dropped; `2` reproduces bm25s' `\w\w+`.
    public var minimumLength: Int
    /// The normaliser applied to each token.
    public var normalizer: TextNormalizer

    /// A tokenizer.
    public init(minimumLength: Int = 1, normalizer: TextNormalizer = TextNormalizer()) {
        self.minimumLength = minimumLength
        self.normalizer = normalizer
    }

    /// The word tokens of `text`, in order.
    public func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        var offset = 0
        var start = -1
        var length = 0
        var capitalized = false
        var digitsOnly = true
        var ascii = true
        let utf8 = Array(text.utf8)

        func flush(end: Int) {
            defer { start = -1 }
            guard start >= 0, length >= minimumLength else { return }
            let slice = utf8[start..<end]
            let surface = String(decoding: slice, as: UTF8.self)
            let normalized = ascii ? TextNormalizer.asciiLowercased(surface) : normalizer.normalize(surface)
            tokens.append(Token(text: normalized, start: start, end: end, isCapitalized: capitalized,
                                isNumber: digitsOnly))
        }

        for scalar in text.unicodeScalars {
            let width = scalar.utf8.count
            if Self.isWordScalar(scalar) {
                if start < 0 {
                    start = offset
                    length = 0
                    capitalized = Self.isUppercase(scalar)
                    digitsOnly = true
                    ascii = true
                }
                length += 1
                if scalar.value >= 0x80 { ascii = false }
                if !(scalar.value >= 48 && scalar.value <= 57) { digitsOnly = false }
            } else if start >= 0 {
                flush(end: offset)
            }
            offset += width
        }
        if start >= 0 { flush(end: offset) }
        return tokens
    }

    /// Whether a scalar belongs to a word (`\w`: letters, marks, digits, connector punctuation).
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
                || value == 95
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: return true
        default: return false
        }
    }

    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 65 && scalar.value <= 90 }
        return scalar.properties.isUppercase
    }
}
