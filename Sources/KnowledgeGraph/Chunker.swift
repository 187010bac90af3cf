import TextAnalysis

/// Splits documents into passages of whole sentences, keeping their offsets.
///
/// ```swift
/// let chunks = Chunker(maximumWords: 200).chunks(of: longText)   // [Range<Int>] of UTF-8 offsets
/// ```
public struct Chunker: Sendable, Hashable, Codable {
    /// A document longer than this many words is split; a chunk holds at most this many words
    /// (a single longer sentence stays whole).
    public var maximumWords: Int
    /// Sentences repeated at the start of the next chunk, for context.
    public var overlapSentences: Int

    /// A chunker; by default documents up to 512 words stay whole.
    public init(maximumWords: Int = 512, overlapSentences: Int = 0) {
        self.maximumWords = maximumWords
        self.overlapSentences = overlapSentences
    }

    /// The chunks of a text as UTF-8 offset ranges.
    public func chunks(of text: String) -> [Range<Int>] {
        let wordCount = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        if wordCount <= maximumWords { return [0..<text.utf8.count] }
        let sentences = SentenceSplitter().split(text)
        let bytes = Array(text.utf8)
        let words = sentences.map { range in bytes[range].split(separator: 32).count }
        var chunks: [Range<Int>] = []
        var first = 0
        while first < sentences.count {
            var last = first
            var total = words[first]
            while last + 1 < sentences.count, total + words[last + 1] <= maximumWords {
                last += 1
                total += words[last]
            }
            chunks.append(sentences[first].lowerBound..<sentences[last].upperBound)
            if last + 1 >= sentences.count { break }
            first = max(first + 1, last + 1 - overlapSentences)
        }
        return chunks
    }
}
