import TextAnalysis

extension KnowledgeGraph {
    /// Adds mentions of title entities written anywhere in the given passages.
    mutating func link(with linker: EntityMatcher, passages list: [Int]) {
        guard !linker.isEmpty, !list.isEmpty else { return }
        let wanted = Set(list.map { Int32($0) })
        var mentioned = Set<Int64>()
        for mention in mentions where wanted.contains(mention.passage) {
            mentioned.insert(Int64(mention.passage) << 32 | Int64(mention.entity))
        }
        // What the extractor read where: a title found on the span of a name it read as another entity
        // ("Knott" after "Walter Knott") is that entity.
        var readByPassage: [Int32: [Range<Int32>: Int32]] = [:]
        for mention in mentions where wanted.contains(mention.passage) && mention.sentence >= 0 && mention.end > mention.start {
            readByPassage[mention.passage, default: [:]][mention.start..<mention.end] = mention.entity
        }
        var spansByPassage: [Int32: [Range<Int32>]] = [:]
        for mention in mentions where wanted.contains(mention.passage) && isNameSpan(mention) {
            spansByPassage[mention.passage, default: []].append(mention.start..<mention.end)
        }
        var dictionaryLinks: [Int32: [Int]] = [:]
        for (position, mention) in mentions.enumerated() where mention.sentence == -2 && wanted.contains(mention.passage) {
            dictionaryLinks[mention.passage, default: []].append(position)
        }
        var superseded = Set<Int>()
        for passage in list {
            let tokens = EntityKey.tokenizer.tokenize(passages[passage].text)
            // Every occurrence of every title (nested ones too), so the result does not depend on
            // the order in which documents were added; but a title written inside a longer name
            // ("Kiss" inside the title "Kiss and Tell") is part of that title, not a mention of its own.
            let found = linker.allMatches(in: tokens)
            let spans = (spansByPassage[Int32(passage)] ?? []) + found.map { Int32($0.start)..<Int32($0.end) }
            // A title added now may contain a shorter title linked by an earlier insert: that link
            // was part of this longer name all along.
            for position in dictionaryLinks[Int32(passage)] ?? [] {
                let old = mentions[position]
                if found.contains(where: { $0.entity != old.entity && Int32($0.start) <= old.start && Int32($0.end) >= old.end
                    && (Int32($0.start), Int32($0.end)) != (old.start, old.end) })
                {
                    superseded.insert(position)
                }
            }
            let support = LinkSupport(text: passages[passage].text, tokens: tokens)
            let read = readByPassage[Int32(passage)] ?? [:]
            for match in found where admits(match, within: spans, support: support, read: read) {
                let span = Int32(match.start)..<Int32(match.end)
                let pair = Int64(passage) << 32 | Int64(match.entity)
                // The passage's own title written in its text is kept too: its span tells a later
                // insert that a new shorter title found inside it is no mention of its own.
                guard match.entity == titleEntity[passage] || mentioned.insert(pair).inserted else { continue }
                mentions.append(Mention(entity: match.entity, passage: Int32(passage), start: span.lowerBound,
                                        end: span.upperBound, sentence: -2))
            }
        }
        if !superseded.isEmpty {
            mentions = mentions.enumerated().filter { !superseded.contains($0.offset) }.map(\.element)
        }
    }

    /// Whether a mention's span is a name written in the text: a title, or a name of several words the
    /// extractor read ("Hillary Clinton", "Democratic Republic of the Congo").
    private func isNameSpan(_ mention: Mention) -> Bool {
        guard mention.end > mention.start else { return false }
        switch entities[Int(mention.entity)].kind {
        case .title: return true
        case .name, .quoted: return entities[Int(mention.entity)].key.contains(" ")
        case .date, .number, .concept: return false
        }
    }

    /// Whether the dictionary linker admits a title found in a passage: not written inside a longer name
    /// ("Kiss" inside "Kiss and Tell"), and, with `support`, where the
    /// context supports it (see `LinkSupport`).
    func admits(_ match: EntityMatcher.Match, within spans: [Range<Int32>], support: LinkSupport?,
                read: [Range<Int32>: Int32] = [:]) -> Bool
    {
        let span = Int32(match.start)..<Int32(match.end)
        if let other = read[span], other != match.entity, support != nil { return false }
        if spans.contains(where: { $0 != span && $0.lowerBound <= span.lowerBound && $0.upperBound >= span.upperBound }) {
            return false
        }
        guard let support else { return true }
        return support.allows(entities[Int(match.entity)], key: match.key, at: match.token..<(match.token + match.tokenCount))
    }

    /// Whether the linker links the span `span` (UTF-8 offsets) of a passage to an entity: as a name the
    /// extractor read there, or as a title the dictionary linker admits. Without `checkingContext`, the
    /// linker as it was before context checks: any capitalised title outside a longer title links.
    func links(_ span: Range<Int>, in passage: Int, to entity: Int32, titles: EntityMatcher, checkingContext: Bool) -> Bool {
        let own = mentions.filter { Int($0.passage) == passage }
        if checkingContext, own.contains(where: { $0.entity == entity && $0.sentence >= 0 && Int($0.start) <= span.lowerBound
            && Int($0.end) >= span.upperBound })
        {
            return true
        }
        let text = passages[passage].text
        let tokens = EntityKey.tokenizer.tokenize(text)
        let found = titles.allMatches(in: tokens)
        guard let match = found.first(where: { $0.entity == entity && $0.start == span.lowerBound && $0.end == span.upperBound })
        else { return false }
        let names = own.filter { checkingContext ? isNameSpan($0) : ($0.end > $0.start && entities[Int($0.entity)].kind == .title) }
        let spans = names.map { $0.start..<$0.end } + found.map { Int32($0.start)..<Int32($0.end) }
        let support = checkingContext ? LinkSupport(text: text, tokens: tokens) : nil
        var read: [Range<Int32>: Int32] = [:]
        for mention in own where mention.sentence >= 0 && mention.end > mention.start { read[mention.start..<mention.end] = mention.entity }
        if admits(match, within: spans, support: support, read: read) { return true }
        // The same entity linked on a longer span (its full title "McFarland, USA" written out).
        return checkingContext && found.contains {
            $0.entity == entity && $0.start <= span.lowerBound && $0.end >= span.upperBound
                && admits($0, within: spans, support: support, read: read)
        }
    }
}
