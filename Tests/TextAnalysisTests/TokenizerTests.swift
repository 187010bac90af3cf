import Testing
@testable import TextAnalysis

@Suite struct TokenizerTests {
    @Test func splitsWordsAndKeepsUTF8Offsets() {
        let text = "Shirley Temple's films"
        let tokens = Tokenizer().tokenize(text)
        #expect(tokens.map(\.text) == ["shirley", "temple", "s", "films"])
        let bytes = Array(text.utf8)
        #expect(tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } == ["Shirley", "Temple", "s", "films"])
        #expect(tokens.map(\.isCapitalized) == [true, true, false, false])
    }

    @Test func foldsDiacriticsAndCompatibilityForms() {
        let tokens = Tokenizer().tokenize("Müller café Ｆｕｌｌ")
        #expect(tokens.map(\.text) == ["muller", "cafe", "full"])
        #expect(tokens[1].start == 8)  // "Müller " is 8 UTF-8 bytes (ü takes two)
    }

    @Test func minimumLengthDropsShortTokensLikeBM25s() {
        #expect(Tokenizer(minimumLength: 2).tokenize("a b cd 7 42").map(\.text) == ["cd", "42"])
    }

    @Test func marksNumbers() {
        let tokens = Tokenizer().tokenize("in 1945 x2")
        #expect(tokens.map(\.isNumber) == [false, true, false])
    }

    @Test(arguments: [
        ("Dr. Who arrived. He left.", ["Dr. Who arrived.", "He left."]),
        ("J. R. R. Tolkien wrote it. It sold!", ["J. R. R. Tolkien wrote it.", "It sold!"]),
        ("It is in the U.S. Army. \"Yes,\" he said.", ["It is in the U.S. Army.", "\"Yes,\" he said."]),
        ("No end", ["No end"]),
    ])
    func splitsSentences(text: String, expected: [String]) {
        let bytes = Array(text.utf8)
        let sentences = SentenceSplitter().split(text).map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(sentences == expected)
    }

    @Test func nGrams() {
        #expect(NGrams.of(["new", "york", "city"], n: 2).map(Array.init) == [["new", "york"], ["york", "city"]])
        #expect(NGrams.ranges(count: 3, lengths: 2...3) == [0..<2, 1..<3, 0..<3])
        #expect(NGrams.characters("ab", n: 2) == ["#a", "ab", "b#"])
    }

    @Test func normalizerOptions() {
        #expect(TextNormalizer().normalize("Ärger") == "arger")
        #expect(TextNormalizer(removesDiacritics: false).normalize("Ärger") == "ärger")
        #expect(TextNormalizer(foldsCase: false).normalize("ABC") == "ABC")
    }

    @Test func analyzerDropsStopWordsThenStems() {
        #expect(Analyzer().terms("The connections of Paris") == ["connect", "pari"])
        #expect(Analyzer(stems: false).terms("The connections of Paris") == ["connections", "paris"])
    }
}
