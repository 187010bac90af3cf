import Foundation
import QuiverCore
import SQLExecution
import Testing
@testable import Scoring

/// Gold as prediction on Spider dev (rebuilt databases under `$QUIVER_DATA/spider`).
@Suite(.enabled(if: DataLocation.item("spider/database") != nil, "skipped: QUIVER_DATA not found"))
struct SpiderDevExecutionTests {
    func spider() throws -> (examples: [SQLExample], root: URL) {
        let gold = try #require(DataLocation.item("spider/dev_gold.sql"))
        let root = try #require(DataLocation.item("spider/database"))
        return (try SQLDatasetReader.readGold(at: gold), root)
    }

    @Test(arguments: ComparisonSemantics.allCases)
    func goldAsPredictionMatchesEverywhere(semantics: ComparisonSemantics) throws {
        let (examples, root) = try spider()
        #expect(examples.count == 1034)
        let options = SQLEvaluationOptions(semantics: semantics, timeout: .seconds(30), jobs: 2, checkDeterminism: false)
        let results = SQLEvaluation(executors: SQLiteDatabaseFactory(root: root), options: options)
            .run(examples: examples, predictions: examples.map(\.gold))
        let misses = results.filter { !$0.execMatch }
        #expect(misses.isEmpty, "\(misses.prefix(3))")
    }

    /// Our `spider-test-suite` semantics against the official evaluator's own per-example verdicts
    /// on two real prediction files (`*.verdicts.jsonl`, `exec_testsuite`).
    @Test(arguments: ["graphix_t5", "c3sql_chatgpt"])
    func testSuiteSemanticsAgreesWithOfficialVerdicts(system: String) throws {
        let (examples, root) = try spider()
        let predictionsURL = try #require(DataLocation.item("spider/predictions/\(system).sql"))
        let verdictsURL = try #require(DataLocation.item("spider/predictions/\(system).verdicts.jsonl"))
        let predictions = try SQLDatasetReader.readPredictions(at: predictionsURL, count: examples.count)
        let official = try String(contentsOf: verdictsURL, encoding: .utf8).split(separator: "\n").map { line in
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (record["exec_testsuite"] as? Int) == 1
        }
        let options = SQLEvaluationOptions(semantics: .spiderTestSuite, timeout: .seconds(30), jobs: 2)
        let results = SQLEvaluation(executors: SQLiteDatabaseFactory(root: root), options: options)
            .run(examples: examples, predictions: predictions)
        let disagreements = results.filter { $0.execMatch != official[$0.index] }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, e.g. \(disagreements.prefix(3).map(\.index))")
    }
}
