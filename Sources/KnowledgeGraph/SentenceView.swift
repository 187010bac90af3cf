import TextAnalysis

/// One sentence read as a sequence of items: the extractor's mentions, the words between them, and
/// the punctuation that shapes clauses (commas, parentheses, dashes, the possessive "'s").
///
/// The relation patterns run over this sequence, so they see "MENTION , born in MENTION" rather than
/// bytes and tokens.
struct SentenceView {
    /// Punctuation that matters to the patterns.
    enum Mark: Hashable {
        case comma, semicolon, colon, openParenthesis, closeParenthesis, dash, quote, possessive
    }

    /// An element of the sentence.
    enum Item: Hashable {
        /// A mention (index into the passage's mention list).
        case mention(Int)
        /// A word (index into the passage's tokens).
        case word(Int)
        /// A punctuation mark.
        case mark(Mark)
    }

    /// The items in text order.
    let items: [Item]
    /// UTF-8 offset where each item starts (a mark: where it stands).
    let starts: [Int]
    /// The passage's tokens (words are indices into it).
    let tokens: [Token]

    /// Reads one sentence: `mentions` are the passage's mentions (sorted, without overlaps) and
    /// `sentenceMentions` the indices of those in this sentence.
    init(tokens: [Token], range: Range<Int>, sentence: Range<Int>, bytes: [UInt8], mentions: [ExtractedMention],
         sentenceMentions: [Int])
    {
        self.tokens = tokens
        var items: [Item] = []
        var starts: [Int] = []
        var pending = sentenceMentions[...]
        var previousEnd = sentence.lowerBound
        var index = range.lowerBound
        func addMarks(from: Int, to: Int) {
            var offset = from
            while offset < to {
                if let (mark, width) = Self.mark(in: bytes, at: offset, limit: to) {
                    items.append(.mark(mark))
                    starts.append(offset)
                    offset += width
                } else {
                    offset += 1
                }
            }
        }
        while index < range.upperBound {
            let token = tokens[index]
            if let next = pending.first, mentions[next].start <= token.start {
                addMarks(from: previousEnd, to: mentions[next].start)
                items.append(.mention(next))
                starts.append(mentions[next].start)
                previousEnd = mentions[next].end
                pending = pending.dropFirst()
                while index < range.upperBound, tokens[index].start < previousEnd { index += 1 }
                continue
            }
            addMarks(from: previousEnd, to: token.start)
            // "'s" after a word or a name is the possessive, not a word.
            if token.text == "s", token.start >= 1, previousEnd == token.start - 1 || previousEnd == token.start - 3,
                Self.isApostrophe(bytes, before: token.start)
            {
                items.append(.mark(.possessive))
            } else {
                items.append(.word(index))
            }
            starts.append(token.start)
            previousEnd = token.end
            index += 1
        }
        for next in pending {
            addMarks(from: previousEnd, to: mentions[next].start)
            items.append(.mention(next))
            starts.append(mentions[next].start)
            previousEnd = mentions[next].end
        }
        addMarks(from: previousEnd, to: sentence.upperBound)
        self.items = items
        self.starts = starts
    }

    /// The lower-case word at a position, or nil when the item is not a word.
    func word(_ position: Int) -> String? {
        guard items.indices.contains(position), case .word(let token) = items[position] else { return nil }
        return tokens[token].text
    }

    /// The word class at a position (nil for mentions and marks).
    func wordClass(_ position: Int) -> WordClass? {
        word(position).map { WordClass.of($0) }
    }

    /// The mention at a position, if any.
    func mention(_ position: Int) -> Int? {
        guard items.indices.contains(position), case .mention(let index) = items[position] else { return nil }
        return index
    }

    /// Whether the item at a position is the given mark.
    func isMark(_ position: Int, _ mark: Mark) -> Bool {
        items.indices.contains(position) && items[position] == .mark(mark)
    }

    /// Whether the item at a position is joined to the next by a hyphen or a dash without spaces
    /// ("Alabama-based", "New York–Paris", "role-playing").
    func isJoinedToNext(_ position: Int, bytes: [UInt8]) -> Bool {
        guard items.indices.contains(position + 1) else { return false }
        let next = starts[position + 1]
        guard next >= 1 else { return false }
        if bytes[next - 1] == 45 { return next >= 2 && bytes[next - 2] != 32 }
        return next >= 3 && bytes[next - 3] == 0xE2 && bytes[next - 2] == 0x80 && (bytes[next - 1] == 0x93 || bytes[next - 1] == 0x94)
            && next >= 4 && bytes[next - 4] != 32
    }

    /// Whether the word at a position was written with a capital letter.
    func isCapitalized(_ position: Int) -> Bool {
        guard items.indices.contains(position), case .word(let token) = items[position] else { return false }
        return tokens[token].isCapitalized
    }

    private static func isApostrophe(_ bytes: [UInt8], before offset: Int) -> Bool {
        if bytes[offset - 1] == 39 { return true }
        // U+2019 RIGHT SINGLE QUOTATION MARK: E2 80 99.
        return offset >= 3 && bytes[offset - 3] == 0xE2 && bytes[offset - 2] == 0x80 && bytes[offset - 1] == 0x99
    }

    /// The mark at a byte offset and its width in bytes.
    private static func mark(in bytes: [UInt8], at offset: Int, limit: Int) -> (Mark, Int)? {
        switch bytes[offset] {
        case 44: return (.comma, 1)
        case 59: return (.semicolon, 1)
        case 58: return (.colon, 1)
        case 40, 91: return (.openParenthesis, 1)
        case 41, 93: return (.closeParenthesis, 1)
        case 34: return (.quote, 1)
        case 45 where offset + 1 < limit && bytes[offset + 1] == 32: return (.dash, 1)
        case 0xE2 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80:
            switch bytes[offset + 2] {
            case 0x93, 0x94: return (.dash, 3)  // en and em dash
            case 0x9C, 0x9D: return (.quote, 3)
            default: return nil
            }
        default: return nil
        }
    }
}
