import QuiverCore
import SQL

/// Spider's exact-set match, computed on Quiver's own parse of both queries.
///
/// Official semantics: values, DISTINCT and the LIMIT value are ignored, JOIN-ON conditions are not
/// compared, foreign-key columns are canonicalised, the ten partial components must all match and
/// the FROM tables must be the same multiset. Unlike the official evaluator, a prediction its parser
/// would reject (aliases, CAST, `IN (list)`, CTEs, ...) still gets a structural verdict in `match`;
/// `officialMatch` reproduces the official 0 for it.
///
/// Official quirks reproduced (taoyds/spider `evaluation.py` / `process_sql.py` @ b7b5b8c):
/// - qualified columns resolve through one alias table for the whole query, the last `AS` winning;
///   unqualified ones in the FROM tables of their own SELECT, in FROM order;
/// - only the last ORDER BY direction counts, and only LIMIT's presence;
/// - a condition whose value is a column swallows the `OR` conditions after it (`parse_value`);
/// - values are dropped in WHERE/HAVING/ON and set-operation parts but kept in FROM subqueries;
///   DISTINCT and foreign-key canonicalisation apply to the top query and its set-operation parts,
///   not inside nested condition queries; foreign-key clusters are never merged;
/// - the ORDER BY / LIMIT after a compound belong to its last part; `A op B op C` nests to the right;
/// - `group(no Having)` compares column names without tables; `and/or` compares connective sets.
/// Measured on Spider dev with the rebuilt databases: gold-as-prediction 1,034/1,034; agreement with
/// the official per-example EM 2,068/2,068 (two prediction files), and the official parser's
/// accept/reject decision estimated right on 2,068/2,068.
///
/// ```swift
/// let result = ExactSetMatch.evaluate(gold: "SELECT name FROM singer WHERE age > 20",
///                                     prediction: "SELECT s.name FROM singer AS s WHERE s.age > 30",
///                                     schema: schemas["concert_singer"]!)
/// result.match           // true: values are ignored
/// result.officialMatch   // true
/// ```
public enum ExactSetMatch {
    /// Scores `prediction` against `gold` on `schema` (from `tables.json`).
    public static func evaluate(gold: String, prediction: String, schema: Schema) -> ExactMatchResult {
        evaluate(gold: gold, prediction: prediction, index: SpiderSchemaIndex(schema))
    }

    /// Scores `prediction` against `gold` with a schema index prepared once per database.
    public static func evaluate(gold: String, prediction: String, index: SpiderSchemaIndex) -> ExactMatchResult {
        let goldTree: SelectStatement
        do {
            goldTree = try SQLParser.parse(gold)
        } catch {
            return ExactMatchResult.unparsed(goldError: error, predictionError: nil)
        }
        return evaluate(goldTree: goldTree, goldText: gold, prediction: prediction, index: index)
    }

    /// Scores `prediction` against an already parsed gold; a prediction with the gold's exact text
    /// reuses the gold's tree instead of parsing it again (the parse would be the same).
    static func evaluate(goldTree: SelectStatement, goldText: String, prediction: String, index: SpiderSchemaIndex) -> ExactMatchResult {
        if prediction == goldText {
            return evaluate(gold: goldTree, prediction: goldTree, index: index, identical: true, extraRejections: [])
        }
        let predictionTree: SelectStatement
        do {
            predictionTree = try SQLParser.parse(prediction)
        } catch {
            var result = ExactMatchResult.unparsed(goldError: nil, predictionError: error)
            var goldBuilder = SpiderSQLBuilder(index: index, statement: goldTree)
            let g = index.rebuild.rebuild(goldBuilder.build(goldTree))
            result.officialPartial = SpiderComponents.scores(SpiderSQL(), g)
            result.goldOutsideOfficialGrammar = goldBuilder.rejections
            return result
        }
        // The official tokenizer splits `<>` into `<` `>`, which no condition can follow.
        let notEqual = SQLLexer.scan(prediction).contains { $0.isSymbol("<>") }
        return evaluate(gold: goldTree, prediction: predictionTree, index: index, identical: false, extraRejections: notEqual ? ["<>"] : [])
    }

    /// Scores two parsed queries.
    public static func evaluate(gold: SelectStatement, prediction: SelectStatement, index: SpiderSchemaIndex) -> ExactMatchResult {
        evaluate(gold: gold, prediction: prediction, index: index, identical: false, extraRejections: [])
    }

