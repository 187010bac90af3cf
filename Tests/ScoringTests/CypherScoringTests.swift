import Foundation
import QuiverCore
import Testing
@testable import Scoring

/// Google-BLEU, the neo4j-labs row Jaccard, text normalisation and Quiver's result comparison.
@Suite struct CypherMetricTests {
    @Test func thirteenATokenizerSplitsPunctuationButNotNumbers() {
        #expect(GoogleBLEU.tokenize13a("RETURN m.title, 3.14") == ["RETURN", "m", ".", "title", ",", "3.14"])
        #expect(GoogleBLEU.tokenize13a("MATCH (n:Person)-[:KNOWS]->(m)") ==
            ["MATCH", "(", "n", ":", "Person", ")", "-", "[", ":", "KNOWS", "]", "-", ">", "(", "m", ")"])
        #expect(GoogleBLEU.tokenize13a("1-2 x-y") == ["1", "-", "2", "x-y"])
    }

    @Test func googleBLEUCountsClippedNGramsOfOrdersOneToFour() {
        // Tokens MATCH ( n ) RETURN n against MATCH ( m ) RETURN m: 4 of 6 unigrams and 2 of 5
        // bigrams match, no trigram or 4-gram: 6 / (6 + 5 + 4 + 3).
        let counts = GoogleBLEU.counts(prediction: "MATCH (n) RETURN n", reference: "MATCH (m) RETURN m")
        #expect(counts == GoogleBLEU.Counts(matches: 6, total: 18))
        #expect(GoogleBLEU.sentence(prediction: "MATCH (n) RETURN n", reference: "MATCH (n) RETURN n") == 1)
        #expect(GoogleBLEU.sentence(prediction: "", reference: "RETURN 1") == 0)
        // min(P, R): a prediction with extra tokens is divided by its own, larger n-gram count.
        let longer = GoogleBLEU.counts(prediction: "RETURN 1 LIMIT 1", reference: "RETURN 1")
        #expect(longer == GoogleBLEU.Counts(matches: 3, total: 4 + 3 + 2 + 1))
        // Clipping: a repeated token matches at most as often as the reference has it.
        #expect(GoogleBLEU.counts(prediction: "n n n", reference: "n", maxOrder: 1) == GoogleBLEU.Counts(matches: 1, total: 3))
    }

    @Test func corpusGoogleBLEUSumsCountsBeforeDividing() {
        let pairs = [(prediction: "MATCH (n) RETURN n", reference: "MATCH (m) RETURN m"),
                     (prediction: "RETURN 1", reference: "RETURN 1")]
        #expect(GoogleBLEU.corpus(pairs) == Double(6 + 3) / Double(18 + 3))
    }

    @Test func rowJaccardIgnoresColumnsAndAlignsRowsWithoutOrderBy() {
        let gold: [[Value]] = [[.int(1), .string("a")], [.int(2), .string("b")]]
        let pred: [[Value]] = [[.string("b"), .float(2)], [.string("a"), .string("1")]]
        #expect(RowJaccard.score(gold: gold, pred: pred, ordered: false) == 1)
        // Paired by position: no (row, value) pair in common.
        #expect(RowJaccard.score(gold: gold, pred: pred, ordered: true) == 0)
        #expect(RowJaccard.score(gold: [[.int(1)], [.int(2)]], pred: [[.int(1)]], ordered: false) == 0.5)
        #expect(RowJaccard.score(gold: [], pred: [], ordered: false) == 1)
        #expect(RowJaccard.score(gold: [[.int(1)]], pred: RowJaccard.errorRows, ordered: true) == 0)
        // Duplicate values inside a row collapse.
        #expect(RowJaccard.score(gold: [[.int(1), .int(1)]], pred: [[.int(1)]], ordered: true) == 1)
        #expect(RowJaccard.ordered(gold: "MATCH (n) RETURN n ORDER BY n.x", pred: "MATCH (n) RETURN n"))
    }

    @Test func normalisedExactMatchFoldsCaseAndSpaceOutsideStrings() {
        #expect(CypherTextNormalization.equal("MATCH (n:Movie)\n  RETURN n.title ;", "match (n:movie) return n.title"))
        #expect(!CypherTextNormalization.equal("MATCH (n {t: 'Heat'}) RETURN n", "MATCH (n {t: 'heat'}) RETURN n"))
        #expect(!CypherTextNormalization.equal("RETURN a AS b", "RETURN aAS b"))
        #expect(CypherTextNormalization.normalize("MATCH (n) RETURN n ;") == "match(n)return n")
    }

    @Test func comparisonIsABagUnlessGoldOrdersAndIgnoresColumnNamesAndOrder() {
        let gold: [[Value]] = [[.int(1), .string("a")], [.int(2), .string("b")]]
        let swapped: [[Value]] = [[.string("b"), .int(2)], [.string("a"), .int(1)]]
        #expect(CypherEvaluation.resultsMatch(gold: gold, pred: swapped, ordered: false))
        #expect(!CypherEvaluation.resultsMatch(gold: gold, pred: swapped, ordered: true))
        #expect(CypherEvaluation.resultsMatch(gold: gold, pred: gold.map { $0.reversed() }, ordered: true))
        #expect(!CypherEvaluation.resultsMatch(gold: [[.int(1)], [.int(1)]], pred: [[.int(1)]], ordered: false))
        #expect(!CypherEvaluation.resultsMatch(gold: [[.int(1)]], pred: [[.int(1), .int(2)]], ordered: false))
    }

    @Test func numbersMatchWithinToleranceAtAnyDepth() {
        #expect(CypherEvaluation.resultsMatch(gold: [[.float(0.3)]], pred: [[.float(0.1 + 0.2)]], ordered: false))
        #expect(CypherEvaluation.resultsMatch(gold: [[.int(2)]], pred: [[.float(2.0)]], ordered: false))
        #expect(CypherEvaluation.resultsMatch(gold: [[.list([.int(1), .float(2)])]], pred: [[.list([.float(1), .int(2)])]], ordered: false))
        #expect(!CypherEvaluation.resultsMatch(gold: [[.float(0.3)]], pred: [[.float(0.3001)]], ordered: false))
        #expect(!CypherEvaluation.resultsMatch(gold: [[.string("1")]], pred: [[.int(1)]], ordered: false))
    }

    @Test func goldOrdersOnlyWhenItsTopLevelReturnHasOrderBy() {
        #expect(CypherEvaluation.goldOrders("MATCH (n) RETURN n.x ORDER BY n.x"))
        #expect(!CypherEvaluation.goldOrders("MATCH (n) WITH n ORDER BY n.x LIMIT 3 RETURN n.x"))
        #expect(!CypherEvaluation.goldOrders("RETURN 1 AS x ORDER BY x UNION RETURN 2 AS x"))
        #expect(!CypherEvaluation.goldOrders("this is not Cypher"))
    }
}

