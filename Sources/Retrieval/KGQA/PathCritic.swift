/// Judges candidate relation paths for a question, RTSoG's self-critic: a score in `0...1` per
/// path, read in the context of the question and a few of the answers it reaches.
///
/// ```swift
/// struct PreferShort: PathCritic {
///     func critique(question: String, paths: [CriticPath]) async throws -> [Double] {
///         paths.map { 1 / Double($0.relations.count) }
///     }
/// }
/// ```
public protocol PathCritic: Sendable {
    /// One score per path, in order.
    func critique(question: String, paths: [CriticPath]) async throws -> [Double]
}

/// A path as the critic sees it.
///
/// ```swift
/// let path = CriticPath(topic: "Kiss and Tell", relations: ["directed_by"], sampleAnswers: ["Richard Wallace"], answerCount: 1)
/// ```
public struct CriticPath: Sendable, Hashable, Codable {
    /// The topic entity's name.
    public var topic: String
    /// Relation names in order, `^` before a hop followed backwards.
    public var relations: [String]
    /// A few answers it reaches.
    public var sampleAnswers: [String]
    /// How many answers it reaches.
    public var answerCount: Int

    /// A path description.
    public init(topic: String, relations: [String], sampleAnswers: [String], answerCount: Int) {
        self.topic = topic
        self.relations = relations
        self.sampleAnswers = sampleAnswers
        self.answerCount = answerCount
    }
}
