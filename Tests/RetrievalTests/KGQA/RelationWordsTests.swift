import Testing
@testable import Retrieval

@Suite struct RelationWordsTests {
    @Test(arguments: [
        ["directed", "director", "directing", "directs"], ["wrote", "written", "writer", "writes"],
        ["actors", "acted", "actor"], ["starred", "stars", "starring"], ["founder", "founded"], ["winner", "won", "win"],
    ])
    func inflectionsAndAgentNounsShareAKey(words: [String]) {
        #expect(Set(words.map(WordKey.key)).count == 1)
    }

    @Test func compoundsMatchTheirHead() {
        #expect(WordKey.similarity(WordKey.key("screenwriter"), WordKey.key("writer")) == WordKey.compoundStrength)
        #expect(WordKey.similarity(WordKey.key("act"), WordKey.key("react")) == 0)
        #expect(Lexicon.standard.areSynonyms(WordKey.key("author"), WordKey.key("written")))
        #expect(!Lexicon.standard.areSynonyms(WordKey.key("author"), WordKey.key("genre")))
    }

    @Test func relationNamesTypeTheirEnds() {
        let directed = RelationName("directed_by")
        #expect(directed.objectIsAgent && directed.objectClass == ["direct"])
        #expect(RelationName("starred_actors").objectClass == [WordKey.key("actors")])
        #expect(RelationName("place_of_birth").objectClass == [WordKey.key("place")])
        #expect(RelationName("capital_of").subjectClass == [WordKey.key("capital")])
        #expect(RelationName("born_in").objectClass.isEmpty)
        let dotted = RelationName("film.film.directed_by")
        #expect(dotted.subjectClass == ["film"])
        #expect(dotted.words.contains(.init(key: "film", weight: 0.5)))
        #expect(RelationName("hasChildNamed").words.map(\.key) == ["child", "named"].map(WordKey.key))
    }
}
