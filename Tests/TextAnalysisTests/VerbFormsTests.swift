import Testing
@testable import TextAnalysis

@Suite struct VerbFormsTests {
    @Test(arguments: [
        ("directed", "direct"), ("directs", "direct"), ("directing", "direct"), ("starring", "star"), ("born", "bear"),
        ("wrote", "write"), ("written", "write"), ("founded", "found"), ("found", "find"), ("died", "die"),
        ("located", "locate"), ("studied", "study"), ("hired", "hir"),
    ])
    func recognisesInflectedVerbs(word: String, lemma: String) {
        #expect(VerbForms.lemma(of: word) == lemma)
    }

    @Test(arguments: ["river", "hundred", "during", "series", "band", "bed"])
    func wordsThatOnlyLookLikeVerbsAreNone(word: String) {
        #expect(VerbForms.lemma(of: word) == nil)
    }

    @Test func pastFormsAreCanonical() {
        #expect(VerbForms.past(of: "direct") == "directed")
        #expect(VerbForms.past(of: "star") == "starred")
        #expect(VerbForms.past(of: "write") == "wrote")
        #expect(VerbForms.past(of: "study") == "studied")
        #expect(VerbForms.past(of: "transfer") == "transferred")
        #expect(VerbForms.participle(of: "bear") == "born")
        #expect(VerbForms.participle(of: "write") == "written")
        #expect(VerbForms.isPastForm("born") && VerbForms.isPastForm("founded") && !VerbForms.isPastForm("founds"))
    }

    @Test func wordClassesReadClosedClassesAndVerbs() {
        #expect(WordClass.of("the") == .determiner)
        #expect(WordClass.of("was") == .auxiliary)
        #expect(WordClass.of("of") == .preposition)
        #expect(WordClass.of("she") == .pronoun)
        #expect(WordClass.of("and") == .conjunction)
        #expect(WordClass.of("quickly") == .adverb)
        #expect(WordClass.of("directed") == .verb)
        #expect(WordClass.of("capital") == .other)
        #expect(WordClass.of("italy") == .other)  // not an "-ly" adverb
    }
}

@Suite struct ScalarOffsetsTests {
    @Test(arguments: ["plain ASCII text", "Café Zürich", "中国的首都是北京", "naïve 🚀 rocket", ""])
    func utf8AndScalarOffsetsRoundTrip(text: String) {
        let offsets = ScalarOffsets(text)
        var utf8 = 0
        for (scalarIndex, scalar) in text.unicodeScalars.enumerated() {
            #expect(offsets.scalarOffset(utf8: utf8) == scalarIndex)
            #expect(offsets.utf8Offset(scalar: scalarIndex) == utf8)
            utf8 += scalar.utf8.count
        }
        #expect(offsets.scalarOffset(utf8: utf8) == text.unicodeScalars.count)
    }

    @Test func offsetsBeyondTheTextAreClamped() {
        let offsets = ScalarOffsets("Zürich")
        #expect(offsets.utf8Offset(scalar: 99) == "Zürich".utf8.count)
        #expect(offsets.scalarOffset(utf8: -3) == 0)
    }
}

@Suite struct BinaryCodingTests {
    @Test func valuesArraysAndStringsRoundTrip() throws {
        var writer = BinaryWriter()
        writer.int(-42)
        writer.double(2.5)
        writer.array([Int32(1), 2, 3])
        writer.array([Float(0.5)])
        writer.strings(["", "Zürich", "中国"])
        var reader = BinaryReader(writer.bytes)
        #expect(try reader.int() == -42)
        #expect(try reader.double() == 2.5)
        #expect(try reader.array(of: Int32.self) == [1, 2, 3])
        #expect(try reader.array(of: Float.self) == [0.5])
        #expect(try reader.strings() == ["", "Zürich", "中国"])
    }

    @Test func truncatedInputIsATypedErrorNotACrash() {
        var writer = BinaryWriter()
        writer.array([Int64(7), 8, 9])
        for cut in 0..<writer.bytes.count {
            var reader = BinaryReader(Array(writer.bytes.prefix(cut)))
            #expect(throws: BinaryReader.Truncated.self) { _ = try reader.array(of: Int64.self) }
        }
    }

    @Test func bm25IndexRoundTripsWithTheSameScores() throws {
        var index = BM25Index()
        for text in ["Paris is the capital of France", "Berlin is the capital of Germany", "Rome"] { index.add(Analyzer().terms(text)) }
        var writer = BinaryWriter()
        index.write(to: &writer)
        var reader = BinaryReader(writer.bytes)
        let copy = try BM25Index(reading: &reader)
        let query = Analyzer().terms("capital of France")
        #expect(copy.scores(for: query) == index.scores(for: query))
        #expect(index.scores(forDocuments: [2, 0], terms: query) == [index.scores(for: query)[2], index.scores(for: query)[0]])
    }
}
