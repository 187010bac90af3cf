import TextAnalysis

/// Words that refer to a passage's title entity without naming it: a pronoun opening a sentence ("She
/// studied …", "It was founded …"), a possessive opening one ("His son …"), "he"/"she" after "and" or
/// "where", and a definite description such as "The council …" whose noun is a word of the title or
/// a class the passage gave it ("The observatory" in an article that said it "is an observatory").
///
/// In encyclopaedic text these almost always mean the article's subject; they become mentions of
/// kind `title`, so relations read from such sentences attach to the title entity.
///
/// ```swift
/// let references = TitleReferences(titleKey: "orla menz", kind: .title, titleNouns: ["orla", "menz"])
/// references.references(in: EntityKey.tokenizer.tokenize("She founded it."), bytes: …, sentence: 1)  // "She"
/// ```
struct TitleReferences {
    /// The key of what the references stand for: the title's, or the article's first subject's.
    let titleKey: String
    /// `title` for the title entity, `name` for an article subject that is not the title.
    let kind: EntityKind
    /// Nouns that can name the title in a definite description.
    let titleNouns: Set<String>

    static let subjectPronouns: Set<String> = ["he", "she", "it", "they"]

    /// The references to the title among a sentence's tokens.
    func references(in tokens: [Token], bytes: [UInt8], sentence: Int) -> [ExtractedMention] {
        guard !tokens.isEmpty else { return [] }
        var result: [ExtractedMention] = []
        var first = 0
        // "In 1888 she founded …", "After twenty years as a master, she settled …": a short opening phrase.
        if let comma = openingPhraseEnd(tokens, bytes: bytes) { first = comma }
        let opening = tokens[first]
        if opening.isCapitalized || first > 0 {
            if Self.subjectPronouns.contains(opening.text) || WordClass.possessives.contains(opening.text) {
                result.append(mention(tokens[first...first], bytes: bytes, sentence: sentence))
            } else if opening.text == "the", first + 2 < tokens.count {
                for length in [1, 2] where first + length + 1 < tokens.count {
                    let noun = tokens[first + length].text
                    let next = WordClass.of(tokens[first + length + 1].text)
                    let words = tokens[(first + 1)...(first + length)]
                    guard words.allSatisfy({ !$0.isCapitalized }), titleNouns.contains(noun),
                        next == .verb || next == .auxiliary
                    else { continue }
                    result.append(mention(tokens[first...(first + length)], bytes: bytes, sentence: sentence))
                    break
                }
            }
        }
        for index in tokens.indices.dropFirst(first + 1) where ["he", "she"].contains(tokens[index].text) {
            if ["and", "where", "but", "when"].contains(tokens[index - 1].text), !tokens[index].isCapitalized {
                result.append(mention(tokens[index...index], bytes: bytes, sentence: sentence))
            }
        }
        return result
    }

    /// The index of the first token after a short opening phrase ("In 1888", "After twenty years,").
    private func openingPhraseEnd(_ tokens: [Token], bytes: [UInt8]) -> Int? {
        guard WordClass.of(tokens[0].text) == .preposition, tokens.count > 2 else { return nil }
        // "From 1888 the glassworks …", "In 1888 she …".
        if tokens[1].isNumber, !tokens[2].isNumber { return 2 }
        let window = 1..<min(tokens.count - 1, 8)
        for index in window where bytes[tokens[index].end] == 44 {
            return index + 1
        }
        // "In 1888 she founded …", "With the merchant Lise Harrow he founded …".
        return window.first { Self.subjectPronouns.contains(tokens[$0].text) && !tokens[$0].isCapitalized }
    }

    private func mention(_ words: ArraySlice<Token>, bytes: [UInt8], sentence: Int) -> ExtractedMention {
        let start = words.first?.start ?? 0
        let end = words.last?.end ?? start
        return ExtractedMention(surface: String(decoding: bytes[start..<end], as: UTF8.self), key: titleKey,
                                kind: kind, start: start, end: end, sentence: sentence)
    }
}
