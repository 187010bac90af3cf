import ArgumentParser
import Foundation
import GraphDrawing
import KnowledgeGraph
import LLM
import Retrieval

/// `quiver ask`: answers a question from a knowledge graph, with the ranked passages and the labelled
/// paths that reached them; `--questions FILE` answers a whole file.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Answer a question from a knowledge graph, offline: the answer, the ranked passages, the labelled paths.",
        discussion: """
            Offsets in --json output are Unicode scalar offsets: a passage's start/end into its document's \
            text, an answer's into its passage's text.
            """
    )

    @Argument(help: "The question (or use --questions).")
    var question: String?

    @Option(help: "A graph built by `quiver build` (or a corpus: JSONL file or folder, built on the fly).")
    var graph: String

    @Option(help: "A file of questions: JSONL objects with a \"question\" field (and an optional \"id\"), or one question a line.")
    var questions: String?

    @Option(help: "bm25, spreading, ppr, hybrid, bridge or tree-search.")
    var method: RetrievalMethod = .hybrid

    @Option(parsing: .unconditional, help: "How many passages to show (1 to 10,000).")
    var limit = 5

    @Flag(help: "Print JSON: one object, or one line per question with --questions.")
    var json = false

    @Option(name: .customLong("parameter"), help: "Override a retrieval or answer constant, name=value (repeatable).")
    var parameters: [String] = []

    @Flag(help: "Also write an answer with a model (OpenAI-compatible endpoint) that cites the passages.")
    var llm = false

    @Option(help: "The model endpoint (default: QUIVER_LLM_BASE_URL).")
    var llmBaseURL: String?

    @Option(help: "The model name (default: QUIVER_LLM_MODEL).")
    var llmModel: String?

    @Option(help: "Output: text, or a picture of the question, passages and paths: dot (Graphviz) or mermaid.")
    var format: PictureFormat = .text

    func validate() throws {
        if format.drawingFormat != nil, questions != nil || json {
            throw ValidationError("--format \(format) draws one question; leave out --questions and --json")
        }
        if questions == nil {
            guard let question else { throw ValidationError("give a question, or --questions FILE") }
            guard !question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ValidationError("the question is empty; ask a question in words")
            }
        } else if question != nil {
            throw ValidationError("give either a question or --questions FILE, not both")
        }
        try CountOption.validate(limit, "--limit", in: 1...10_000)
        try ParameterOverrides.validate(parameters)
    }

    func run() async throws {
        let tuned = try ParameterOverrides.parameters(parameters)
        let asked = try questions.map(Self.readQuestions) ?? [(nil, question ?? "")]
        let model = try llm ? modelClient() : nil
        let index = try IndexLoading.load(graph, command: "ask")
        if let picture = format.drawingFormat, let text = asked.first?.1 {
            let hits = Retriever(index: index, parameters: tuned).retrieve(text, method: method, limit: limit)
            print(picture.render(Drawing(question: text, hits: hits, graph: index.graph)), terminator: "")
            return
        }
        let answering = QuestionAnswering(index: index, parameters: tuned,
                                          answerParameters: try ParameterOverrides.answerParameters(parameters))
        for (id, text) in asked {
            let report: AskReport
            do { report = try answering.ask(text, method: method, limit: limit) } catch {
                throw ValidationError("\(id.map { "question \($0): " } ?? "")\(error)")
            }
            var generated: String?
            if let model {
                let passages = report.passages.map { Passage(id: $0.id, document: 0, title: $0.title, text: $0.text, start: 0, end: 0) }
                do { generated = try await model.answer(text, passages: passages) } catch {
                    FileHandle.standardError.write(Data("quiver ask: no model answer: \(error)\n".utf8))
                    throw ExitCode.failure
                }
            }
            if json {
                print(try AskOutput.json(report, id: id, generated: generated))
            } else {
                print(AskOutput.text(report, generated: generated))
            }
        }
    }

    private func modelClient() throws -> AnswerGenerator {
        do {
            let configuration = try LLMConfiguration.fromEnvironment(baseURL: llmBaseURL, model: llmModel)
            return AnswerGenerator(client: LLMClient(configuration: configuration), citesPassages: true)
        } catch {
            throw ValidationError("--llm: \(error)")
        }
    }

    /// The questions of a file: JSONL objects with "question" (and "id"), or plain lines.
    static func readQuestions(_ path: String) throws -> [(String?, String)] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ValidationError("--questions: cannot read '\(path)': \(error.localizedDescription)")
        }
        var result: [(String?, String)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            if trimmed.hasPrefix("{") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any],
                    let question = object["question"] as? String
                else {
                    throw ValidationError("\(path):\(number + 1): expected a JSON object with a string \"question\" field")
                }
                guard !question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw ValidationError("\(path):\(number + 1): the question is empty")
                }
                result.append(((object["id"] as? String) ?? (object["id"] as? Int).map(String.init), question))
            } else {
                result.append((nil, trimmed))
            }
        }
        guard !result.isEmpty else { throw ValidationError("--questions: '\(path)' holds no questions") }
        return result
    }
}

extension RetrievalMethod: ExpressibleByArgument {}

/// How `quiver ask` prints a report.
enum AskOutput {
    static func text(_ report: AskReport, generated: String?) -> String {
        var lines: [String] = []
        lines.append("Answer: \(report.answer?.text ?? "(none found)")")
        if let generated { lines.append("Model answer: \(generated)") }
        lines.append("Question entities: \(report.entities.isEmpty ? "(none)" : report.entities.joined(separator: "; "))")
        for passage in report.passages {
            lines.append("\(passage.rank). [\(passage.id)] \(passage.title)  score \(String(format: "%.4f", passage.score))")
            // One line per passage: paragraph breaks read as spaces.
            let flat = passage.text.split(whereSeparator: \.isNewline).joined(separator: " ")
            let excerpt = flat.count > 240 ? String(flat.prefix(240)) + "…" : flat
            lines.append("   \(excerpt)")
            lines.append("   path: \(passage.path)")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ report: AskReport, id: String?, generated: String?) throws -> String {
        struct Line: Encodable {
            var id: String?
            var report: AskReport
            var generated: String?
            enum CodingKeys: String, CodingKey { case id, question, entities, answer, passages, modelAnswer }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encodeIfPresent(id, forKey: .id)
                try container.encode(report.question, forKey: .question)
                try container.encode(report.entities, forKey: .entities)
                try container.encode(report.answer, forKey: .answer)
                try container.encode(report.passages, forKey: .passages)
                try container.encodeIfPresent(generated, forKey: .modelAnswer)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Line(id: id, report: report, generated: generated)), as: UTF8.self)
    }
}
