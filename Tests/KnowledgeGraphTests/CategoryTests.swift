import Testing
@testable import KnowledgeGraph

@Suite struct CategoryTests {
    static func graph(_ documents: [CorpusDocument]) -> KnowledgeGraph {
        var graph = KnowledgeGraph()
        graph.add(documents)
        return graph
    }

    static func category(_ graph: KnowledgeGraph, _ name: String) -> EntityCategory? {
        graph.entities.first { $0.name == name }?.category
    }

    @Test func classPhrasesReadThroughCompoundsAfterAName() {
        for (text, concept) in [
            ("Adriana Trigiani is an Italian American best-selling author of sixteen books.", "italian american best selling author"),
            ("Tom Haller is an American award-winning author.", "american award winning author"),
        ] {
            let extraction = OfflineExtractor().extract(text: text, title: "X")
            let classes = extraction.relations.filter { $0.type == RelationType.isA }.map { extraction.mentions[$0.object].key }
            #expect(classes == [concept], "\(text)")
        }
    }

    @Test func pronounsVerbsAndTheOpeningNameGiveCategories() {
        let graph = Self.graph([
            CorpusDocument(id: "r", title: "Rose Kellan", text: "Rose Arianna Kellan is known to audiences. She played in the series \"Charmed\"."),
            CorpusDocument(id: "c", title: "Orvane Systems", text: "Orvane Systems is headquartered in Mumbai."),
        ])
        // "She" refers to the opening name; the title shares its category.
        #expect(Self.category(graph, "Rose Arianna Kellan") == .person)
        #expect(Self.category(graph, "Rose Kellan") == .person)
        // The object of "headquartered in" is a place.
        #expect(Self.category(graph, "Mumbai") == .place)
    }

    @Test func theCorpusIsItsOwnListOfGivenNames() {
        var documents: [CorpusDocument] = []
        for (index, surname) in ["Abbot", "Hale", "Croft"].enumerated() {
            documents.append(CorpusDocument(id: "p\(index)", title: "Maren \(surname)", text: "Maren \(surname) (born 1950) is a painter."))
        }
        documents.append(CorpusDocument(id: "x", title: "Gallery", text: "The gallery shows works by Maren Dalby."))
        let graph = Self.graph(documents)
        #expect(Self.category(graph, "Maren Abbot") == .person)
        #expect(Self.category(graph, "Maren Dalby") == .person)
    }

    @Test func aQuotedNameNoTitleFitsIsAnEntityOfItsOwn() {
        let graph = Self.graph([
            CorpusDocument(id: "s", title: "Charmed (season 4)", text: "The fourth season of Charmed began in 2001."),
            CorpusDocument(id: "r", title: "Rose Kellan", text: "Rose Kellan is best known for the drama series \"Charmed\" from 2001 to 2006."),
        ])
        let passage = graph.passages.firstIndex { $0.id == "r" } ?? -1
        let linked = graph.mentions.filter { Int($0.passage) == passage && $0.end > $0.start }.map { graph.entities[Int($0.entity)].name }
        #expect(linked.contains("Charmed"))
        #expect(!linked.contains("Charmed (season 4)"))
    }
}
