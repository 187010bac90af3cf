import Foundation
import QuiverCore
import Testing
@testable import CypherTCK

/// A test double: answers each query text from a script, on a graph that is just a list of nodes.
private struct ScriptedEngine: TCKEngine {
    typealias Step = @Sendable (inout [Node]) throws(QueryError) -> TCKQueryResult
    var script: [String: Step]

    func makeEmptyGraph() -> [Node] { [] }

    func execute(_ query: String, parameters: [String: Value], on graph: inout [Node]) throws(QueryError)
        -> TCKQueryResult
    {
        if query == "MATCH (n) RETURN n" {
            return TCKQueryResult(columns: ["n"], rows: graph.map { [.node($0)] })
        }
        if query == "MATCH ()-[r]->() RETURN r" { return TCKQueryResult(columns: ["r"], rows: []) }
        if query == "RETURN $p AS p" { return TCKQueryResult(columns: ["p"], rows: [[parameters["p"] ?? .null]]) }
        guard let step = script[query] else {
            throw QueryError(.syntaxError, code: "UnexpectedSyntax", phase: .compileTime, message: "not scripted")
        }
        return try step(&graph)
    }
}

@Suite("TCK runner")
struct TCKRunnerTests {
    private let engine = ScriptedEngine(script: [
        "CREATE (:A {k: 1})": { graph throws(QueryError) in
            graph.append(Node(id: graph.count, labels: ["A"], properties: ["k": 1]))
            return TCKQueryResult(columns: [], rows: [])
        },
        "RETURN 1 AS x": { _ throws(QueryError) in TCKQueryResult(columns: ["x"], rows: [[1]]) },
        "RETURN 1.0 AS x": { _ throws(QueryError) in TCKQueryResult(columns: ["x"], rows: [[1.0]]) },
        "RETURN m": { _ throws(QueryError) in
            throw QueryError(.syntaxError, code: "UndefinedVariable", phase: .compileTime, message: "m")
        },
        "RETURN 1 / 0": { _ throws(QueryError) in
            throw QueryError(.arithmeticError, code: "DivisionByZero", phase: .runtime, message: "/ by zero")
        },
        "CREATE () RETURN m": { graph throws(QueryError) in
            graph.append(Node(id: graph.count, labels: [], properties: [:]))
            throw QueryError(.syntaxError, code: "UndefinedVariable", phase: .runtime, message: "m")
        },
        "LOOP": { _ throws(QueryError) in
            Thread.sleep(forTimeInterval: 5)
            return TCKQueryResult(columns: [], rows: [])
        },
    ])

    private func run(_ steps: String, tags: String = "", timeout: Double = 20) throws -> TCKScenarioResult {
        let text = "Feature: F\n\(tags)\n  Scenario: [1] s\n    Given an empty graph\n" + steps
        let scenario = try #require(TCKScenario.expand(try GherkinParser.parse(text), featurePath: "a/F.feature").first)
        let suite = TCKSuite(featuresDirectory: URL(fileURLWithPath: "/nonexistent/features"), scenarios: [scenario])
        return TCKRunner(engine: engine, suite: suite, timeout: timeout).run(scenario)
    }

    private func query(_ text: String) -> String {
        "    When executing query:\n      \"\"\"\n      \(text)\n      \"\"\"\n"
    }

    @Test("A matching result with the right side effects passes")
    func passes() throws {
        let result = try run(query("CREATE (:A {k: 1})") + """
                Then the result should be empty
                And the side effects should be:
                  | +nodes      | 1 |
                  | +properties | 1 |
                  | +labels     | 1 |

            """)
        #expect(result.status == .passed, "\(result.reason ?? "")")
    }

    @Test("Unlisted side effects count as zero")
    func missingSideEffect() throws {
        let result = try run(query("CREATE (:A {k: 1})") + "    Then the result should be empty\n    And no side effects\n")
        #expect(result.status == .failed)
        #expect(result.reason?.contains("+nodes expected 0, got 1") == true)
    }

