/// Rules that decide whether two names refer to the same entity.
public enum EntityResolution {
    /// Whether a mention in a passage refers to the passage's title entity: the same key, a leading or
    /// trailing part of the title ("Temple" in "Shirley Temple"), or the title followed by more words
    /// ("Shirley Temple Black").
    ///
    /// ```swift
    /// EntityResolution.refersToTitle("temple", titleKey: "shirley temple")   // true
    /// ```
    public static func refersToTitle(_ key: String, titleKey: String) -> Bool {
        if key == titleKey { return true }
        guard !key.isEmpty, !titleKey.isEmpty else { return false }
        if key.hasPrefix(titleKey + " ") { return true }
        let titleWords = titleKey.split(separator: " ")
        let words = key.split(separator: " ")
        guard words.count < titleWords.count, titleWords.count >= 2 else { return false }
        // A single short word ("the", "s") is never enough.
        if words.count == 1, words[0].count < 3 { return false }
        return titleWords.starts(with: words) || titleWords.reversed().starts(with: words.reversed())
    }
}
