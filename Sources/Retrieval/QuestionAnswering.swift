import KnowledgeGraph
import TextAnalysis

/// Retrieval and an offline answer for one question: what `quiver ask` prints.
///
/// ```swift
/// let answering = QuestionAnswering(index: index)
/// let report = try answering.ask("Who founded the company where Selma Fell worked?", method: .hybrid, limit: 5)
/// print(report.answer?.text ?? "no answer")
/// ```
public struct QuestionAnswering: Sendable {
    /// The retriever.
    public let retriever: Retriever
    /// The answerer.
    public let answerer: ExtractiveAnswerer

    /// Answering over an index with the given constants.
    public init(index: RetrievalIndex, parameters: RetrievalParameters = RetrievalParameters(),
                answerParameters: AnswerParameters = AnswerParameters())
    {
        self.retriever = Retriever(index: index, parameters: parameters)
        self.answerer = ExtractiveAnswerer(index: index, parameters: answerParameters)
    }

    /// Why a question cannot be asked.
    public struct EmptyQuestion: Error, Sendable, CustomStringConvertible {
        /// One line.
        public var description: String { "the question is empty; ask a question in words" }
    }

    /// Retrieves the passages of a question and answers it from them.
    ///
    /// - Throws: `EmptyQuestion` when the question has no words.
    public func ask(_ question: String, method: RetrievalMethod, limit: Int) throws(EmptyQuestion) -> AskReport {
        guard !EntityKey.tokenizer.tokenize(question).isEmpty else { throw EmptyQuestion() }
        let index = retriever.index
        let seeds = SeedLinker(index: index, parameters: retriever.parameters).seeds(for: question)
        let ranking = retriever.retrieve(question, seeds: seeds, method: method,
                                         limit: max(limit, answerer.parameters.rankingDepth))
        let answer = answerer.answer(question, ranking: ranking, seeds: seeds)
        let describer = PathDescription(graph: index.graph)
        let answerEntity = answer.flatMap { $0.entity >= 0 ? $0.entity : nil }
        let passages = ranking.prefix(limit).enumerated().map { rank, hit in
            let passage = index.graph.passages[Int(hit.passage)]
            let path = hit.paths.first ?? [.passage(hit.passage)]
            let closesWithAnswer = answer?.passage == hit.passage
            return AskReport.RankedPassage(
                rank: rank + 1, id: passage.id, title: passage.title, score: hit.score,
                start: ScalarOffsets(index.graph.documents[passage.document].text).scalarOffset(utf8: passage.start),
                end: ScalarOffsets(index.graph.documents[passage.document].text).scalarOffset(utf8: passage.end),
                text: passage.text, path: describer.describe(path, answer: closesWithAnswer ? answerEntity : nil),
                hops: describer.hops(path, answer: closesWithAnswer ? answerEntity : nil))
        }
        let reportedAnswer = answer.map { answer -> AskReport.Answer in
            guard answer.passage >= 0 else {
                return AskReport.Answer(text: answer.text, type: answer.expected.rawValue, passage: nil, start: nil, end: nil)
            }
            let passage = index.graph.passages[Int(answer.passage)]
            let offsets = ScalarOffsets(passage.text)
            return AskReport.Answer(text: answer.text, type: answer.expected.rawValue, passage: passage.id,
                                    start: offsets.scalarOffset(utf8: answer.start), end: offsets.scalarOffset(utf8: answer.end))
        }
        return AskReport(question: question, entities: seeds.entities.map { index.graph.entities[Int($0.entity)].name },
                         answer: reportedAnswer, passages: passages)
    }
}

/// What `quiver ask --json` prints for one question. Offsets are Unicode scalar offsets: a passage's
/// `start`/`end` into its document's text, an answer's into its passage's text.
public struct AskReport: Sendable, Hashable, Codable {
    /// An answer and where it was read.
    public struct Answer: Sendable, Hashable, Codable {
        /// The answer text.
        public var text: String
        /// The answer type the question asked for.
        public var type: String
        /// The id of the passage it was read from (absent for yes/no and comparisons).
        public var passage: String?
        /// Scalar offset of the answer in that passage's text.
        public var start: Int?
        /// Scalar offset one past the answer's end.
        public var end: Int?
    }

    /// A ranked passage with its explanation path.
    public struct RankedPassage: Sendable, Hashable, Codable {
        /// 1 for the best.
        public var rank: Int
        /// The passage id.
        public var id: String
        /// The document title.
        public var title: String
        /// The retrieval score.
        public var score: Double
        /// Scalar offset of the passage in its document's text.
        public var start: Int
        /// Scalar offset one past its end.
        public var end: Int
        /// The passage text.
        public var text: String
        /// The labelled path that reached it, as one line.
        public var path: String
        /// The same path, hop by hop.
        public var hops: [PathDescription.Hop]
    }

    /// The question as asked.
    public var question: String
    /// The names of the entities linked in the question.
    public var entities: [String]
    /// The answer, when one was found.
    public var answer: Answer?
    /// The ranked passages, best first.
    public var passages: [RankedPassage]
}
