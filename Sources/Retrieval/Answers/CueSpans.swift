import KnowledgeGraph
import TextAnalysis

extension AnswerCandidates {
    /// The noun phrases written right after the last word of the question's cue: "… secured what for Ethiopia?"
    /// reads "secured Ethiopian sovereignty" as the candidate "Ethiopian sovereignty", and "… formerly known as
    /// what?" reads the name after "known as". Answers that are no name ("sovereignty", "IT products and
    /// services") are found only this way.
    ///
    /// A phrase starts after the cue word and any preposition or determiner, and runs over nouns, adjectives and
    /// capitalised words (one "of" or "and" between two of them) for at most `maxWords` words; punctuation, a
    /// verb or another closed-class word ends it.
    ///
    /// ```swift
    /// reader.cueSpans(after: "secur", in: 3)   // [AnswerCandidate(text: "Ethiopian sovereignty", …)]
    /// ```
    public func cueSpans(after cueTerm: String, in passage: Int, maxWords: Int = 6) -> [AnswerCandidate] {
        let text = index.graph.passages[passage].text
        let bytes = Array(text.utf8)
        let tokens = index.analyzer.tokenizer.tokenize(text)
        func joinedBySpace(_ left: Int, _ right: Int) -> Bool {
            bytes[tokens[left].end..<tokens[right].start].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") }
        }
        func isPhraseWord(_ token: Token) -> Bool {
            token.isCapitalized || token.isNumber || WordClass.of(token.text) == .other
        }
        var result: [AnswerCandidate] = []
        for position in tokens.indices where index.analyzer.terms(of: [tokens[position]]).first == cueTerm {
            var first = position + 1
            while first < tokens.count, first <= position + 2, joinedBySpace(first - 1, first),
                [.preposition, .determiner].contains(WordClass.of(tokens[first].text))
            {
                first += 1
            }
            guard first < tokens.count, joinedBySpace(first - 1, first), isPhraseWord(tokens[first]) else { continue }
            var last = first
            while last + 1 < tokens.count, last + 1 - first < maxWords, joinedBySpace(last, last + 1) {
                let next = tokens[last + 1]
                if isPhraseWord(next) {
                    last += 1
                } else if ["of", "and"].contains(next.text), last + 2 < tokens.count, joinedBySpace(last + 1, last + 2),
                    isPhraseWord(tokens[last + 2]), last + 2 - first < maxWords
                {
                    last += 2
                } else {
                    break
                }
            }
            let start = tokens[first].start, end = tokens[last].end
            result.append(AnswerCandidate(entity: -1, passage: Int32(passage), start: start, end: end,
                                          text: String(decoding: bytes[start..<end], as: UTF8.self), category: .other))
        }
        return result
    }
}
