import Cypher
import QuiverCore
import Testing
@testable import CypherTCK

/// EXPLAIN plans every TCK query that the TCK expects to compile, on an empty graph with the
/// scenario's parameters and procedure fixtures, without running it (a runtime error the scenario
/// expects may surface while planning, when parameters decide it).
@Suite("EXPLAIN over the TCK")
struct ExplainTCKTests {
    @Test("EXPLAIN succeeds on every TCK query that is not expected to fail at compile time, and changes nothing",
          .enabled(if: TCKData.available, "skipped: QUIVER_DATA not found"))
    func explainEveryQuery() throws {
        let features = try #require(TCKData.features)
        let suite = try TCKSuite.load(from: features)
        let engine = CypherTCKEngine()
        var explained = 0
        var failures: [String] = []
        for scenario in suite.scenarios where scenario.stepError == nil {
            let compileError = scenario.steps.contains {
                if case .expectError(let error) = $0.kind { return error.phase != .runtime }
                return false
            }
            if compileError { continue }
            // A runtime error the TCK expects may show already while planning (a negative LIMIT
            // given as a parameter): then EXPLAIN may fail, but only with that error.
            let expectedCodes: Set<String> = Set(scenario.steps.compactMap {
                if case .expectError(let error) = $0.kind { return error.detail }
                return nil
            })
            var graph = engine.makeEmptyGraph()
            var parameters: [String: Value] = [:]
            for step in scenario.steps {
                switch step.kind {
                case .parameters(let rows):
                    for row in rows where row.count == 2 { parameters[row[0]] = try TCKValueParser.parse(row[1]) }
                case .procedure(let signature, let table):
                    _ = try engine.defineProcedure(TCKProcedureFixture(signature: signature, table: table), on: &graph)
                case .query(let text, control: false):
                    do {
                        let result = try engine.execute("EXPLAIN " + text, parameters: parameters, on: &graph)
                        #expect(!result.rows.isEmpty, "\(scenario.id): no operators")
                        explained += 1
                    } catch where expectedCodes.contains(error.code) {
                        explained += 1
                    } catch {
                        failures.append("\(scenario.id): \(error)")
                    }
                default:
                    break
                }
            }
            #expect(graph.store.nodeCount == 0, "\(scenario.id): EXPLAIN wrote to the graph")
        }
        #expect(failures.isEmpty, "\(failures.count) EXPLAIN failures, first: \(failures.prefix(5))")
        #expect(explained > 3_000, "explained \(explained) queries")
    }
}