    @Test("1.0 is not 1")
    func intFloat() throws {
        let table = "    Then the result should be, in any order:\n      | x |\n      | 1 |\n    And no side effects\n"
        #expect(try run(query("RETURN 1 AS x") + table).status == .passed)
        #expect(try run(query("RETURN 1.0 AS x") + table).status == .failed)
    }

    @Test("Parameters reach the query as parsed values")
    func parameters() throws {
        let result = try run(
            "    And parameters are:\n      | p | [1, 'a'] |\n" + query("RETURN $p AS p")
                + "    Then the result should be, in any order:\n      | p |\n      | [1, 'a'] |\n")
        #expect(result.status == .passed, "\(result.reason ?? "")")
    }

    @Test("Errors: type and phase decide pass or fail; a differing detail alone is reported apart", arguments: [
        ("RETURN m", "a SyntaxError should be raised at compile time: UndefinedVariable", TCKStatus.passed, false),
        ("RETURN m", "a SyntaxError should be raised at compile time: VariableTypeConflict", .failed, true),
        ("RETURN m", "a SyntaxError should be raised at runtime: UndefinedVariable", .failed, false),
        ("RETURN m", "a SyntaxError should be raised at any time: UndefinedVariable", .passed, false),
        ("RETURN m", "a TypeError should be raised at compile time: UndefinedVariable", .failed, false),
        ("RETURN 1 / 0", "an ArithmeticError should be raised at runtime: *", .passed, false),
        ("RETURN 1 / 0", "an Error should be raised at any time: *", .passed, false),
        ("RETURN 1 AS x", "a SyntaxError should be raised at compile time: UndefinedVariable", .failed, false),
        ("CREATE () RETURN m", "a SyntaxError should be raised at runtime: UndefinedVariable", .failed, false),
    ])
    func errors(queryText: String, step: String, status: TCKStatus, detailOnly: Bool) throws {
        let result = try run(query(queryText) + "    Then \(step)\n")
        #expect(result.status == status, "\(result.reason ?? "")")
        #expect(result.errorDetailOnly == detailOnly)
    }

    @Test("A query raising an unexpected error fails with the error in the reason")
    func unexpectedError() throws {
        let result = try run(query("RETURN m") + "    Then the result should be empty\n")
        #expect(result.status == .failed)
        #expect(result.reason?.contains("UndefinedVariable") == true)
    }

    @Test("@ignore and procedure fixtures are skipped with a reason")
    func skips() throws {
        #expect(try run(query("RETURN 1 AS x"), tags: "  @ignore").status == .skipped)
        let procedure = try run("    And there exists a procedure test.doNothing() :: ():\n      |\n" + query("RETURN 1 AS x"))
        #expect(procedure.status == .skipped)
        #expect(procedure.reason?.contains("procedure") == true)
    }

    @Test("Procedure fixture tables parse: header of inputs and outputs, rows of values")
    func procedureFixture() throws {
        let fixture = try TCKProcedureFixture(
            signature: "test.my.proc(name :: STRING?) :: (out :: INTEGER?)", table: [["name", "out"], ["'Ann'", "1"]])
        #expect(fixture.columns == ["name", "out"])
        #expect(fixture.rows == [["Ann", 1]])
        let empty = try TCKProcedureFixture(signature: "test.doNothing() :: ()", table: [[]])
        #expect(empty.columns.isEmpty && empty.rows.isEmpty)
    }

    @Test("A scenario over its time limit fails")
    func timeout() throws {
        let result = try run(query("LOOP") + "    Then the result should be empty\n", timeout: 0.2)
        #expect(result.status == .failed)
        #expect(result.reason?.contains("timed out") == true)
    }

