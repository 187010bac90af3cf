import Foundation
import PropertyGraph
import Testing
@testable import Retrieval

@Suite struct KGQAInputTests {
    @Test func tabAndPipeTriplesLoadTheSameGraph() throws {
        let tsv = try TripleFile.load(bytes: Array("a b\tr_1\tc\nc\tr_2\ta b\na b\tr_1\tc\n".utf8))
        let pipe = try TripleFile.load(bytes: Array("a b|r_1|c\r\n\nc|r_2|a b\n".utf8))
        for graph in [tsv, pipe] {
            #expect(graph.nodeCount == 2)
            #expect(graph.relationshipCount == 2)
            #expect(graph.typeNames == ["r_1", "r_2"])
            #expect(graph.hasIndex(label: graph.labelID("Entity") ?? -1, key: graph.propertyKeyID("name") ?? -1))
        }
    }

    @Test func aMalformedTripleNamesItsLine() {
        #expect(throws: TripleFileError(path: "kb.txt", line: 3, message: "expected subject|relation|object, found 2 field(s)")) {
            try TripleFile.load(bytes: Array("a|r|b\n\nc|d\n".utf8), path: "kb.txt")
        }
        #expect(throws: TripleFileError(path: "kb.tsv", line: 1, message: "the relation is empty in subject<TAB>relation<TAB>object")) {
            try TripleFile.load(bytes: Array("a\t \tb\n".utf8), path: "kb.tsv")
        }
    }

    @Test func anEmptyKnowledgeGraphIsAnError() {
        #expect(throws: TripleFileError(path: "empty.txt", line: 0, message: "no triples: the knowledge graph is empty")) {
            try TripleFile.load(bytes: Array("\n  \n".utf8), path: "empty.txt")
        }
        #expect(throws: TripleFileError.self) { try EntityGraph(store: GraphStore()) }
    }

    @Test func questionsReadFromJSONLAndMetaQAText() throws {
        let jsonl = """
            {"id": 7, "question": "who founded X", "topic": "X", "answers": ["Y"], "path": ["founded_by"]}
            {"question": "where is [Lund]", "paths": [["located_in"], ["^part_of"]], "hops": 1}
            """
        let questions = try KGQAQuestion.parse(jsonl)
        #expect(questions[0] == KGQAQuestion(id: "7", question: "who founded X", topics: ["X"], answers: ["Y"], paths: [["founded_by"]]))
        #expect(questions[1].topics == ["Lund"])
        #expect(questions[1].question == "where is Lund")
        #expect(questions[1].id == "2")
        let text = try KGQAQuestion.parse("what movies did [Ann Lee] act in\tA|B\nwho is [C]\n")
        #expect(text[0].topics == ["Ann Lee"] && text[0].answers == ["A", "B"])
        #expect(text[1].answers.isEmpty)
    }

    @Test func aMalformedQuestionNamesItsLine() {
        #expect(throws: KGQAInputError.self) { try KGQAQuestion.parse("{\"question\": \"a\"}\n{\"topic\": \"x\"}\n", path: "q.jsonl") }
        do {
            _ = try KGQAQuestion.parse("{\"question\": \"a\"}\n{\"topic\": \"x\"}\n", path: "q.jsonl")
        } catch let error as KGQAInputError {
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("q.jsonl:2: expected {\"question\""))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: KGQAInputError(path: "q.txt", line: 1, message: "the question is empty")) {
            try KGQAQuestion.parse("\tA|B\n", path: "q.txt")
        }
    }

    @Test func parameterOverridesAreCheckedByName() throws {
        let tuned = try KGQAParameters().applying(["orderPenalty=0.5", "excludeTopic=false", "maxHops=2"])
        #expect(tuned.orderPenalty == 0.5 && !tuned.excludeTopic && tuned.maxHops == 2)
        #expect(throws: ParameterError.self) { try KGQAParameters().applying(["nope=1"]) }
        #expect(throws: ParameterError.self) { try KGQAParameters().applying(["excludeTopic=2"]) }
    }
}
