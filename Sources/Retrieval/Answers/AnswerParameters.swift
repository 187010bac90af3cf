/// The constants of the extractive answerer (see `ExtractiveAnswerer` for how each is used).
///
/// ```swift
/// var parameters = AnswerParameters()
/// parameters.answerPassageCount = 3
/// ```
public struct AnswerParameters: Sendable, Hashable, Codable {
    /// How many of the ranked passages are read.
    public var answerPassageCount = 5
    /// How many of the best passages lead, through the entities they mention, to the articles read beyond
    /// `answerPassageCount` (0 reads none).
    public var bridgeSourceCount = 2
    /// How many ranked passages the answerer is given (the articles it reads beyond `answerPassageCount` are
    /// among them).
    public var rankingDepth = 10
    /// Gain of a candidate of the expected category.
    public var typeWeight = 1.0
    /// Loss of a candidate of another known category than the expected one.
    public var mismatchWeight = 1.0
    /// Gain of a candidate whose name or IS_A class holds the question's class noun.
    public var classWeight = 2.0
    /// Weight of the share of the question that the candidate's sentence holds.
    public var proximityWeight = 2.0
    /// Weight of the share of the question's class phrase that the candidate's description holds (its article's
    /// first sentence or the words around it; see `ClassDescription`).
    public var descriptionWeight = 2.0
    /// Gain of a candidate written right after the question's cue words (`AnswerExpectation.cue`), times the
    /// share of the cue's terms found in the `cueRadius` bytes before it.
    public var cueWeight = 2.0
    /// How many bytes before a candidate are read for the cue.
    public var cueRadius = 30
    /// Gain of a birth (death) date of an article's subject when the question asks when someone was born
    /// (died), and loss of the other one.
    public var lifeWeight = 1.0
    /// How many bytes on each side of a mention describe it (see `ClassDescription`).
    public var descriptionRadius = 60
    /// Weight of a candidate's proximity when the sentence of another read passage that names its passage's
    /// subject counts as part of its sentence (a two-hop chain), relative to its own sentence's; 0 reads each
    /// sentence alone.
    public var chainWeight = 1.0
    /// Gain of a candidate linked by a typed relation whose type shares a word with the question.
    public var relationWeight = 1.0
    /// Gain of the end of a relation walk from the question's entities, per question word the walk used,
    /// less twice as much per word the longest walk used and it did not (see `RelationWalk`).
    public var walkWeight = 1.5
    /// Share of a walk's gain that an end not of the expected category (when the question expects one) keeps.
    public var walkMisfitShare = 0.0
    /// The most relations a walk follows.
    public var walkDepth = 3
    /// The most paths a walk keeps per step.
    public var walkBeam = 32
    /// A walk that uses this many question words or more decides the answer among the candidates that fit.
    public var decisiveWalk = 2
    /// Weight of a walk's end that no retrieved passage names, relative to one that a passage names.
    public var walkOnlyWeight = 1.0
    /// Gain of a candidate in a passage reached through a bridge (and loss of the bridge itself).
    public var hopBonus = 0.5
    /// Exponent of a passage's retrieval score relative to the best, as a weight of its candidates.
    public var rankExponent = 0.75
    /// Share of the rank of a passage whose sentence leads to another (names its subject: a two-hop chain) that
    /// the other passage's candidates get at least, unless the leading passage names them too: the second hop
    /// is ranked low because the question names little of it.
    public var chainRankShare = 0.8
    /// Weight of a candidate's further occurrences relative to its best one.
    public var repetitionWeight = 0.3
    /// Share of a yes/no question's other words that each entity's passage must hold for "yes".
    public var yesThreshold = 0.5

    /// The defaults.
    public init() {}
}
