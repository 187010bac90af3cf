import TextAnalysis

/// Rules that decide whether two names refer to the same entity.
public enum EntityResolution {
    /// Whether a mention in a passage refers to the passage's title entity: the same key, a leading or
    /// trailing part of the title ("Temple" in "Shirley Temple") when `allowingParts` (the title names a
    /// person), or the title followed by more words ("Shirley Temple Black").
    ///
    /// ```swift
    /// EntityResolution.refersToTitle("temple", titleKey: "shirley temple")   // true
    /// ```
    public static func refersToTitle(_ key: String, titleKey: String, allowingParts: Bool = true) -> Bool {
        if key == titleKey { return true }
        guard !key.isEmpty, !titleKey.isEmpty else { return false }
        // "Shirley Temple Black" is the title's subject; "Norrholm Observatory" in the article on Norrholm
        // is another thing, named by its class noun.
        if key.hasPrefix(titleKey + " ") {
            let last = key.split(separator: " ").last.map(String.init) ?? ""
            return EntityCategory.of(classNoun: last) == nil
        }
        let titleWords = titleKey.split(separator: " ")
        let words = key.split(separator: " ")
        // A part of "List of songs recorded by Ellie Goulding" or "Treaty of Tessaly" names something else,
        // and so does "Delhi" in the article on New Delhi: parts name only people.
        if !allowingParts || titleWords.contains(where: { StopWords.extended.contains(String($0)) }) { return false }
        // Only person-like titles of two or three words ("Lara Croft" is not "Lara Croft: Tomb Raider").
        guard words.count < titleWords.count, (2...3).contains(titleWords.count) else { return false }
        // A single short word ("the", "s") is never enough.
        if words.count == 1, words[0].count < 3 { return false }
        return titleWords.starts(with: words) || titleWords.reversed().starts(with: words.reversed())
    }
}
