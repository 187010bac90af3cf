import TextAnalysis

/// Normalised keys for entity names: how two surface forms are recognised as the same entity.
///
/// A key is the name's normalised tokens (NFKC, case folded, without diacritics) joined by one space,
/// without a leading "the" and without a trailing possessive "s".
///
/// ```swift
/// EntityKey.normalize("The Beatles'")             // "beatles"
/// EntityKey.titleKeys("Kiss and Tell (1945 film)") // primary "kiss and tell", full "kiss and tell 1945 film"
/// EntityKey.acronym("National Broadcasting Company") // "nbc"
/// ```
public enum EntityKey {
    /// The tokenizer used for names (every word, even one letter long).
    public static let tokenizer = Tokenizer(minimumLength: 1)

    /// The key of a surface form.
    public static func normalize(_ surface: String) -> String {
        key(of: tokenizer.tokenize(surface).map(\.text))
    }

    /// The key of already normalised tokens.
    public static func key(of tokens: [String]) -> String {
        var slice = tokens[...]
        if slice.count > 1, slice.first == "the" { slice = slice.dropFirst() }
        if slice.count > 1, slice.last == "s" { slice = slice.dropLast() }
        return slice.joined(separator: " ")
    }

    /// The keys of a title: without its trailing parenthetical disambiguation, and in full.
    public static func titleKeys(_ title: String) -> (primary: String, full: String) {
        let full = normalize(title)
        guard let qualifier = qualifierStart(title) else { return (full, full) }
        let primary = normalize(String(title[..<qualifier]))
        return (primary.isEmpty ? full : primary, full)
    }

    /// Where a title's disambiguation starts: its trailing parentheses ("Kiss and Tell (1945 film)") or,
    /// for a place, the region after its first comma ("Kirton, Nottinghamshire").
    public static func qualifierStart(_ title: String) -> String.Index? {
        if let open = title.lastIndex(of: "("), title.hasSuffix(")"), open > title.startIndex { return open }
        if !title.contains("("), let comma = title.firstIndex(of: ","), comma > title.startIndex,
            title[title.index(after: comma)...].hasPrefix(" ")
        {
            return comma
        }
        return nil
    }

    /// The acronym of a name of two or more capitalised words ("Federal Bureau of Investigation" → "fbi"),
    /// or nil.
    public static func acronym(_ surface: String) -> String? {
        let words = tokenizer.tokenize(surface).filter { $0.isCapitalized && !$0.isNumber }
        guard words.count >= 2 else { return nil }
        return String(words.compactMap { $0.text.first })
    }
}
