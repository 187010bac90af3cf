import Foundation

/// Unicode normalisation for matching: NFKC, case folding and (optionally) diacritic removal.
///
/// ```swift
/// TextNormalizer().normalize("Ｃafé")   // "cafe"
/// ```
public struct TextNormalizer: Sendable, Hashable {
    /// Whether accents and other combining marks are removed ("Müller" → "muller").
    public var removesDiacritics: Bool
    /// Whether text is case folded.
    public var foldsCase: Bool

    /// A normaliser; by default it folds case and removes diacritics.
    public init(removesDiacritics: Bool = true, foldsCase: Bool = true) {
        self.removesDiacritics = removesDiacritics
        self.foldsCase = foldsCase
    }

    /// The normalised form of `text` (NFKC, then case folding and diacritic removal as configured).
    public func normalize(_ text: String) -> String {
        // ASCII needs no compatibility mapping and has no diacritics: only fold case, cheaply.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return foldsCase ? Self.asciiLowercased(text) : text
        }
        var result = text.precomposedStringWithCompatibilityMapping
        var options: String.CompareOptions = []
        if foldsCase { options.insert(.caseInsensitive) }
        if removesDiacritics { options.insert(.diacriticInsensitive) }
        if !options.isEmpty {
            result = result.folding(options: options, locale: nil)
        }
        return result
    }

    /// Lower-cases ASCII letters without touching anything else.
    static func asciiLowercased(_ text: String) -> String {
        var bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] >= 65 && bytes[index] <= 90 {
            bytes[index] += 32
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
