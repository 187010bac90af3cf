/// A word of a text: its normalised form and where it stands in the original text.
///
/// Offsets are UTF-8 byte offsets into the original string, so they are stable and cheap to use
/// (`Array(text.utf8)[token.start..<token.end]` is the surface form).
public struct Token: Sendable, Hashable {
    /// The normalised (case-folded, NFKC, diacritic-free) form.
    public var text: String
    /// UTF-8 offset of the first byte.
    public var start: Int
    /// UTF-8 offset one past the last byte.
    public var end: Int
    /// Whether the surface form starts with an upper-case letter.
    public var isCapitalized: Bool
    /// Whether the token is made of digits only.
    public var isNumber: Bool

    /// A token.
    public init(text: String, start: Int, end: Int, isCapitalized: Bool, isNumber: Bool) {
        self.text = text
        self.start = start
        self.end = end
        self.isCapitalized = isCapitalized
        self.isNumber = isNumber
    }
}
