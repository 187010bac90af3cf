import Testing
@testable import KnowledgeGraph

@Suite struct ExtractionTests {
    @Test func findsNamesQuotedNamesAndDates() {
        let text = "Kiss and Tell is a 1945 American comedy film starring Shirley Temple as Corliss Archer. "
            + "It was followed by \"A Kiss for Corliss\" on January 7, 1949."
        let extraction = OfflineExtractor().extract(text: text, title: "Kiss and Tell (1945 film)")
        let keys = extraction.mentions.map(\.key)
        #expect(keys.contains("kiss"))  // "Kiss" alone: "and" is not a name connector
        #expect(keys.contains("shirley temple"))
        #expect(keys.contains("corliss archer"))
        #expect(keys.contains("a kiss for corliss"))
        #expect(keys.contains("1945"))
        #expect(keys.contains("7 january 1949"))
        let bytes = Array(text.utf8)
        for mention in extraction.mentions {
            #expect(String(decoding: bytes[mention.start..<mention.end], as: UTF8.self) == mention.surface)
        }
    }

    @Test func relatesMentionsOfOneSentenceWithATypedRelation() throws {
        let text = "Shirley Temple served as ambassador to Ghana. Paris is far."
        let extraction = OfflineExtractor().extract(text: text, title: "Shirley Temple")
        let relation = try #require(extraction.relations.first)
        #expect(extraction.mentions[relation.subject].key == "shirley temple")
        #expect(extraction.mentions[relation.object].key == "ghana")
        #expect(relation.type == "AMBASSADOR_TO")
        #expect(relation.phrase == "served as ambassador to")
        // Mentions of different sentences are never related.
        #expect(!extraction.relations.contains { extraction.mentions[$0.object].key == "paris" })
    }

    @Test func dropsSentenceStartersAndLeadingThe() {
        let extraction = OfflineExtractor().extract(text: "However, The Beatles played in Hamburg.", title: "X")
        #expect(extraction.mentions.map(\.key) == ["beatles", "hamburg"])
    }

    @Test(arguments: [
        ("temple", "shirley temple", true), ("shirley temple black", "shirley temple", true),
        ("shirley", "shirley temple", true), ("temple", "temple", true), ("black", "shirley temple", false),
        ("s", "shirley s", false), ("paris", "shirley temple", false),
    ])
    func mentionRefersToTitle(key: String, title: String, expected: Bool) {
        #expect(EntityResolution.refersToTitle(key, titleKey: title) == expected)
    }

    @Test func keysAndAcronyms() {
        #expect(EntityKey.normalize("The Beatles'") == "beatles")
        #expect(EntityKey.titleKeys("Kiss and Tell (1945 film)") == ("kiss and tell", "kiss and tell 1945 film"))
        #expect(EntityKey.acronym("National Broadcasting Company") == "nbc")
        #expect(EntityKey.acronym("Paris") == nil)
    }

    @Test func chunkerKeepsShortDocumentsWholeAndSplitsLongOnesAtSentences() {
        #expect(Chunker(maximumWords: 10).chunks(of: "One two. Three four.") == [0..<20])
        let text = "One two three. Four five six. Seven eight nine."
        let chunks = Chunker(maximumWords: 6).chunks(of: text)
        let bytes = Array(text.utf8)
        #expect(chunks.map { String(decoding: bytes[$0], as: UTF8.self) } == ["One two three. Four five six.", "Seven eight nine."])
    }
}