    @Test("The report prints a row per folder and the summary line")
    func report() throws {
        let scenario = TCKScenario(
            featurePath: "clauses/match/M.feature", featureName: "M", name: "[1] a", number: 1, exampleIndex: nil,
            line: 3, tags: [], steps: [])
        var other = scenario
        other.featurePath = "expressions/list/L.feature"
        let report = TCKReport(results: [
            TCKScenarioResult(scenario: scenario, status: .passed),
            TCKScenarioResult(scenario: scenario, status: .failed, reason: "x", errorDetailOnly: true),
            TCKScenarioResult(scenario: other, status: .skipped, reason: "y"),
        ])
        #expect(report.summaryLine == "tck: 1 passed, 1 failed, 1 skipped")
        #expect(report.folders.map(\.folder) == ["clauses/match", "expressions/list"])
        #expect(report.folders[0].percentPassed == 50)
        #expect(report.table().split(separator: "\n").count == 4)
        let json = try JSONSerialization.jsonObject(with: report.jsonData(featuresDirectory: "f")) as? [String: Any]
        let records = try #require(json?["scenarios"] as? [[String: Any]])
        #expect(records.count == 3)
        #expect(records[1]["errorDetailOnly"] as? Bool == true)
        #expect(records[2]["status"] as? String == "skipped")
    }
}

@Suite("Isolated TCK runner")
struct IsolatedTCKRunnerTests {
    @Test("A crashed or silent worker costs one scenario; the run goes on in a new worker")
    func crashAndSilence() throws {
        let scenarios = (0..<4).map { index in
            TCKScenario(
                featurePath: "a/F.feature", featureName: "F", name: "[\(index)] s", number: index,
                exampleIndex: nil, line: index + 1, tags: [], steps: [])
        }
        let suite = TCKSuite(featuresDirectory: URL(fileURLWithPath: "/nonexistent"), scenarios: scenarios)
        // A stand-in worker: from 0 it passes one scenario and then dies of SIGSEGV; from 2 it hangs;
        // from 3 it passes the last scenario and says it is done.
        let script = """
            case "$1" in
            0) echo '{"index":0,"status":"passed"}'; kill -SEGV $$ ;;
            2) exec sleep 30 ;;
            3) echo '{"index":3,"status":"passed","durationMs":1}'; echo '{"index":4,"done":true}' ;;
            esac
            """
        var runner = IsolatedTCKRunner(
            suite: suite, executable: URL(fileURLWithPath: "/bin/sh"), timeout: 0.2
        ) { start in ["-c", script, "worker", "\(start)"] }
        runner.silenceGrace = 0.5
        let report = try runner.run()
        #expect(report.results.map(\.status) == [.passed, .failed, .failed, .passed])
        #expect(report.results[1].reason?.contains("crashed") == true)
        #expect(report.results[2].reason?.contains("timed out") == true)
    }
}

extension IsolatedTCKRunnerTests {
    @Test("Workers that exit without output stop the run with an error")
    func workersThatCannotStart() throws {
        let scenario = TCKScenario(
            featurePath: "a/F.feature", featureName: "F", name: "[1] s", number: 1, exampleIndex: nil, line: 1,
            tags: [], steps: [])
        let suite = TCKSuite(featuresDirectory: URL(fileURLWithPath: "/nonexistent"), scenarios: Array(repeating: scenario, count: 10))
        let runner = IsolatedTCKRunner(suite: suite, executable: URL(fileURLWithPath: "/bin/sh"), timeout: 1) { _ in
            ["-c", "exit 64"]
        }
        #expect(throws: IsolatedRunnerError.self) { try runner.run() }
    }
}

@Suite("Baseline comparison")
struct BaselineTests {
    @Test("Changes since a baseline list regressions and fixes, matched by file, line and example")
    func changes() throws {
        let a = TCKScenario(
            featurePath: "x/A.feature", featureName: "A", name: "[1] a", number: 1, exampleIndex: 0, line: 5,
            tags: [], steps: [])
        var b = a
        b.exampleIndex = 1
        var c = a
        c.line = 9
        c.exampleIndex = nil
        let before = TCKReport(results: [
            TCKScenarioResult(scenario: a, status: .passed), TCKScenarioResult(scenario: b, status: .failed),
            TCKScenarioResult(scenario: c, status: .passed),
        ])
        let after = TCKReport(results: [
            TCKScenarioResult(scenario: a, status: .failed), TCKScenarioResult(scenario: b, status: .passed),
            TCKScenarioResult(scenario: c, status: .passed),
        ])
        let changes = try after.changes(since: before.jsonData(featuresDirectory: "f"))
        #expect(changes.regressed.map(\.scenario.id) == [a.id])
        #expect(changes.fixed.map(\.scenario.id) == [b.id])
    }
}
