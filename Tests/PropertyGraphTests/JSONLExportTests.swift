import Foundation
import QuiverCore
import Testing
@testable import PropertyGraph

@Suite("JSONL export")
struct JSONLExportTests {
    @Test("every line is a JSON object with the fields the schema requires")
    func linesFollowTheSchema() throws {
        var rng = SeededGenerator(seed: 99)
        let graph = GraphStore()
        for _ in 0..<80 { try randomWrite(graph, &rng) }
        try graph.setNodeProperty(graph.addNode(), "odd", .list([.float(.infinity), "\u{1}\"\\", ["m": .float(-.infinity)]]))
        var nodes = 0, relationships = 0
        for line in graph.jsonLines().split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["properties"] is [String: Any])
            #expect(object["id"] is Int)
            switch object["kind"] as? String {
            case "node":
                nodes += 1
                #expect(Set(object.keys) == ["kind", "id", "labels", "properties"])
            case "relationship":
                relationships += 1
                #expect(Set(object.keys) == ["kind", "id", "type", "start", "end", "properties"])
            default:
                Issue.record("unexpected kind in \(line)")
            }
        }
        #expect(nodes == graph.nodeCount && relationships == graph.relationshipCount)
    }

    @Test("float formatting keeps floats distinguishable from integers", arguments: [
        (Value.float(3), "3.0"), (.float(-0.5), "-0.5"), (.float(1e100), "1e+100"), (.int(3), "3"),
        (.float(-.infinity), #"{"$float":"-Inf"}"#), (.float(.nan), #"{"$float":"NaN"}"#),
    ])
    func floatText(value: Value, text: String) {
        #expect(GraphStore.jsonValue(value) == text)
    }
}
