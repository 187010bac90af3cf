import QuiverCore
import Testing
@testable import CypherTCK

@Suite("TCK value syntax")
struct TCKValueParserTests {
    @Test("Every expected value and parameter in the suite parses",
          .enabled(if: TCKData.available, "skipped: QUIVER_DATA not found"))
    func everyValueInTheSuiteParses() throws {
        let features = try #require(TCKData.features)
        let suite = try TCKSuite.load(from: features)
        var cells = 0
        var parameterCells = 0
        var failures: [String] = []
        for scenario in suite.scenarios {
            for step in scenario.steps {
                let texts: [String]
                switch step.kind {
                case .expectRows(let table, _, _): texts = table.dropFirst().flatMap { $0 }
                case .parameters(let rows):
                    texts = rows.compactMap { $0.last }
                    parameterCells += texts.count
                default: texts = []
                }
                for text in texts {
                    cells += 1
                    do {
                        _ = try TCKValueParser.parse(text)
                    } catch {
                        failures.append("\(scenario.id): \(error)")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) values fail, first: \(failures.prefix(5))")
        // tck-format.md's reference parser counts 6,085 expected values; this runner reads 6,102 result
        // cells (outline rows expanded), so it sees at least every value that one parses.
        #expect(cells - parameterCells >= 6_085, "parsed \(cells) cells, \(parameterCells) of them parameters")
    }

    @Test("Scalars", arguments: [
        ("42", Value.int(42)), ("-1", .int(-1)), ("1.5", .float(1.5)), ("-0.0", .float(-0.0)), ("1e-3", .float(0.001)),
        ("1.2635418652381264e305", .float(1.2635418652381264e305)), ("Inf", .float(.infinity)),
        ("-Inf", .float(-.infinity)), ("true", .bool(true)), ("false", .bool(false)), ("null", .null),
        ("'it\\'s'", .string("it's")), ("'a\\\\b'", .string("a\\b")), ("''", .string("")),
        ("'🧐🍌'", .string("🧐🍌")), ("-9223372036854775808", .int(.min)), (".5", .float(0.5)),
    ])
    func scalars(text: String, expected: Value) throws {
        let value = try TCKValueParser.parse(text)
        #expect(TCKValueMatcher.matches(expected, value), "\(text) → \(value)")
    }

    @Test("NaN parses to a float NaN")
    func nan() throws {
        guard case .float(let f) = try TCKValueParser.parse("NaN") else { Issue.record("not a float"); return }
        #expect(f.isNaN)
    }

    @Test("Lists, maps, nodes, relationships and paths")
    func structures() throws {
        #expect(try TCKValueParser.parse("[1, 'a', null, [2]]") == .list([1, "a", nil, [2]]))
        #expect(try TCKValueParser.parse("{name: 'a', `the key`: [] }") == .map(["name": "a", "the key": []]))
        guard case .node(let node) = try TCKValueParser.parse("(:A:B {name: 'x'})") else {
            Issue.record("not a node")
            return
        }
        #expect(node.labels == ["A", "B"])
        #expect(node.properties == ["name": "x"])
        guard case .relationship(let rel) = try TCKValueParser.parse("[:T {k: 1}]") else {
            Issue.record("not a relationship")
            return
        }
        #expect(rel.type == "T")
        #expect(rel.properties == ["k": 1])
        guard case .path(let path) = try TCKValueParser.parse("<(:A)-[:T]->(:B)<-[:S {k: 1}]-()>") else {
            Issue.record("not a path")
            return
        }
        #expect(path.nodes.count == 3)
        #expect(path.relationships.map(\.type) == ["T", "S"])
        #expect(path.relationships[0].startID == path.nodes[0].id)
        #expect(path.relationships[1].startID == path.nodes[2].id)
        guard case .path(let empty) = try TCKValueParser.parse("<()>") else {
            Issue.record("not a path")
            return
        }
        #expect(empty.nodes.count == 1 && empty.relationships.isEmpty)
    }

    @Test("Malformed values are errors with an offset", arguments: ["[1, 2", "'open", "{k 1}", "(:A", "1 2", "nul", ""])
    func malformed(text: String) {
        #expect(throws: TCKValueError.self) { try TCKValueParser.parse(text) }
    }
}
