import QuiverCore

/// One Text-to-Cypher example: the question, the gold query, and what the dataset says about it.
///
/// ```swift
/// let examples = try CypherDatasetReader.readGold(at: URL(fileURLWithPath: "text2cypher_claudeopus.csv"))
/// examples[0].gold   // "MATCH (m:Movie) …"
/// ```
public struct CypherExample: Sendable, Hashable {
    /// The example's position in the gold file (0-based, after no filtering).
    public var index: Int
    /// The natural-language question, when the file has one.
    public var question: String?
    /// The gold Cypher query.
    public var gold: String
    /// A prediction carried in the same file (a `pred` / `prediction` field or column), if any.
    public var prediction: String?
    /// The database (graph) the question is about: neo4j-labs `database`, Cy-Spider `db_id`.
    public var database: String?
    /// The question type (neo4j-labs `type`).
    public var type: String?
    /// The gold answer rows shipped with the data set (Cy-Spider `answers`), if any.
    public var answers: [[Value]]?
    /// The dataset's own verdicts on the gold (neo4j-labs `syntax_error`, `timeout`,
    /// `returns_results`, `false_schema`), as written.
    public var datasetFlags: [String: String]

    public init(
        index: Int, question: String? = nil, gold: String, prediction: String? = nil, database: String? = nil,
        type: String? = nil, answers: [[Value]]? = nil, datasetFlags: [String: String] = [:]
    ) {
        self.index = index
        self.question = question
        self.gold = gold
        self.prediction = prediction
        self.database = database
        self.type = type
        self.answers = answers
        self.datasetFlags = datasetFlags
    }
}
