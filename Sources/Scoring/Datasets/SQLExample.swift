/// One text-to-SQL example: the gold query, the database it runs on, and what the data set says about it.
///
/// ```swift
/// let example = SQLExample(index: 0, databaseID: "concert_singer", gold: "SELECT count(*) FROM singer")
/// ```
public struct SQLExample: Sendable, Hashable {
    /// Position in the data set (0-based), also the line of its prediction.
    public var index: Int
    /// The `db_id`: which database the queries run on.
    public var databaseID: String
    /// The gold SQL as written in the data set.
    public var gold: String
    /// The natural-language question, when the file has it.
    public var question: String?
    /// BIRD's `difficulty` (`simple`, `moderate`, `challenging`), when the data set gives it.
    public var difficulty: String?

    /// An example at `index` on `databaseID` with `gold` SQL.
    public init(index: Int, databaseID: String, gold: String, question: String? = nil, difficulty: String? = nil) {
        self.index = index
        self.databaseID = databaseID
        self.gold = gold
        self.question = question
        self.difficulty = difficulty
    }
}
