import SQL

/// Reasoning-SQL's schema-linking reward: how well the tables and columns a prediction uses match gold's.
///
/// S(q) is the set of the database's table and column names that occur in q as identifiers (words or
/// quoted identifiers, case-folded; string literals and aliases that are not schema names do not
/// count). Two forms are reported: `schema_linking_recall` = |S(gold) ∩ S(pred)| / |S(gold)|, which is
/// what the authors' code computes, and `schema_linking_jaccard` = |∩| / |∪|, as the paper describes it.
/// Both are 1 when neither query names anything in the schema.
///
/// ```swift
/// let linking = SchemaLinking(schemas: try SpiderTables.load(from: tablesURL))
/// linking.scores(databaseID: "concert_singer", prediction: "SELECT name FROM singer", gold: "SELECT name, age FROM singer")
/// // ["schema_linking_recall": 0.667, "schema_linking_jaccard": 0.667]
/// ```
public struct SchemaLinking: Sendable {
    /// Lower-cased table and column names per database id.
    public let names: [String: Set<String>]

    /// Schema names from `schemas` (Spider/BIRD `tables.json`), keyed by database id.
    public init(schemas: [String: Schema]) {
        names = schemas.mapValues { schema in
            Set(schema.tables.map { $0.name.lowercased() }).union(schema.columnNames)
        }
    }

    /// The two scores for one example, or no scores when the database has no schema.
    public func scores(databaseID: String, prediction: String, gold: String) -> [String: Double] {
        guard let schemaNames = names[databaseID] else { return [:] }
        let predicted = SchemaLinking.referenced(prediction, among: schemaNames)
        let expected = prediction == gold ? predicted : SchemaLinking.referenced(gold, among: schemaNames)
        let common = Double(predicted.intersection(expected).count)
        let union = Double(predicted.union(expected).count)
        return [
            "schema_linking_recall": expected.isEmpty ? (predicted.isEmpty ? 1 : 0) : common / Double(expected.count),
            "schema_linking_jaccard": union == 0 ? 1 : common / union,
        ]
    }

    static func referenced(_ sql: String, among schemaNames: Set<String>) -> Set<String> {
        var found: Set<String> = []
        for token in SQLTokenScan(sql).tokens {
            let name: String
            switch token.kind {
            case .word, .quotedIdentifier: name = token.text
            default: continue
            }
            let folded = name.lowercased()
            if schemaNames.contains(folded) { found.insert(folded) }
        }
        return found
    }

    /// `scorer` with the two schema-linking scores added to its components.
    public func adding(to scorer: @escaping StructuralScorer) -> StructuralScorer {
        { example, prediction in
            var score = scorer(example, prediction)
            score.components.merge(scores(databaseID: example.databaseID, prediction: prediction, gold: example.gold)) { $1 }
            return score
        }
    }
}
