/// A document of a corpus: an identifier, a title and its text.
///
/// ```swift
/// let document = CorpusDocument(id: "p1", title: "Shirley Temple", text: "Shirley Temple Black was ...")
/// ```
public struct CorpusDocument: Sendable, Hashable, Codable {
    /// The identifier, unique in the corpus.
    public var id: String
    /// The title (a file name without extension for plain-text files).
    public var title: String
    /// The text.
    public var text: String

    /// A document.
    public init(id: String, title: String, text: String) {
        self.id = id
        self.title = title
        self.text = text
    }
}
