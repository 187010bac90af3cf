import ArgumentParser
import Foundation
import KnowledgeGraph
import LLM
import Retrieval

/// `quiver eval`: evaluates Quiver's components on data sets.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate retrieval (and other components) on data sets.",
        subcommands: [EvalRetrievalCommand.self]
    )
}

/// `quiver eval retrieval`: Recall@2/5/10 of supporting passages for one retrieval method, and with
/// `--answer` exact match and F1 of the offline answers (and of the baseline they are measured against).
struct EvalRetrievalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieval",
        abstract: "Recall@2/@5/@10 of supporting passages (and answer EM/F1 with --answer), e.g. on $QUIVER_DATA/multihop/hotpotqa."
    )

    @Option(help: "The corpus: a JSONL file of {id,title,text}, a folder of .txt/.md files, or a graph built by `quiver build`.")
    var corpus: String

    @Option(help: "A JSONL file of {id,question,answers,supporting}.")
    var questions: String

    @Option(help: "bm25, spreading, ppr, hybrid, bridge or tree-search.")
    var method: RetrievalMethod = .hybrid

    @Option(name: .customLong("parameter"), help: "Override a retrieval or answer constant, name=value (repeatable).")
    var parameters: [String] = []

    @Flag(help: "Print one JSON object {\"R@2\", \"R@5\", \"R@10\", \"questions\"} (and EM/F1 with --answer).")
    var json = false

    @Option(help: "Write per-question results (JSONL) to this file: recall, and with --answer the answer, the baseline's and the next best spans.")
    var out: String?

    @Flag(help: "Also answer each question offline from its top passages and report EM/F1, with the baseline's.")
    var answer = false

    @Flag(help: "With --answer, write the answers with a model (OpenAI-compatible endpoint) instead.")
    var llm = false

    @Option(help: "The model endpoint for --llm (default: QUIVER_LLM_BASE_URL).")
    var llmBaseURL: String?

    @Option(help: "The model name for --llm (default: QUIVER_LLM_MODEL).")
    var llmModel: String?

    @Option(help: "A folder where model replies are cached.")
    var llmCache: String?

    func validate() throws {
        try ParameterOverrides.validate(parameters)
    }

    func run() async throws {
        let tuned = try ParameterOverrides.parameters(parameters)
        let questionList: [Question]
        do { questionList = try Question.readJSONL(URL(fileURLWithPath: questions)) } catch {
            throw ValidationError("\(error)")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let index = try IndexLoading.load(corpus, command: "eval")
        let graph = index.graph
        let built = clock.now - start
        let evaluation = RecallEvaluation(retriever: Retriever(index: index, parameters: tuned))
        let askStart = clock.now
        let report = evaluation.evaluate(questionList, method: method)
        let asked = clock.now - askStart
        FileHandle.standardError.write(Data("""
            graph: \(graph.passages.count) passages, \(graph.entities.count) entities, \(graph.mentions.count) mentions, \
            \(graph.relations.count) relations; load/build + index \(built); \(questionList.count) questions in \(asked), \
            median \(report.medianLatency) per question\n
            """.utf8))
        let r2 = report.recall[2] ?? 0, r5 = report.recall[5] ?? 0, r10 = report.recall[10] ?? 0
        var scores: AnswerEvaluation.Scores?
        if answer {
            scores = llm ? try await modelScores(questionList, report: report, graph: graph)
                : AnswerEvaluation(answering: QuestionAnswering(
                    index: index, parameters: tuned, answerParameters: try ParameterOverrides.answerParameters(parameters)
                )).evaluate(questionList, method: method)
        }
        if let out {
            try writeResults(report.questions, answers: scores?.questions ?? [], to: out)
        }
        if json {
            var fields = [#""R@2": \#(percent(r2))"#, #""R@5": \#(percent(r5))"#, #""R@10": \#(percent(r10))"#,
                          #""questions": \#(questionList.count)"#]
            if let scores {
                fields += [#""EM": \#(percent(scores.em))"#, #""F1": \#(percent(scores.f1))"#]
                if let baseline = scores.baseline {
                    fields += [#""baselineEM": \#(percent(baseline.em))"#, #""baselineF1": \#(percent(baseline.f1))"#]
                }
            }
            print("{" + fields.joined(separator: ", ") + "}")
        } else {
            print("method \(method.rawValue), \(questionList.count) questions")
            print("R@2  \(percent(r2))\nR@5  \(percent(r5))\nR@10 \(percent(r10))")
            if let scores {
                print("EM   \(percent(scores.em))\nF1   \(percent(scores.f1))")
                if let baseline = scores.baseline {
                    print("baseline (most frequent entity of the expected type in the top 5): EM \(percent(baseline.em)), F1 \(percent(baseline.f1))")
                }
            }
        }
    }

    private func percent(_ value: Double) -> String { String(format: "%.1f", value * 100) }

    /// One JSON line per question: its recall (id, retrieved, supporting, recall) and, with `--answer`, its
    /// answer, the baseline's and the next best spans (`answer`, `f1`, `baselineAnswer`, `baselineF1`,
    /// `alternatives`).
    private func writeResults(_ results: [RecallEvaluation.QuestionResult], answers: [AnswerEvaluation.AnsweredQuestion],
                              to path: String) throws
    {
        struct Line: Encodable {
            let recall: RecallEvaluation.QuestionResult
            let answer: AnswerEvaluation.AnsweredQuestion?
            func encode(to encoder: any Encoder) throws {
                try recall.encode(to: encoder)
                try answer?.encode(to: encoder)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var lines = Data()
        for (position, result) in results.enumerated() {
            let answered = answers.indices.contains(position) ? answers[position] : nil
            lines.append(try encoder.encode(Line(recall: result, answer: answered)))
            lines.append(UInt8(ascii: "\n"))
        }
        try lines.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Mean exact match and F1 of model answers written from each question's top 5 passages.
    private func modelScores(
        _ questions: [Question], report: RecallEvaluation.Report, graph: KnowledgeGraph
    ) async throws -> AnswerEvaluation.Scores {
        var configuration: LLMConfiguration
        do { configuration = try LLMConfiguration.fromEnvironment(baseURL: llmBaseURL, model: llmModel) } catch {
            throw ValidationError("--llm: \(error)")
        }
        configuration.cacheDirectory = llmCache.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let generator = AnswerGenerator(client: LLMClient(configuration: configuration))
        // Recall is counted per document; a document's first passage stands for it in the prompt.
        let passageByDocument = Dictionary(
            graph.passages.map { (graph.documents[$0.document].id, $0) }, uniquingKeysWith: { first, _ in first })
        var em = 0.0, f1 = 0.0
        for (question, result) in zip(questions, report.questions) {
            let passages = result.retrieved.prefix(5).compactMap { passageByDocument[$0] }
            let predicted: String
            do { predicted = try await generator.answer(question.question, passages: passages) } catch {
                FileHandle.standardError.write(Data("quiver eval: \(question.id): \(error)\n".utf8))
                throw ExitCode.failure
            }
            em += AnswerMetrics.exactMatch(predicted, answers: question.answers)
            f1 += AnswerMetrics.f1(predicted, answers: question.answers)
        }
        let count = Double(max(1, questions.count))
        return AnswerEvaluation.Scores(em: em / count, f1: f1 / count, baseline: nil)
    }
}
