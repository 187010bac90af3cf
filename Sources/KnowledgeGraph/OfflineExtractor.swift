import TextAnalysis

/// The rule-based extractor used offline: capitalised names, quoted names, years and dates, and typed
/// relations read by patterns (verb phrases, copulas, appositions, possessives, life dates; see
/// `SentenceReading`). Pronouns and phrases such as "The film" that open a sentence stand for the
/// passage's title entity.
///
/// ```swift
/// let extraction = OfflineExtractor().extract(text: "Orla Menz was an astronomer, born in Brannock.",
///                                             title: "Orla Menz")
/// extraction.relations.map(\.type)   // ["IS_A", "BORN_IN"]
/// ```
public struct OfflineExtractor: EntityExtractor {
    /// Whether years and full dates are extracted as entities.
    public var extractsDates: Bool

    /// An extractor.
    public init(extractsDates: Bool = true) {
        self.extractsDates = extractsDates
    }

    /// Lower-case words allowed inside a capitalised name ("Bank of America", "Ludwig van Beethoven").
    static let connectors: Set<String> = [
        "of", "the", "de", "la", "le", "du", "da", "von", "van", "der", "den", "del", "di", "for", "y", "al",
        "el", "des", "dos", "das", "&", "d", "l",
    ]
    /// The months, lower case.
    public static let months: Set<String> = [
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

    /// The mentions and typed relations of one passage: names and dates in text order, then the class
    /// phrases of IS_A facts.
    public func extract(text: String, title: String) -> Extraction {
        extract(text: text, title: title, knownNames: nil)
    }

    /// The same, reading the graph's known multi-word names ("Kiss and Tell", "Fell process") as whole names.
    public func extract(text: String, title: String, knownNames: EntityMatcher) -> Extraction {
        extract(text: text, title: title, knownNames: Optional(knownNames))
    }

    private func extract(text: String, title: String, knownNames: EntityMatcher?) -> Extraction {
        let bytes = Array(text.utf8)
        let tokens = EntityKey.tokenizer.tokenize(text)
        let sentences = SentenceSplitter().split(text)
        let titleKey = EntityKey.titleKeys(title)
        var titleNouns = Set(titleKey.full.split(separator: " ").map(String.init))
        var mentions: [ExtractedMention] = []
        var concepts: [ExtractedMention] = []
        var found: [(SentenceReading.Found, conceptBase: Int)] = []
        var tokenStart = 0
        var referent: (key: String, kind: EntityKind) = (titleKey.primary, .title)
        for (sentenceNumber, sentence) in sentences.enumerated() {
            while tokenStart < tokens.count, tokens[tokenStart].start < sentence.lowerBound { tokenStart += 1 }
            var tokenEnd = tokenStart
            while tokenEnd < tokens.count, tokens[tokenEnd].end <= sentence.upperBound { tokenEnd += 1 }
            let sentenceTokens = Array(tokens[tokenStart..<tokenEnd])
            var candidates = names(in: sentenceTokens, bytes: bytes, sentence: sentenceNumber)
            candidates += quoted(in: sentence, bytes: bytes, sentence: sentenceNumber)
            if extractsDates { candidates += dates(in: sentenceTokens, bytes: bytes, sentence: sentenceNumber) }
            // A known name is written with its capital ("No One" the song is not "no-one").
            for match in knownNames?.matches(in: sentenceTokens, overlapping: false) ?? [] where sentenceTokens[match.token].isCapitalized {
                let surface = String(decoding: bytes[match.start..<match.end], as: UTF8.self)
                candidates.append(ExtractedMention(surface: surface, key: match.key, kind: .name, start: match.start,
                                                   end: match.end, sentence: sentenceNumber))
            }
            candidates += TitleReferences(titleKey: referent.key, kind: referent.kind, titleNouns: titleNouns)
                .references(in: sentenceTokens, bytes: bytes, sentence: sentenceNumber)
            let first = mentions.count
            mentions += Self.removingOverlaps(candidates)
            let view = SentenceView(tokens: tokens, range: tokenStart..<tokenEnd, sentence: sentence, bytes: bytes,
                                    mentions: mentions, sentenceMentions: Array(first..<mentions.count))
            var reading = SentenceReading(view: view, mentions: mentions, bytes: bytes, sentence: sentenceNumber)
            // "The Norrholm Causeway, …" opening the article "Opening of the Norrholm Causeway": later
            // pronouns speak of the causeway, the article's subject, not of its title.
            if sentenceNumber == 0, let subject = reading.subject, let index = view.mention(subject),
                mentions[index].kind == .name, !EntityResolution.refersToTitle(mentions[index].key, titleKey: titleKey.primary)
            {
                referent = (mentions[index].key, .name)
            }
            reading.readNominalRelations()
            reading.readVerbalRelations()
            for relation in reading.found {
                found.append((relation, concepts.count))
                // What the title is called ("The observatory …") is learnt from its IS_A facts.
                if relation.type == RelationType.isA, case .mention(let subject) = relation.subject,
                    case .concept(let index) = relation.object,
                    mentions[subject].kind == .title || EntityResolution.refersToTitle(mentions[subject].key, titleKey: titleKey.primary),
                    let head = reading.concepts[index].key.split(separator: " ").last
                {
                    titleNouns.insert(String(head))
                }
            }
            concepts += reading.concepts
            tokenStart = tokenEnd
        }
        let base = mentions.count
        var seen = Set<String>()
        var relations: [ExtractedRelation] = []
        for (relation, conceptBase) in found {
            func index(_ argument: SentenceReading.Argument) -> Int {
                switch argument {
                case .mention(let index): return index
                case .concept(let index): return base + conceptBase + index
                }
            }
            let subject = index(relation.subject), object = index(relation.object)
            guard seen.insert("\(subject) \(object) \(relation.type)").inserted else { continue }
            relations.append(ExtractedRelation(subject: subject, object: object, type: relation.type,
                                               phrase: relation.phrase, confidence: relation.confidence))
        }
        return Extraction(mentions: mentions + concepts, relations: relations)
    }

    /// Runs of capitalised words, joined by connectors and tight punctuation (initials, hyphens).
    func names(in tokens: [Token], bytes: [UInt8], sentence: Int) -> [ExtractedMention] {
        var result: [ExtractedMention] = []
        var index = 0
        while index < tokens.count {
            // A name starts with a capital, or with an ordinal before one ("159th Fighter Wing").
            let ordinalStart = Self.isOrdinal(tokens[index]) && index + 1 < tokens.count && tokens[index + 1].isCapitalized
            guard tokens[index].isCapitalized || ordinalStart else { index += 1; continue }
            var last = index
            var probe = index + 1
            while probe < tokens.count, Self.isTightGap(bytes, from: tokens[probe - 1].end, to: tokens[probe].start) {
                let token = tokens[probe]
                // "Great Storm of 1871": a year after "of" belongs to the name.
                let yearAfterOf = token.isNumber && token.text.count == 4 && tokens[probe - 1].text == "of"
                if token.isCapitalized || (token.isNumber && token.text.count <= 3) || yearAfterOf || Self.isOrdinal(token) {
                    last = probe
                } else if token.text == "s", probe + 1 < tokens.count, tokens[probe + 1].isCapitalized,
                    Self.isTightGap(bytes, from: token.end, to: tokens[probe + 1].start)
                {
                    // "Oskar's Reach", "St. Aldric's Church": a possessive inside a name.
                } else if token.text == "and", tokens[index...probe].contains(where: { $0.text == "of" }),
                    probe + 1 < tokens.count, tokens[probe + 1].isCapitalized
                {
                    // "Department of Health and Human Services".
                } else if !Self.connectors.contains(token.text)
                    || (token.text == "for" && !Self.isClassNoun(tokens[probe - 1].text))
                {
                    // "Center for Political Studies", but not "Perry for Hilson".
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
        guard let first = slice.first, let last = slice.last, first.isCapitalized || Self.isOrdinal(first) else { return }
        if slice.count == 1 && (first.text.count < 2 || first.isNumber) { return }
        // "State", "City", "Lake" alone are class nouns written with a capital, not names.
        if slice.count == 1, EntityCategory.of(classNoun: first.text, usingSuffixes: false) != nil { return }
        // "Covering the …", "Founded in …": a sentence's first word that is a verb form names nothing.
        if slice.count == 1, sentenceStart, first.start == run.first?.start,
            WordClass.of(first.text) != .other || Self.nominalSuffixes.contains(where: { first.text.hasSuffix($0) })
        {
            return  // "Construction on the canal …": a common noun that opens the sentence
        }
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

    /// Whether two tokens are separated only by a space, a hyphen, an apostrophe (straight or curly), an
    /// ampersand or an initial's dot.
    static func isTightGap(_ bytes: [UInt8], from: Int, to: Int) -> Bool {
        var offset = from
        var characters = 0
        while offset < to {
            if bytes[offset] == 0xE2, offset + 2 < to, bytes[offset + 1] == 0x80, bytes[offset + 2] == 0x99 {
                offset += 3
            } else if [32, 45, 39, 46, 38].contains(bytes[offset]) {
                offset += 1
            } else {
                return false
            }
            characters += 1
        }
        // "Harrow & Lune": an ampersand between spaces.
        return characters <= 2 || (characters == 3 && bytes[from + 1] == 38)
    }

    /// Endings of common nouns that open sentences capitalised ("Construction", "Development").
    static let nominalSuffixes = ["tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship"]

    /// Whether a word names a kind of organisation or place ("center", "institute", "society").
    static func isClassNoun(_ word: String) -> Bool {
        guard let category = EntityCategory.of(classNoun: word) else { return false }
        return category != .person
    }

    /// "159th", "122d", "3rd": digits then a letter suffix.
    static func isOrdinal(_ token: Token) -> Bool {
        guard let first = token.text.unicodeScalars.first, ("0"..."9").contains(first), !token.isNumber else { return false }
        let letters = token.text.drop { $0.isNumber }
        return ["st", "nd", "rd", "th", "d"].contains(String(letters))
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