/// End-to-end scoring on a small graph written to a temporary script.
@Suite struct CypherEvaluationTests {
    func graphScript() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-cypher-score-\(UUID().uuidString).cypher")
        try """
            CREATE CONSTRAINT p IF NOT EXISTS FOR (p:Person) REQUIRE p.name IS UNIQUE;
            CREATE (a:Person {name: 'Ann', born: 1960}), (b:Person {name: 'Bob', born: 1970}),
                   (m:Movie {title: 'Heat', released: 1995}), (a)-[:ACTED_IN]->(m), (b)-[:DIRECTED]->(m);
            """.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func flagsAndVerdictsPerExample() throws {
        let catalog = try CypherGraphCatalog(path: try graphScript())
        let examples = [
            CypherExample(index: 0, gold: "MATCH (p:Person) RETURN p.name AS name ORDER BY p.born"),
            CypherExample(index: 1, gold: "MATCH (p:Person) RETURN p.name AS name ORDER BY p.born"),
            CypherExample(index: 2, gold: "MATCH (p:Person) RETURN p.name"),
            CypherExample(index: 3, gold: "MATCH (p:Person) WHERE p.born > 2000 RETURN p.name"),
            CypherExample(index: 4, gold: "MATCH (p:Person) RETURN p.name"),
            CypherExample(index: 5, gold: "MATCH (p:Person RETURN p"),
        ]
        let predictions = [
            "MATCH (x:Person) RETURN x.name ORDER BY x.born DESC",
            "match (p:Person)  return p.name as name order by p.born",
            "MATCH (p:Person) RETURN p.name ORDER BY p.name DESC",
            "MATCH (m:Movie) WHERE m.released < 0 RETURN m.title",
            "MATCH (p:Person) RETURN p.nme +",
            "RETURN 1",
        ]
        let results = CypherEvaluation(catalog: catalog, options: CypherEvaluationOptions(jobs: 2))
            .run(examples: examples, predictions: predictions)
        #expect(results.map(\.execMatch) == [false, true, true, true, false, nil])
        #expect(results[1].exactMatch && !results[0].exactMatch)
        #expect(results[0].ordered == true && results[2].ordered == false)
        #expect(results[3].flags == [.bothEmpty, .goldEmpty])
        #expect(results[4].flags == [.predError] && results[4].error?.contains("SyntaxError") == true)
        #expect(results[4].partial["row_jaccard"] == 0)
        #expect(results[5].flags == [.goldError] && results[5].partial["ged_similarity"] == nil)
        #expect(results[1].partial["ged_similarity"] == 1 && results[1].partial["google_bleu"] ?? 0 < 1)
        for result in results {
            for (key, value) in result.partial { #expect((0...1).contains(value), "\(key) = \(value)") }
        }
        let summary = CypherEvaluationSummary(results: results, semantics: .strict)
        #expect(summary.all.count == 6 && summary.all.executed == 5 && summary.all.matched == 3)
    }

    @Test func theLoaderRunsSchemaCommandsAndEnforcesTheirConstraints() throws {
        let graph = try CypherGraphLoader.load(try graphScript())
        #expect(graph.indexDefinitions.map { "\($0.label).\($0.key)" } == ["Person.name"])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-cypher-dup-\(UUID().uuidString).cypher")
        try """
            CREATE CONSTRAINT FOR (p:Person) REQUIRE p.name IS UNIQUE;
            CREATE INDEX ON :Person(born);
            CREATE (:Person {name: 'Ann'});
            CREATE (:Person {name: 'Ann'});
            """.write(to: url, atomically: true, encoding: .utf8)
        let error = try #require(throws: FileError.self) { try CypherGraphLoader.load(url.path) }
        // The position is the script's (line 4), and the excerpt is the script's line 4.
        #expect(error.message.hasPrefix("4:1: ") && error.message.contains("UniquenessConstraintViolation"))
        #expect(error.message.hasSuffix("\nCREATE (:Person {name: 'Ann'});\n^"))
    }

    @Test func aPredictionThatParsesButFailsAnalysisKeepsItsGraphSimilarity() throws {
        let catalog = try CypherGraphCatalog(path: try graphScript())
        let example = CypherExample(index: 0, gold: "MATCH (p:Person) RETURN p.name")
        let results = CypherEvaluation(catalog: catalog).run(examples: [example], predictions: ["MATCH (p:Person) RETURN q.name"])
        #expect(results[0].error?.contains("UndefinedVariable") == true)
        let similarity = try #require(results[0].partial["ged_similarity"])
        #expect(similarity > 0 && similarity < 1)
        #expect(CypherEvaluation.goldOrders("CREATE INDEX FOR (p:Person) ON (p.born)") == false)
    }

    @Test func neo4jLabsSemanticsIsRowJaccardOne() throws {
        let catalog = try CypherGraphCatalog(path: try graphScript())
        let example = CypherExample(index: 0, gold: "MATCH (p:Person) RETURN p.name, p.born")
        // Duplicates in a row collapse in the notebook's row sets, so a repeated column still passes there.
        let prediction = "MATCH (p:Person) RETURN p.name, p.born, p.born AS again"
        let strict = CypherEvaluation(catalog: catalog).run(examples: [example], predictions: [prediction])
        let labs = CypherEvaluation(catalog: catalog, options: CypherEvaluationOptions(semantics: .neo4jLabs))
            .run(examples: [example], predictions: [prediction])
        #expect(strict[0].execMatch == false)
        #expect(labs[0].execMatch == true)
    }

    @Test func aSlowPredictionTimesOut() throws {
        let catalog = try CypherGraphCatalog(path: try graphScript())
        let example = CypherExample(index: 0, gold: "RETURN 1")
        let options = CypherEvaluationOptions(timeout: .milliseconds(100))
        let results = CypherEvaluation(catalog: catalog, options: options)
            .run(examples: [example], predictions: ["UNWIND range(1, 2000) AS a UNWIND range(1, 2000) AS b UNWIND range(1, 2000) AS c WITH c WHERE c < 0 RETURN c"])
        #expect(results[0].flags == [.predError, .timeout])
        #expect(results[0].execMatch == false)
    }

    @Test func readersTakeJSONLAndPredictionFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-cypher-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let gold = folder.appendingPathComponent("gold.jsonl")
        try """
            {"question": "Who?", "gold": "MATCH (p) RETURN p", "database": "movies"}
            {"cypher": "RETURN 1", "pred": "RETURN 2"}
            """.write(to: gold, atomically: true, encoding: .utf8)
        let examples = try CypherDatasetReader.readGold(at: gold)
        #expect(examples.map(\.gold) == ["MATCH (p) RETURN p", "RETURN 1"])
        #expect(examples[0].database == "movies" && examples[1].prediction == "RETURN 2")
        let pred = folder.appendingPathComponent("pred.json")
        try #"["RETURN 3", "RETURN 4"]"#.write(to: pred, atomically: true, encoding: .utf8)
        #expect(try CypherDatasetReader.readPredictions(at: pred, count: 2) == ["RETURN 3", "RETURN 4"])
        #expect(throws: DatasetError.self) { _ = try CypherDatasetReader.readPredictions(at: pred, count: 3) }
    }

    @Test func csvErrorsNameTheFileOnceAndTheLineWhenThereIsOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-cypher-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("missing.csv")
        let unread = #expect(throws: DatasetError.self) { _ = try CypherDatasetReader.readGold(at: missing) }
        #expect(unread?.file == missing.path)
        #expect(unread?.line == nil)
        #expect(unread?.message.contains(missing.path) == false)
        let broken = folder.appendingPathComponent("broken.csv")
        try "question,cypher\nWho?,RETURN 1\n\"Why?,RETURN 2\n".write(to: broken, atomically: true, encoding: .utf8)
        let malformed = #expect(throws: DatasetError.self) { _ = try CypherDatasetReader.readGold(at: broken) }
        #expect(malformed?.file == broken.path)
        #expect(malformed?.line == 3)
        #expect(malformed?.message.contains(broken.path) == false)
    }
}
