import QuiverCore
import SQL

extension ExactSetMatch {
    /// A ``StructuralScorer`` for ``SQLEvaluation``: Spider hardness of the gold, exact-set match and the
    /// ten partial components, for examples whose database has a schema in `schemas`.
    ///
    /// `exactMatch` is Quiver's verdict (fair to predictions the official parser rejects),
    /// `officialExactMatch` what the official evaluator reports; the ten partial components come
    /// both ways. Hardness is left out for examples that carry a BIRD difficulty.
    ///
    /// ```swift
    /// let scorer = ExactSetMatch.structuralScorer(schemas: try SpiderTables.load(from: tablesURL))
    /// let evaluation = SQLEvaluation(executors: factory, options: options, structural: scorer)
    /// ```
    public static func structuralScorer(schemas: [String: Schema]) -> StructuralScorer {
        let indexes = schemas.mapValues(SpiderSchemaIndex.init)
        return { example, prediction in
            StackGuard.run(needing: StackGuard.queryStack) { score(example, prediction: prediction, indexes: indexes) }
        }
    }

    /// One example's structural verdicts, on the calling thread.
    private static func score(_ example: SQLExample, prediction: String, indexes: [String: SpiderSchemaIndex]) -> StructuralScore {
        var score = StructuralScore()
        // One parse of the gold serves hardness and exact match.
        let goldTree = try? SQLParser.parse(example.gold)
        if example.difficulty == nil, let goldTree {
            score.hardness = SpiderHardness.classify(goldTree).rawValue
        }
        guard let index = indexes[example.databaseID] else { return score }
        let result = goldTree.map { evaluate(goldTree: $0, goldText: example.gold, prediction: prediction, index: index) }
            ?? evaluate(gold: example.gold, prediction: prediction, index: index)
        score.exactMatch = result.match
        score.predictionParsed = result.predictionParsed
        // The official evaluator cannot run on a gold outside its grammar (it fails on the gold).
        let officialRuns = result.goldOutsideOfficialGrammar.isEmpty && goldTree != nil
        score.officialExactMatch = officialRuns ? result.officialMatch : nil
        score.officialParserAccepts = !result.officialParserWouldReject
        score.officialRejections = result.officialRejectionReasons
        score.quiverComponents = result.partial
        score.officialComponents = officialRuns ? result.officialPartial : [:]
        return score
    }
}
