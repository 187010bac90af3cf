import Foundation
import PropertyGraph
@testable import Retrieval

/// A small knowledge graph about companies and people, with relation names unlike any data set's,
/// and questions whose answers are known.
enum ToyKnowledgeGraph {
    static let triples = """
        Ada Park\tworks_for\tNorrholm Labs
        Ben Ode\tworks_for\tNorrholm Labs
        Cara Vik\tworks_for\tCaldmere Glassworks
        Norrholm Labs\tfounded_by\tOrla Menz
        Caldmere Glassworks\tfounded_by\tBen Ode
        Norrholm Labs\tlocated_in\tBrannock
        Caldmere Glassworks\tlocated_in\tLund
        Ada Park\tborn_in\tLund
        Ben Ode\tborn_in\tBrannock
        Orla Menz\tborn_in\tBrannock
        Cara Vik\tborn_in\tWestmark
        Dag Holm\tborn_in\tLund
        Ada Park\tspouse\tDag Holm
        Brannock\tcapital_of\tWestmark
        Norrholm Labs\tfounded_in\t1888
        Caldmere Glassworks\tfounded_in\t1901

        """

    /// (question, answers) pairs the offline reward must get right.
    static let questions: [(String, [String])] = [
        ("who does [Ada Park] work for", ["Norrholm Labs"]),
        ("where was [Orla Menz] born", ["Brannock"]),
        ("who founded the company that [Ada Park] works for", ["Orla Menz"]),
        ("who works for the same company as [Ada Park]", ["Ben Ode"]),
        ("in which city was the founder of [Caldmere Glassworks] born", ["Brannock"]),
        ("when was [Norrholm Labs] founded", ["1888"]),
        ("who was born in the city where [Norrholm Labs] is located", ["Ben Ode", "Orla Menz"]),
        ("where was the spouse of [Ada Park] born", ["Lund"]),
    ]

    static func graph() throws -> EntityGraph {
        try EntityGraph(store: TripleFile.load(bytes: Array(triples.utf8), path: "toy.tsv"))
    }

    static func question(_ index: Int) -> KGQAQuestion {
        let (text, answers) = questions[index]
        let (plain, topics) = KGQAQuestion.bracketedTopics(in: text)
        return KGQAQuestion(id: String(index + 1), question: plain, topics: topics, answers: answers)
    }

    static var allQuestions: [KGQAQuestion] { questions.indices.map(question) }
}
