import TextAnalysis

/// Reduces an English word to a key that its inflected and derived forms share, so "directed",
/// "director" and "directing" meet at `direct`, and "wrote", "written" and "writer" at `writ`.
///
/// Steps: irregular verb forms to their base (``IrregularForms``), the Porter stemmer, a final
/// `e` dropped, then one agent-noun suffix (`-er`, `-or`, `-ist`, `-ian`) removed from words of
/// five letters or more, undoubling a consonant left behind ("winner" → `win`).
///
/// ```swift
/// WordKey.key("actors") == WordKey.key("acted")   // true: both "act"
/// ```
public enum WordKey {
    /// The key of one lower-cased word.
    public static func key(_ word: String) -> String {
        let base = IrregularForms.base[word] ?? word
        var stem = Array(PorterStemmer().stem(base))
        if stem.count > 3 && stem.last == "e" { stem.removeLast() }
        stripAgentSuffix(&stem)
        return String(stem)
    }

    static func stripAgentSuffix(_ stem: inout [Character]) {
        guard stem.count >= 5 else { return }
        let tail2 = String(stem.suffix(2)), tail3 = String(stem.suffix(3))
        var cut = 0
        if tail2 == "er" || tail2 == "or" {
            cut = 2
        } else if (tail3 == "ist" || tail3 == "ian") && stem.count >= 6 {
            cut = 3
        }
        guard cut > 0 else { return }
        stem.removeLast(cut)
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if stem.count >= 3, let last = stem.last, stem[stem.count - 2] == last, !vowels.contains(last), last != "l", last != "s" {
            stem.removeLast()
        }
    }

    /// How well two keys match as words: 1 when equal, ``compoundStrength`` when the longer ends
    /// with the shorter (four letters or more: "screenwrit" and "writ"), else 0.
    public static func similarity(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if short.count >= 4 && long.hasSuffix(short) { return compoundStrength }
        return 0
    }

    /// The strength of a compound match ("screenwriter" for "writer").
    public static let compoundStrength = 0.85
}
