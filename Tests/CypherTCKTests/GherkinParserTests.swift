import Foundation
import Testing
@testable import CypherTCK

@Suite("Gherkin parsing of the TCK")
struct GherkinParserTests {
    @Test("Parser finds the scenario counts SCENARIO_COUNTS.md publishes, per folder",
          .enabled(if: TCKData.available, "skipped: QUIVER_DATA not found"))
    func scenarioCountsPerFolder() throws {
        let published = try TCKData.publishedCounts()
        #expect(published.count >= 30)
        var measured: [String: [Int]] = [:]
        for (path, document) in try TCKData.documents() {
            let folder = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
            let outlines = document.scenarios.filter(\.isOutline)
            let rows = outlines.reduce(0) { $0 + $1.examples.reduce(0) { $0 + max(0, $1.rows.count - 1) } }
            let executable = TCKScenario.expand(document, featurePath: path).count
            let current = measured[folder] ?? [0, 0, 0, 0, 0]
            measured[folder] = [
                current[0] + 1, current[1] + document.scenarios.count - outlines.count, current[2] + outlines.count,
                current[3] + rows, current[4] + executable,
            ]
        }
        for (folder, counts) in published {
            #expect(measured[folder] == counts, "folder \(folder)")
        }
        #expect(Set(measured.keys) == Set(published.keys))
    }

    @Test("The issue's scope selects every scenario outside expressions/temporal and clauses/call",
          .enabled(if: TCKData.available, "skipped: QUIVER_DATA not found"))
    func issueScope() throws {
        let features = try #require(TCKData.features)
        let published = try TCKData.publishedCounts()
        let expected = published.filter { !["expressions/temporal", "clauses/call"].contains($0.key) }
            .reduce(0) { $0 + $1.value[4] }
        let suite = try TCKSuite.load(from: features, filter: TCKFilter(scope: .issue))
        #expect(suite.scenarios.count == expected)
        #expect(suite.scenarios.allSatisfy { $0.stepError == nil })
    }

    @Test("Outline rows substitute placeholders and skip commented rows")
    func outlineExpansion() throws {
        let text = """
            Feature: F
              Background:
                Given any graph

              Scenario Outline: [3] Negate <x> #Example: <name>
                When executing query:
                  \"\"\"
                  RETURN -<x> AS r
                  \"\"\"
                Then the result should be, in any order:
                  | r   |
                  | <y> |
                And no side effects

                Examples:
                  | x | y  | name |
                  | 1 | -1 | one  |
            #     | 2 | -2 | two  |
                  | 3 | -3 | three |
            """
        let document = try GherkinParser.parse(text)
        let scenarios = TCKScenario.expand(document, featurePath: "expressions/f/F.feature")
        try #require(scenarios.count == 2)
        #expect(scenarios[1].name == "[3] Negate 3 #Example: three")
        #expect(scenarios[1].number == 3)
        #expect(scenarios[1].exampleIndex == 1)
        #expect(scenarios[1].folder == "expressions/f")
        #expect(scenarios[1].steps.map(\.kind) == [
            .graph(.any), .query("RETURN -3 AS r", control: false),
            .expectRows([["r"], ["-3"]], ordered: false, listsUnordered: false), .expectNoSideEffects,
        ])
    }

    @Test("Table cells unescape pipes, backslashes and newlines, and keep other escapes")
    func tableCellEscapes() {
        #expect(GherkinParser.splitRow(#"| 'a\|b' | 'c\\\\d' | '\n' | '\'' |"#) == ["'a|b'", #"'c\\d'"#, "'\n'", #"'\''"#])
    }

    @Test("Error steps parse type, phase and detail", arguments: [
        ("a SyntaxError should be raised at compile time: UndefinedVariable",
         ExpectedError(type: "SyntaxError", phase: .compileTime, detail: "UndefinedVariable")),
        ("a TypeError should be raised at any time: *", ExpectedError(type: "TypeError", phase: .anyTime, detail: "*")),
        ("an ArgumentError should be raised at runtime: NumberOutOfRange",
         ExpectedError(type: "ArgumentError", phase: .runtime, detail: "NumberOutOfRange")),
    ])
    func errorSteps(text: String, expected: ExpectedError) throws {
        let step = try StepInterpreter.interpret(GherkinStep(keyword: "Then", text: text, line: 1)).get()
        #expect(step.kind == .expectError(expected))
    }

    @Test("Path filters: substring, glob, exclusion and scope")
    func filters() {
        let scenario = TCKScenario(
            featurePath: "clauses/match/Match4.feature", featureName: "Match4", name: "[1] x", number: 1,
            exampleIndex: nil, line: 1, tags: [], steps: [])
        #expect(TCKFilter(include: ["clauses/match/"]).selects(scenario))
        #expect(TCKFilter(include: ["clauses/*/Match?.feature"]).selects(scenario))
        #expect(!TCKFilter(include: ["expressions"]).selects(scenario))
        #expect(!TCKFilter(exclude: ["Match4"]).selects(scenario))
        #expect(!TCKFilter(names: ["[2]"]).selects(scenario))
        var call = scenario
        call.featurePath = "clauses/call/Call1.feature"
        #expect(!TCKFilter(scope: .issue).selects(call))
        #expect(TCKFilter(scope: .all).selects(call))
    }
}
