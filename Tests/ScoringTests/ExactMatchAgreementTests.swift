import Foundation
import QuiverCore
import SQL
import Testing

@testable import Scoring

/// Agreement with the official Spider evaluator's verdicts on real predictions (rebuilt databases).
@Suite("Exact match agreement with the official evaluator", .enabled(if: ExactMatchData.available, "skipped: QUIVER_DATA not found"))
struct ExactMatchAgreementTests {
    let examples = ExactMatchData.examples()
    let schemas = ExactMatchData.schemas()
    let indexes = ExactMatchData.schemas().mapValues(SpiderSchemaIndex.init)

    @Test("gold as prediction scores 100 % exact match on Spider dev")
    func goldAsPrediction() throws {
        #expect(examples.count == 1034)
        var failures: [String] = []
        for example in examples {
            let index = try #require(indexes[example.databaseID])
            let result = ExactSetMatch.evaluate(gold: example.query, prediction: example.query, index: index)
            if !result.match || !result.officialMatch { failures.append(example.query + " \(result.officialRejectionReasons)") }
        }
        #expect(failures.isEmpty, "\(failures.count) failed: \(failures.prefix(5))")
    }

    @Test("hardness equals the official hardness of every Spider dev gold query")
    func hardness() throws {
        let verdicts = ExactMatchData.verdicts("graphix_t5")
        #expect(verdicts.count == examples.count)
        var disagreements: [String] = []
        var counts: [Hardness: Int] = [:]
        for (example, verdict) in zip(examples, verdicts) {
            let hardness = try SpiderHardness.classify(example.query)
            counts[hardness, default: 0] += 1
            if hardness.rawValue != verdict.hardness { disagreements.append("\(verdict.hardness)≠\(hardness): \(example.query)") }
        }
        print("hardness split:", Hardness.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" })
        #expect(disagreements.isEmpty, "\(disagreements.count) disagree: \(disagreements.prefix(5))")
    }

    @Test("verdicts agree with the official ones", arguments: ["graphix_t5", "c3sql_chatgpt"])
    func agreement(system: String) throws {
        let predictions = ExactMatchData.predictions(system)
        let verdicts = ExactMatchData.verdicts(system)
        try #require(predictions.count >= examples.count && verdicts.count == examples.count)
        var report = Report()
        let start = ContinuousClock.now
        for index in examples.indices {
            let example = examples[index]
            let schemaIndex = try #require(indexes[example.databaseID])
            let result = ExactSetMatch.evaluate(gold: example.query, prediction: predictions[index], index: schemaIndex)
            report.add(index: index, result: result, verdict: verdicts[index], prediction: predictions[index], gold: example.query)
        }
        print(report.summary(system), "(\(ContinuousClock.now - start) for \(examples.count) examples, debug build)")
        #expect(report.emDisagreementsWhereOfficialParsed.isEmpty,
                "\(report.emDisagreementsWhereOfficialParsed.count) EM disagreements:\n\(report.details.filter { $0.hasPrefix("EM") }.prefix(3).joined(separator: "\n"))")
        #expect(report.officialRejectedAgree == report.total,
                "official-parser estimate differs:\n\(report.details.filter { $0.hasPrefix("PARSE") }.prefix(3).joined(separator: "\n"))")
    }

    @Test("BIRD gold as prediction matches itself", arguments: ["bird/dev/dev.json", "bird/mini_dev/mini_dev_sqlite.json"])
    func birdGoldAsPrediction(path: String) throws {
        let tables = try #require(DataLocation.item("bird/dev/dev_tables.json"))
        let indexes = try SpiderTables.load(from: tables).mapValues(SpiderSchemaIndex.init)
        let url = try #require(DataLocation.item(path))
        let items = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        var failures: [String] = []
        var difficulties: [BirdDifficulty: Int] = [:]
        var officialAccepts = 0
        for item in items {
            let sql = try #require(item["SQL"] as? String ?? item["gold_sql"] as? String)
            let index = try #require(indexes[item["db_id"] as? String ?? ""])
            if let difficulty = BirdDifficulty(rawValue: item["difficulty"] as? String ?? "") { difficulties[difficulty, default: 0] += 1 }
            let result = ExactSetMatch.evaluate(gold: sql, prediction: sql, index: index)
            if !result.match { failures.append(sql) }
            if !result.officialParserWouldReject { officialAccepts += 1 }
        }
        print("\(path): the official parser would accept \(officialAccepts) of \(items.count) gold queries")
        #expect(failures.isEmpty, "\(failures.count) failed: \(failures.prefix(3))")
        #expect(difficulties.values.reduce(0, +) == items.count)
    }

    @Test("BIRD dev: DAIL-SQL predictions get structural verdicts")
    func birdPredictions() throws {
        let tables = try #require(DataLocation.item("bird/dev/dev_tables.json"))
        let indexes = try SpiderTables.load(from: tables).mapValues(SpiderSchemaIndex.init)
        let url = try #require(DataLocation.item("bird/dev/dev.json"))
        let items = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        let predictionsURL = try #require(DataLocation.item("bird/predictions/dailsql_gpt4_bird.sql"))
        let predictions = try String(contentsOf: predictionsURL, encoding: .utf8).split(separator: "\n").map {
            String($0.components(separatedBy: "\t").first ?? "")
        }
        try #require(predictions.count == items.count)
        var parsed = 0, matched = 0, officialAccepts = 0
        for (item, prediction) in zip(items, predictions) {
            let index = try #require(indexes[item["db_id"] as? String ?? ""])
            let result = ExactSetMatch.evaluate(gold: item["SQL"] as? String ?? "", prediction: prediction, index: index)
            if result.predictionParsed { parsed += 1 }
            if result.match { matched += 1 }
            if !result.officialParserWouldReject { officialAccepts += 1 }
            #expect(result.predictionParsed == (result.error == nil))
        }
        print("BIRD dev DAIL-SQL: \(parsed)/\(items.count) parse, exact-set match \(matched), official parser would accept \(officialAccepts)")
    }

    struct Report {
        var total = 0
        var officialParsed = 0
        var officialRejectedAgree = 0
        var officialMatchAgree = 0
        var quiverMatches = 0
        var quiverMatchesOnOfficiallyRejected = 0
        var officialRejected = 0
        var emDisagreementsWhereOfficialParsed: [String] = []
        var details: [String] = []

        mutating func add(index: Int, result: ExactMatchResult, verdict: ExactMatchData.Verdict, prediction: String, gold: String) {
            total += 1
            if result.match { quiverMatches += 1 }
            if result.officialParserWouldReject == !verdict.predParseOK {
                officialRejectedAgree += 1
            } else {
                details.append("PARSE \(index) official=\(verdict.predParseOK) quiver-reasons=\(result.officialRejectionReasons)\n  P: \(prediction)")
            }
            if result.officialMatch == verdict.emOfficial { officialMatchAgree += 1 }
            if verdict.predParseOK {
                officialParsed += 1
                if result.match != verdict.emOfficial {
                    emDisagreementsWhereOfficialParsed.append("\(index)")
                    details.append("EM \(index) official=\(verdict.emOfficial) quiver=\(result.match)\n  G: \(gold)\n  P: \(prediction)")
                }
            } else {
                officialRejected += 1
                if result.match {
                    quiverMatchesOnOfficiallyRejected += 1
                    details.append("FAIR \(index) \(result.officialRejectionReasons)\n  G: \(gold)\n  P: \(prediction)")
                }
            }
        }

        func summary(_ system: String) -> String {
            """
            \(system): official parser accepts \(officialParsed)/\(total); Quiver's reject estimate agrees on \(officialRejectedAgree)/\(total)
              EM agreement where the official parser accepted: \(officialParsed - emDisagreementsWhereOfficialParsed.count)/\(officialParsed)
              officialMatch vs em_official on all: \(officialMatchAgree)/\(total)
              Quiver EM (fair): \(quiverMatches)/\(total); of the \(officialRejected) officially rejected, \(quiverMatchesOnOfficiallyRejected) match
            """
        }
    }
}
