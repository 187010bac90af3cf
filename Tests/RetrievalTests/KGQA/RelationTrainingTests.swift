import Foundation
import Testing
@testable import Retrieval

/// Training on a graph whose relations have opaque, Wikidata-style names: the offline reward cannot
/// read them, the learned word–relation statistics can.
@Suite struct RelationTrainingTests {
    static let people = (0..<12).map { "Person \($0)" }
    static let companies = (0..<4).map { "Company \($0)" }
    static let cities = (0..<5).map { "City \($0)" }
    static let founders = (0..<4).map { "Founder \($0)" }

    static func graph() throws -> EntityGraph {
        var lines: [String] = []
        for (i, person) in people.enumerated() {
            lines.append("\(person)\tP108\t\(companies[i % 4])")
            lines.append("\(person)\tP19\t\(cities[i % 5])")
        }
        for (j, company) in companies.enumerated() {
            lines.append("\(company)\tP112\t\(founders[j])")
            lines.append("\(founders[j])\tP19\t\(cities[(j * 2) % 5])")
            lines.append("\(company)\tP131\t\(cities[(j + 1) % 5])")
        }
        return try EntityGraph(store: TripleFile.load(bytes: Array((lines.joined(separator: "\n") + "\n").utf8)))
    }

    static func questions(people range: Range<Int>, companies companyRange: Range<Int>) -> [KGQAQuestion] {
        var questions: [KGQAQuestion] = []
        func add(_ text: String, _ topic: String, _ answers: [String]) {
            questions.append(KGQAQuestion(id: String(questions.count), question: text, topics: [topic], answers: answers))
        }
        for i in range {
            let person = people[i], company = i % 4
            add("who does \(person) work for", person, [companies[company]])
            add("where was \(person) born", person, [cities[i % 5]])
            add("who founded the company \(person) works for", person, [founders[company]])
            let colleagues = people.indices.filter { $0 % 4 == company && $0 != i }.map { people[$0] }
            add("who works at the same company as \(person)", person, colleagues)
        }
        for j in companyRange {
            add("who founded \(companies[j])", companies[j], [founders[j]])
            add("where is \(companies[j]) located", companies[j], [cities[(j + 1) % 5]])
            add("where was the founder of \(companies[j]) born", companies[j], [cities[(j * 2) % 5]])
        }
        return questions
    }

    @Test func learnedStatisticsAnswerWhatTheNamesCannotSay() async throws {
        let graph = try Self.graph()
        let training = Self.questions(people: 0..<8, companies: 0..<2)
        let test = Self.questions(people: 8..<12, companies: 2..<4)
        let (model, report) = RelationModelTrainer(graph: graph).train(training)
        #expect(report.inferred == training.count && report.skipped == 0)
        #expect(model.excludeTopic == true)
        #expect(model.signatureCount["P108>|P112>"] == 8)
        let offline = KGQASummary(try await KGQARunner(graph: graph, configuration: KGQAConfiguration()).run(test), seconds: 1)
        let statistics = RelationStatistics(model: model, graph: graph)
        let trained = KGQASummary(try await KGQARunner(graph: graph, configuration: KGQAConfiguration(), statistics: statistics)
            .run(test), seconds: 1)
        #expect(offline.hits1 < 60)
        #expect(trained.hits1 == 100)
    }

    @Test func givenPathsAreUsedAndModelsRoundTrip() throws {
        let graph = try Self.graph()
        let questions = [
            KGQAQuestion(id: "1", question: "who founded the company Person 1 works for", topics: ["Person 1"],
                         answers: ["Founder 1"], paths: [["P108", "P112"]]),
            KGQAQuestion(id: "2", question: "which company employs Person 2", topics: ["Person 2"], paths: [["P108"]]),
            KGQAQuestion(id: "3", question: "who is in Nowhere", topics: ["Nowhere"], answers: ["x"]),
        ]
        let (model, report) = RelationModelTrainer(graph: graph).train(questions)
        #expect(report.given == 2 && report.skipped == 1)
        #expect(model.signatureCount == ["P108>|P112>": 1, "P108>": 1])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kgqa-model-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        #expect(try RelationModel.load(from: url) == model)
        #expect(throws: KGQAInputError.self) { try RelationModel.load(from: URL(fileURLWithPath: "/nonexistent/model.json")) }
    }
}
