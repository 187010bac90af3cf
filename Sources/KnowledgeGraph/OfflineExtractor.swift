import TextAnalysis

/// The rule-based extractor used offline: capitalised names, quoted names, years and dates, and
/// relations between the mentions of a sentence labelled with the words that connect them.
///
/// ```swift
/// let extraction = OfflineExtractor().extract(text: "Kiss and Tell is a 1945 film starring Shirley Temple.",
///                                             title: "Kiss and Tell (1945 film)")
/// extraction.mentions.map(\.key)   // ["kiss and tell", "1945", "shirley temple"]
/// ```
public struct OfflineExtractor: EntityExtractor {
    /// Relations are made between mentions at most this many mentions apart in a sentence.
    public var relationWindow: Int
    /// A connecting phrase longer than this many words is cut to its last words.
    public var maximumPhraseWords: Int
    /// Whether years and full dates are extracted as entities.
    public var extractsDates: Bool

    /// An extractor.
    public init(relationWindow: Int = 3, maximumPhraseWords: Int = 8, extractsDates: Bool = true) {
        self.relationWindow = relationWindow
        self.maximumPhraseWords = maximumPhraseWords
        self.extractsDates = extractsDates
    }

    /// Lower-case words allowed inside a capitalised name ("Bank of America", "Ludwig van Beethoven").
    static let connectors: Set<String> = [
        "of", "the", "de", "la", "le", "du", "da", "von", "van", "der", "den", "del", "di", "for", "y", "al",
        "el", "des", "dos", "das", "&",
    ]
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    /// Capitalised words that start sentences or titles without naming anything.
    static let nonNames: Set<String> = StopWords.extended.union([
        "however", "although", "after", "during", "despite", "since", "following", "according", "born", "like",
        "unlike", "as", "in", "on", "at", "there", "today", "later", "before", "it", "its", "mr", "mrs", "ms",
        "dr", "st", "sir", "lord", "lady", "king", "queen", "prince", "saint", "president", "general",
        "several", "among", "along", "around", "based", "including", "originally", "currently", "known",
    ])

    /// The mentions and relations of one passage.
    public func extract(text: String, title: String) -> Extraction {
        let bytes = Array(text.utf8)
        let tokens = EntityKey.tokenizer.tokenize(text)
        let sentences = SentenceSplitter().split(text)
        var mentions: [ExtractedMention] = []
        var tokenStart = 0
        for (sentenceNumber, sentence) in sentences.enumerated() {
            while tokenStart < tokens.count, tokens[tokenStart].start < sentence.lowerBound { tokenStart += 1 }
            var tokenEnd = tokenStart
            while tokenEnd < tokens.count, tokens[tokenEnd].end <= sentence.upperBound { tokenEnd += 1 }
            let sentenceTokens = Array(tokens[tokenStart..<tokenEnd])
            var found = names(in: sentenceTokens, bytes: bytes, sentence: sentenceNumber)
            found += quoted(in: sentence, bytes: bytes, sentence: sentenceNumber)
            if extractsDates { found += dates(in: sentenceTokens, bytes: bytes, sentence: sentenceNumber) }
            mentions += Self.removingOverlaps(found)
            tokenStart = tokenEnd
        }
        return Extraction(mentions: mentions, relations: relations(among: mentions, bytes: bytes))
    }

