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

    /// With `spider-test-suite`, the headline EM and EX of every example are the official evaluators'
    /// own per-example verdicts (`em_official`, `exec_testsuite`, `pred_parse_ok`) on two real
    /// prediction files, predictions the official parser rejects included.
    @Test(arguments: ["graphix_t5", "c3sql_chatgpt"])
    func headlineVerdictsAreTheOfficialOnes(system: String) throws {
        let (examples, root) = try spider()
        let predictionsURL = try #require(DataLocation.item("spider/predictions/\(system).sql"))
        let verdictsURL = try #require(DataLocation.item("spider/predictions/\(system).verdicts.jsonl"))
        let predictions = try SQLDatasetReader.readPredictions(at: predictionsURL, count: examples.count)
        let official = try String(contentsOf: verdictsURL, encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        try #require(official.count == examples.count)
        let options = SQLEvaluationOptions(semantics: .spiderTestSuite, timeout: .seconds(30), jobs: 2)
        let schemas = ExactMatchData.schemas()
        let scorer = SchemaLinking(schemas: schemas).adding(to: ExactSetMatch.structuralScorer(schemas: schemas))
        let results = SQLEvaluation(executors: SQLiteDatabaseFactory(root: root), options: options, structural: scorer)
            .run(examples: examples, predictions: predictions)
        #expect(results.count == 1034)
        var disagreements: [String] = []
        for result in results {
            let verdict = official[result.index]
            if result.execMatch != ((verdict["exec_testsuite"] as? Int) == 1) { disagreements.append("EX \(result.index)") }
            if result.exactMatch != ((verdict["em_official"] as? Int) == 1) { disagreements.append("EM \(result.index)") }
            if result.parsedOfficial != (verdict["pred_parse_ok"] as? Bool) { disagreements.append("parse \(result.index)") }
            if result.hardness != (verdict["hardness"] as? String) { disagreements.append("hardness \(result.index)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, e.g. \(disagreements.prefix(5))")
        let rejected = results.count { $0.parsedOfficial == false }
        print("\(system): official parser rejects \(rejected); headline EM \(results.count { $0.exactMatch == true }), "
              + "Quiver EM \(results.count { $0.exactMatchQuiver == true }), EX \(results.count(where: \.execMatch)) of \(results.count)")
    }
}
