/// The term pipeline used for indexing and queries: tokenize, drop stop words, stem.
///
/// The default reproduces the bm25s setting of the reference figures (tokens of two or more word
/// characters, Lucene English stop words, English stemming).
///
/// ```swift
/// Analyzer().terms("The connections of Paris")   // ["connect", "pari"]
/// ```
public struct Analyzer: Sendable, Hashable {
    /// The tokenizer.
    public var tokenizer: Tokenizer
    /// Stop words removed before stemming (normalised forms).
    public var stopWords: Set<String>
    /// Whether terms are stemmed.
    public var stems: Bool

    /// An analyzer; the defaults match bm25s with stemming and English stop words.
    public init(tokenizer: Tokenizer = Tokenizer(minimumLength: 2), stopWords: Set<String> = StopWords.lucene,
                stems: Bool = true)
    {
        self.tokenizer = tokenizer
        self.stopWords = stopWords
        self.stems = stems
    }

    /// The index terms of `text`, in order (duplicates kept).
    public func terms(_ text: String) -> [String] {
        terms(of: tokenizer.tokenize(text))
    }

    /// The index terms of already tokenized text.
    public func terms(of tokens: [Token]) -> [String] {
        let stemmer = PorterStemmer()
        var result: [String] = []
        result.reserveCapacity(tokens.count)
        for token in tokens where !stopWords.contains(token.text) {
            result.append(stems ? stemmer.stem(token.text) : token.text)
        }
        return result
    }
}