    /// Runs of capitalised words, joined by connectors and tight punctuation (initials, hyphens).
    func names(in tokens: [Token], bytes: [UInt8], sentence: Int) -> [ExtractedMention] {
        var result: [ExtractedMention] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].isCapitalized else { index += 1; continue }
            var last = index
            var probe = index + 1
            while probe < tokens.count, Self.isTightGap(bytes, from: tokens[probe - 1].end, to: tokens[probe].start) {
                let token = tokens[probe]
                if token.isCapitalized || (token.isNumber && token.text.count <= 3) {
                    last = probe
                } else if !Self.connectors.contains(token.text) {
                    break
                }
                probe += 1
            }
            appendName(tokens[index...last], bytes: bytes, sentence: sentence, sentenceStart: index == 0,
                       to: &result)
            index = last + 1
        }
        return result
    }

    private func appendName(_ run: ArraySlice<Token>, bytes: [UInt8], sentence: Int, sentenceStart: Bool,
                            to result: inout [ExtractedMention])
    {
        var slice = run
        while let first = slice.first, Self.nonNames.contains(first.text) || Self.months.contains(first.text) {
            slice = slice.dropFirst()
        }
        while let last = slice.last, Self.connectors.contains(last.text) || Self.months.contains(last.text) {
            slice = slice.dropLast()
        }
        guard let first = slice.first, let last = slice.last, first.isCapitalized else { return }
        if slice.count == 1 && (first.text.count < 2 || first.isNumber) { return }
        let surface = String(decoding: bytes[first.start..<last.end], as: UTF8.self)
        let key = EntityKey.key(of: slice.map(\.text))
        guard !key.isEmpty else { return }
        result.append(ExtractedMention(surface: surface, key: key, kind: .name, start: first.start, end: last.end,
                                       sentence: sentence))
    }

    /// Names between double quotes (straight or curly), of one to ten words.
    func quoted(in sentence: Range<Int>, bytes: [UInt8], sentence number: Int) -> [ExtractedMention] {
        var result: [ExtractedMention] = []
        var open: Int?
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            let byte = bytes[index]
            var width = 1
            var isQuote = byte == 34
            // U+201C / U+201D: E2 80 9C / E2 80 9D.
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D
            {
                isQuote = true
                width = 3
            }
            if isQuote {
                if let start = open {
                    let inner = start..<index
                    let surface = String(decoding: bytes[inner], as: UTF8.self)
                    let words = surface.split(separator: " ").count
                    let key = EntityKey.normalize(surface)
                    if words >= 1, words <= 10, !key.isEmpty {
                        result.append(ExtractedMention(surface: surface, key: key, kind: .quoted, start: inner.lowerBound,
                                                       end: inner.upperBound, sentence: number))
                    }
                    open = nil
                } else {
                    open = index + width
                }
            }
            index += width
        }
        return result
    }

    /// Years (1000–2099) and full dates ("January 7, 1943", "7 January 1943").
    func dates(in tokens: [Token], bytes: [UInt8], sentence: Int) -> [ExtractedMention] {
        var result: [ExtractedMention] = []
        for (index, token) in tokens.enumerated() where token.isNumber && token.text.count == 4 {
            guard let year = Int(token.text), (1000...2099).contains(year) else { continue }
            var start = token.start
            var key = token.text
            if index >= 2, Self.months.contains(tokens[index - 2].text), tokens[index - 1].isNumber {
                start = tokens[index - 2].start
                key = "\(tokens[index - 1].text) \(tokens[index - 2].text) \(token.text)"
            } else if index >= 2, Self.months.contains(tokens[index - 1].text), tokens[index - 2].isNumber {
                start = tokens[index - 2].start
                key = "\(tokens[index - 2].text) \(tokens[index - 1].text) \(token.text)"
            }
            let surface = String(decoding: bytes[start..<token.end], as: UTF8.self)
            result.append(ExtractedMention(surface: surface, key: key, kind: .date, start: start, end: token.end,
                                           sentence: sentence))
        }
        return result
    }

    /// Relations between mentions of the same sentence, at most `relationWindow` mentions apart.
    func relations(among mentions: [ExtractedMention], bytes: [UInt8]) -> [ExtractedRelation] {
        var result: [ExtractedRelation] = []
        for (i, subject) in mentions.enumerated() {
            var j = i + 1
            while j < mentions.count, j - i <= relationWindow, mentions[j].sentence == subject.sentence {
                let object = mentions[j]
                if object.key != subject.key, object.start >= subject.end {
                    let between = String(decoding: bytes[subject.end..<object.start], as: UTF8.self)
                    let words = between.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" })
                    let phrase = words.suffix(maximumPhraseWords).joined(separator: " ")
                    let weight = Float(1.0 / (1.0 + Double(words.count) / 4.0))
                    result.append(ExtractedRelation(subject: i, object: j, phrase: phrase, weight: weight))
                }
                j += 1
            }
        }
        return result
    }

    /// Whether two tokens are separated only by a space, a hyphen, an apostrophe or an initial's dot.
    static func isTightGap(_ bytes: [UInt8], from: Int, to: Int) -> Bool {
        guard to - from <= 2 else { return false }
        for byte in bytes[from..<to] where !(byte == 32 || byte == 45 || byte == 39 || byte == 46 || byte == 38) {
            return false
        }
        return true
    }

    /// Keeps the longest of overlapping mentions (quoted names win over the names inside them).
    static func removingOverlaps(_ mentions: [ExtractedMention]) -> [ExtractedMention] {
        let ordered = mentions.sorted {
            ($0.start, -($0.end - $0.start), $0.kind == .quoted ? 0 : 1) < ($1.start, -($1.end - $1.start), $1.kind == .quoted ? 0 : 1)
        }
        var result: [ExtractedMention] = []
        for mention in ordered {
            if let last = result.last, mention.start < last.end { continue }
            result.append(mention)
        }
        return result
    }
}
