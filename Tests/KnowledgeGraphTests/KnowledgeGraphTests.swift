import Foundation
import PropertyGraph
import Testing
@testable import KnowledgeGraph

/// A tiny corpus with a bridge: the film's article names the actress, whose article is elsewhere.
let sampleCorpus = [
    CorpusDocument(id: "d1", title: "Kiss and Tell (1945 film)",
                   text: "Kiss and Tell is a 1945 comedy film starring Shirley Temple as Corliss Archer."),
    CorpusDocument(id: "d2", title: "Shirley Temple",
                   text: "Shirley Temple Black was an actress. As an adult, she was named ambassador to Ghana."),
    CorpusDocument(id: "d3", title: "Ghana", text: "Ghana is a country in West Africa. Its capital is Accra."),
    CorpusDocument(id: "d4", title: "Accra", text: "Accra is the capital of Ghana."),
]

@Suite struct KnowledgeGraphTests {
    @Test func linksMentionsToTitleEntitiesWithProvenance() throws {
        var graph = KnowledgeGraph()
        graph.add(sampleCorpus)
        #expect(graph.passages.count == 4)
        let temple = try #require(graph.entity(forKey: "shirley temple"))
        #expect(graph.entities[Int(temple)].kind == .title)
        #expect(graph.titleEntity[1] == temple)
        // The film passage mentions the actress, at the right offsets.
        let mention = try #require(graph.mentions.first { $0.passage == 0 && $0.entity == temple })
        let bytes = Array(graph.passages[0].text.utf8)
        #expect(String(decoding: bytes[Int(mention.start)..<Int(mention.end)], as: UTF8.self) == "Shirley Temple")
        // "Shirley Temple Black" in her own article is her title entity, not a new one.
        #expect(graph.entity(forKey: "shirley temple black") == nil)
        // "Kiss and Tell" resolves through the title without its disambiguation.
        #expect(graph.entity(forKey: "kiss and tell") == graph.titleEntity[0])
        // "a 1945 comedy film starring Shirley Temple as Corliss Archer": typed, in both directions of reading.
        let film = graph.titleEntity[0]
        #expect(graph.relations.contains { $0.subject == temple && $0.type == "STARRED_IN" && $0.object == film })
        #expect(graph.relations.contains { $0.subject == temple && $0.type == "PLAYED" && graph.entities[Int($0.object)].key == "corliss archer" })
    }

    @Test func aTimeWordModifyingANounNamesNothing() throws {
        var graph = KnowledgeGraph()
        graph.add([
            CorpusDocument(id: "m", title: "December (magazine)", text: "December is a literary magazine founded in Iowa."),
            CorpusDocument(id: "a", title: "Orla Menz", text: "Orla Menz was announced in the December issue of the magazine."),
            CorpusDocument(id: "b", title: "Ben Ode", text: "Ben Ode wrote for the magazine December, which printed his first story."),
        ])
        let magazine = try #require(graph.entity(forKey: "december"))
        // "the December issue": the month says when; "the magazine December": the title names the magazine.
        #expect(!graph.mentions.contains { $0.passage == 1 && $0.entity == magazine })
        #expect(graph.mentions.contains { $0.passage == 2 && $0.entity == magazine })
    }

    @Test func incrementalInsertEqualsOneBuild() {
        var whole = KnowledgeGraph()
        whole.add(sampleCorpus)
        var parts = KnowledgeGraph()
        parts.add(Array(sampleCorpus[2...]))
        parts.add(Array(sampleCorpus[..<2]))
        // Same set of passage–entity links, whatever the order of insertion.
        func links(_ graph: KnowledgeGraph) -> Set<String> {
            Set(graph.mentions.map { "\(graph.passages[Int($0.passage)].id)→\(graph.entities[Int($0.entity)].key)" })
        }
        #expect(links(whole) == links(parts))
        // Ghana was added first; the later article about Shirley Temple still links to it.
        #expect(links(parts).contains("d2→ghana"))
    }

    @Test func storeRoundTripKeepsEverything() throws {
        var graph = KnowledgeGraph()
        graph.add(sampleCorpus)
        let store = GraphStore()
        try graph.write(to: store)
        #expect(store.nodeCount(label: try #require(store.labelID("Passage"))) == 4)
        let copy = try KnowledgeGraph(store: store)
        #expect(copy.documents == graph.documents)
        #expect(copy.passages == graph.passages)
        #expect(copy.entities == graph.entities)
        #expect(copy.mentions == graph.mentions)
        #expect(copy.relations == graph.relations)
        #expect(copy.titleEntity == graph.titleEntity)
        #expect(copy.entityByKey == graph.entityByKey)
    }

    @Test func readsJSONLAndReportsBadLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-kg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("c.jsonl")
        try Data("{\"id\":\"a\",\"title\":\"A\",\"text\":\"x\"}\n\n{\"id\":\"b\",\"text\":\"y\"}\n".utf8).write(to: good)
        let documents = try CorpusReader.read(good)
        #expect(documents == [CorpusDocument(id: "a", title: "A", text: "x"), CorpusDocument(id: "b", title: "", text: "y")])
        let bad = folder.appendingPathComponent("bad.jsonl")
        try Data("{\"id\":\"a\",\"text\":\"x\"}\n{oops\n".utf8).write(to: bad)
        #expect(throws: CorpusError.self) { try CorpusReader.read(bad) }
        do { _ = try CorpusReader.read(bad) } catch { #expect(error.line == 2) }
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Data("# Ghana\nGhana is a country.".utf8).write(to: notes.appendingPathComponent("g.md"))
        try Data("Accra is a city.".utf8).write(to: notes.appendingPathComponent("Accra.txt"))
        let fromFolder = try CorpusReader.read(notes)
        #expect(fromFolder.map(\.title) == ["Accra", "Ghana"])
        #expect(fromFolder.map(\.text) == ["Accra is a city.", "Ghana is a country."])
        #expect(fromFolder.map(\.id) == ["Accra", "g"])
    }
}

@Suite struct TitleLinkingTests {
    static let kissCorpus = [
        CorpusDocument(id: "film", title: "Kiss and Tell (1945 film)", text: "Kiss and Tell is a film. Fans still kiss."),
        CorpusDocument(id: "review", title: "Review", text: "A review of the album Kiss and of Kiss and Tell."),
        CorpusDocument(id: "album", title: "Kiss (album)", text: "Kiss is an album."),
    ]

    @Test(arguments: [1, 3])
    func aTitleInsideALongerTitleIsNotLinked(batch: Int) throws {
        var graph = KnowledgeGraph()
        // Added one by one, the album's title arrives after the passages that contain "Kiss".
        for start in stride(from: 0, to: Self.kissCorpus.count, by: batch) {
            graph.add(Array(Self.kissCorpus[start..<min(start + batch, Self.kissCorpus.count)]))
        }
        let album = try #require(graph.entity(forKey: "kiss"))
        let linked = Set(graph.mentions.filter { $0.entity == album }.map { graph.passages[Int($0.passage)].id })
        // The film's own title contains "Kiss"; "kiss" in lower case is a word; the review names both.
        #expect(linked == ["album", "review"])
    }

    @Test func aLongerTitleAddedLaterSupersedesTheShorterLink() throws {
        let documents = [
            CorpusDocument(id: "band", title: "Suicide (band)", text: "Suicide was a duo."),
            CorpusDocument(id: "ayer", title: "David Ayer", text: "Ayer directed the film \"Suicide Squad\" in 2016."),
            CorpusDocument(id: "film", title: "Suicide Squad (film)", text: "Suicide Squad is a film."),
        ]
        var whole = KnowledgeGraph()
        whole.add(documents)
        var oneByOne = KnowledgeGraph()
        for document in documents { oneByOne.add([document]) }
        func links(_ graph: KnowledgeGraph) -> Set<String> {
            Set(graph.mentions.map { "\(graph.passages[Int($0.passage)].id)→\(graph.entities[Int($0.entity)].key)" })
        }
        #expect(links(whole) == links(oneByOne))
        #expect(!links(oneByOne).contains("ayer→suicide"))
        #expect(links(oneByOne).contains("ayer→suicide squad"))
    }

    @Test func matcherReportsNestedNamesOnlyWhenAskedForAll() {
        let entities = [Entity(name: "New York", key: "new york", kind: .title),
                        Entity(name: "New York City", key: "new york city", kind: .title)]
        let matcher = EntityMatcher(entities: entities, candidates: [0, 1])
        let tokens = EntityKey.tokenizer.tokenize("He moved to New York City.")
        #expect(matcher.matches(in: tokens, overlapping: false).map(\.entity) == [1])
        #expect(Set(matcher.allMatches(in: tokens).map(\.entity)) == [0, 1])
    }
}