    /// `identical`: the prediction is the gold's own tree, so its official form is built once;
    /// `extraRejections`: reasons found in the text, beyond the tree.
    static func evaluate(
        gold: SelectStatement, prediction: SelectStatement, index: SpiderSchemaIndex, identical: Bool, extraRejections: [String]
    ) -> ExactMatchResult {
        var goldBuilder = SpiderSQLBuilder(index: index, statement: gold)
        let goldSQL = goldBuilder.build(gold)
        let g = index.rebuild.rebuild(goldSQL)
        let p: SpiderSQL
        var rejections: [String]
        if identical {
            (p, rejections) = (g, goldBuilder.rejections)
        } else {
            var predictionBuilder = SpiderSQLBuilder(index: index, statement: prediction)
            p = index.rebuild.rebuild(predictionBuilder.build(prediction))
            rejections = predictionBuilder.rejections
        }
        rejections += extraRejections.filter { !rejections.contains($0) }
        let partial = SpiderComponents.scores(p, g)
        let match = exactMatch(p, g, scores: partial)
        return ExactMatchResult(
            match: match,
            officialMatch: match && rejections.isEmpty,
            partial: partial,
            // The official evaluator scores a prediction its parser rejects as an empty query.
            officialPartial: rejections.isEmpty ? partial : SpiderComponents.scores(SpiderSQL(), g),
            predictionParsed: true,
            officialParserWouldReject: !rejections.isEmpty,
            officialRejectionReasons: rejections,
            goldOutsideOfficialGrammar: goldBuilder.rejections,
            error: nil)
    }

    /// The official `eval_exact_match` on rebuilt trees: every component matches and, when gold has a
    /// FROM, the sorted table units are equal.
    static func exactMatch(_ prediction: SpiderSQL, _ gold: SpiderSQL) -> Bool {
        exactMatch(prediction, gold, scores: SpiderComponents.scores(prediction, gold))
    }

    /// ``exactMatch(_:_:)`` with the components already scored.
    static func exactMatch(_ prediction: SpiderSQL, _ gold: SpiderSQL, scores: [ExactMatchComponent: ComponentScore]) -> Bool {
        guard scores.values.allSatisfy(\.match) else { return false }
        if gold.tableUnits.isEmpty { return true }
        return gold.tableUnits.sorted() == prediction.tableUnits.sorted()
    }
}

/// The verdict of ``ExactSetMatch`` for one example.
public struct ExactMatchResult: Sendable, Hashable {
    /// Exact-set match under the official semantics, on Quiver's parse (fair to predictions the official parser rejects).
    public var match: Bool
    /// What the official evaluator reports: `match`, but false when its parser would reject the prediction.
    public var officialMatch: Bool
    /// The ten partial components on Quiver's parse (empty when a query did not parse).
    public var partial: [ExactMatchComponent: ComponentScore]
    /// The ten partial components as the official evaluator scores them: `partial`, or, when its
    /// parser would reject the prediction, the empty query against gold (empty when gold did not parse).
    public var officialPartial: [ExactMatchComponent: ComponentScore]
    /// Whether Quiver's parser read the prediction.
    public var predictionParsed: Bool
    /// Whether the official `process_sql` parser would fail on the prediction (an estimate from the
    /// constructs it cannot read; it then scores an empty query, so EM and most partials are 0).
    public var officialParserWouldReject: Bool
    /// The constructs behind `officialParserWouldReject`.
    public var officialRejectionReasons: [String]
    /// Constructs in the gold query that the official grammar lacks (empty for Spider's own gold).
    public var goldOutsideOfficialGrammar: [String]
    /// The syntax error of the gold or the prediction, when one did not parse.
    public var error: QueryError?

    static func unparsed(goldError: QueryError?, predictionError: QueryError?) -> ExactMatchResult {
        ExactMatchResult(
            match: false, officialMatch: false, partial: [:], officialPartial: [:],
            predictionParsed: predictionError == nil && goldError == nil,
            officialParserWouldReject: true, officialRejectionReasons: predictionError == nil ? [] : ["syntax error"],
            goldOutsideOfficialGrammar: [], error: goldError ?? predictionError)
    }
}
