/// Exact match and token F1 of the offline answers on a question set, beside the baseline's (the most
/// frequent entity of the expected type in the top five passages).
///
/// ```swift
/// let scores = AnswerEvaluation(answering: QuestionAnswering(index: index)).evaluate(questions, method: .hybrid)
/// print(scores.f1, scores.baseline?.f1 ?? 0)
/// ```
public struct AnswerEvaluation: Sendable {
    /// Retrieval and answering.
    public let answering: QuestionAnswering

    /// Mean scores.
    public struct Scores: Sendable, Hashable {
        /// Mean exact match.
        public var em: Double
        /// Mean token F1.
        public var f1: Double
        /// The baseline's mean exact match and F1, when measured.
        public var baseline: Baseline?
        /// Each question's answers, in the order of the questions.
        public var questions: [AnsweredQuestion] = []

        /// A baseline's scores.
        public struct Baseline: Sendable, Hashable {
            /// Mean exact match.
            public var em: Double
            /// Mean token F1.
            public var f1: Double
        }

        /// Scores.
        public init(em: Double, f1: Double, baseline: Baseline?, questions: [AnsweredQuestion] = []) {
            self.em = em
            self.f1 = f1
            self.baseline = baseline
            self.questions = questions
        }
    }

    /// One question's answer, the baseline's, their F1, and the answerer's next best spans (for error analysis:
    /// `quiver eval retrieval --answer --out FILE` writes them).
    public struct AnsweredQuestion: Sendable, Hashable, Codable {
        /// The question's id.
        public var id: String
        /// The offline answer ("" when none was found).
        public var answer: String
        /// Its token F1 against the gold answers.
        public var f1: Double
        /// The baseline's answer.
        public var baselineAnswer: String
        /// The baseline's token F1.
        public var baselineF1: Double
        /// The answerer's best spans after the answer, best first, with their scores (at most 5; empty for
        /// yes/no and comparisons).
        public var alternatives: [Alternative]

        /// A span the answerer ranked below its answer.
        public struct Alternative: Sendable, Hashable, Codable {
            /// The span's text.
            public var text: String
            /// Its score (comparable within the question).
            public var score: Double
        }
    }

    /// An evaluation.
    public init(answering: QuestionAnswering) {
        self.answering = answering
    }

    /// Answers every question (and runs the baseline on the same passages) and averages the scores.
    public func evaluate(_ questions: [Question], method: RetrievalMethod) -> Scores {
        let index = answering.retriever.index
        let linker = SeedLinker(index: index, parameters: answering.retriever.parameters)
        let baseline = FrequencyBaseline(index: index)
        var em = 0.0, f1 = 0.0, baselineEM = 0.0, baselineF1 = 0.0
        var answered: [AnsweredQuestion] = []
        for question in questions {
            let seeds = linker.seeds(for: question.question)
            let ranking = answering.retriever.retrieve(question.question, seeds: seeds, method: method, limit: answering.answerer.parameters.rankingDepth)
            let ranked = answering.answerer.rankedAnswers(question.question, ranking: ranking, seeds: seeds)
            let predicted = ranked.first?.text ?? ""
            let score = AnswerMetrics.f1(predicted, answers: question.answers)
            em += AnswerMetrics.exactMatch(predicted, answers: question.answers)
            f1 += score
            let guess = baseline.answer(question.question, ranking: ranking, seeds: seeds)
            let guessScore = AnswerMetrics.f1(guess, answers: question.answers)
            baselineEM += AnswerMetrics.exactMatch(guess, answers: question.answers)
            baselineF1 += guessScore
            let others = ranked.dropFirst().prefix(5).map { AnsweredQuestion.Alternative(text: $0.text, score: $0.score) }
            answered.append(AnsweredQuestion(id: question.id, answer: predicted, f1: score, baselineAnswer: guess,
                                             baselineF1: guessScore, alternatives: Array(others)))
        }
        let count = Double(max(questions.count, 1))
        return Scores(em: em / count, f1: f1 / count, baseline: .init(em: baselineEM / count, f1: baselineF1 / count),
                      questions: answered)
    }
}
