import ArgumentParser
import Foundation
import LLM
import Retrieval

/// `quiver kgqa [answer]`: answers one question or question files; prints per-file and total
/// Hits@1, Hits@5, F1 and questions per second (by hop count when known).
struct KGQAAnswerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Answer questions (default subcommand): ranked answers, best paths, the Cypher query, Hits@1/@5, F1."
    )

    @OptionGroup var source: KnowledgeGraphSource

    @Argument(help: "One question to answer (topic in [brackets], or linked from the text).")
    var question: String?

    @Option(help: "Questions: JSONL {id, question, topic?, answers?, path?} or MetaQA text (question<TAB>a|b); repeatable.")
    var questions: [String] = []

    @Option(help: "Keep the questions whose index is K modulo N (e.g. 1/2 for the other half).")
    var split: QuestionSplit?

    @Option(help: "Training questions (answers, optional gold paths): fit word–relation statistics first; repeatable.")
    var train: [String] = []

    @Option(help: "The split of the --train files (e.g. 0/2).")
    var trainSplit: QuestionSplit?

    @Option(help: "A model saved by `quiver kgqa train`.")
    var model: String?

    @Option(help: "tree-search or beam.")
    var method: KGQAConfiguration.Method = .treeSearch

    @Option(help: "Tree-search simulations per topic.")
    var simulations = KGQAConfiguration().search.simulations

    @Option(help: "The seed of the search's random choices.")
    var seed: UInt64 = 0

    @Option(help: "The beam width of --method beam.")
    var beamWidth = KGQAConfiguration().beamWidth

    @Option(help: "The longest relation path.")
    var maxHops = KGQAParameters().maxHops

    @Option(help: "A time budget per topic, in seconds (results then depend on the machine).")
    var timeLimit: Double?

    @Option(help: "Worker threads.")
    var jobs = 1

    @Flag(help: "Let the topic entity itself be an answer (kept out by default, or as --train's answers say).")
    var allowTopicAnswers = false

    @Flag(help: "Do not run the best path's Cypher query.")
    var noCypher = false

    @Option(name: .customLong("parameter"), help: "Override a KGQA constant, name=value (repeatable; see docs/tree-search.md).")
    var parameters: [String] = []

    @Flag(help: "Score the best paths with an LLM critic (endpoint from --llm-base-url or QUIVER_LLM_BASE_URL).")
    var llm = false

    @Option(help: "The model endpoint for --llm (default: QUIVER_LLM_BASE_URL).")
    var llmBaseURL: String?

    @Option(help: "The model name for --llm (default: QUIVER_LLM_MODEL).")
    var llmModel: String?

    @Option(help: "A folder where the critic's replies are cached.")
    var llmCache: String?

    @Option(help: "Seconds one critic request may take.")
    var llmTimeout: Double = 60

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Option(help: "Write one JSON result per question (JSONL) to this file.")
    var out: String?

    @Flag(help: "Print every question's answers, paths and query (the default for a single question).")
    var verbose = false

    func validate() throws {
        guard question != nil || !questions.isEmpty else { throw ValidationError("give a question or --questions FILE") }
        guard simulations > 0 else { throw ValidationError("--simulations must be positive") }
        guard jobs > 0 else { throw ValidationError("--jobs must be positive") }
        guard beamWidth > 0 else { throw ValidationError("--beam-width must be positive") }
        guard (1...8).contains(maxHops) else { throw ValidationError("--max-hops must be between 1 and 8") }
        if let timeLimit { try TimeoutSeconds.validate(timeLimit) }
        guard train.isEmpty || model == nil else { throw ValidationError("give --train or --model, not both") }
    }

    func run() async throws {
        var configuration = KGQAConfiguration()
        do { configuration.parameters = try configuration.parameters.applying(parameters) } catch {
            throw ValidationError(error.message)
        }
        configuration.parameters.maxHops = maxHops
        if allowTopicAnswers { configuration.parameters.excludeTopic = false }
        configuration.method = method
        configuration.beamWidth = beamWidth
        configuration.runsCypher = !noCypher
        configuration.search.simulations = simulations
        configuration.search.seed = seed
        configuration.search.timeLimit = timeLimit.map(TimeoutSeconds.duration)
        var files = try QuestionSplit.read(questions, split: split)
        if let question { files.insert(("<argument>", try single(question)), at: 0) }
        let trainFiles = try QuestionSplit.read(train, split: trainSplit)
        let savedModel = try model.map { path in
            do { return try RelationModel.load(from: URL(fileURLWithPath: path)) } catch { throw InputError("\(error)") }
        }
        let critic = try llm ? makeCritic() : nil
        let graph = try source.load()
        var statistics = savedModel.map { RelationStatistics(model: $0, graph: graph) }
        if !trainFiles.isEmpty {
            let clock = ContinuousClock()
            let start = clock.now
            let (model, report) = RelationModelTrainer(graph: graph, parameters: configuration.parameters)
                .train(trainFiles.flatMap(\.questions))
            statistics = RelationStatistics(model: model, graph: graph)
            FileHandle.standardError.write(Data(String(
                format: "trained on %d questions (%d inferred paths, %d skipped) in %.2f s\n",
                report.questions, report.inferred, report.skipped, (clock.now - start).inSeconds).utf8))
        }
        if allowTopicAnswers, var model = statistics?.model {
            model.excludeTopic = false
            statistics = RelationStatistics(model: model, graph: graph)
        }
        let runner = KGQARunner(graph: graph, configuration: configuration, statistics: statistics, jobs: jobs)
        var report = KGQAReport(method: method.rawValue, files: [])
        var allResults: [KGQAResult] = []
        var totalSeconds = 0.0
        for file in files {
            let clock = ContinuousClock()
            let start = clock.now
            let results = try await runner.run(file.questions, critic: critic)
            let seconds = (clock.now - start).inSeconds
            totalSeconds += seconds
            allResults += results
            report.files.append(.init(path: file.path, summary: KGQASummary(results, seconds: seconds)))
            if verbose || file.path == "<argument>" { for result in results { printDetails(result) } }
        }
        if files.count > 1 { report.total = KGQASummary(allResults, seconds: totalSeconds) }
        if let out { try write(allResults, to: out) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            for file in report.files where file.summary.scored > 0 || file.path != "<argument>" { printSummary(file.path, file.summary) }
            if let total = report.total { printSummary("total", total) }
        }
    }

    func single(_ text: String) throws -> [KGQAQuestion] {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the question is empty") }
        let (plain, topics) = KGQAQuestion.bracketedTopics(in: text)
        return [KGQAQuestion(id: "1", question: plain, topics: topics)]
    }

    func makeCritic() throws -> LLMPathCritic {
        var configuration: LLMConfiguration
        do { configuration = try LLMConfiguration.fromEnvironment(baseURL: llmBaseURL, model: llmModel) } catch {
            throw ValidationError("--llm: \(error)")
        }
        configuration.requestTimeout = max(1, llmTimeout.rounded(.up))
        configuration.cacheDirectory = llmCache.map { URL(fileURLWithPath: $0, isDirectory: true) }
        return LLMPathCritic(client: LLMClient(configuration: configuration))
    }

    func write(_ results: [KGQAResult], to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var lines = Data()
        for result in results {
            lines.append(try encoder.encode(result))
            lines.append(UInt8(ascii: "\n"))
        }
        do { try lines.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw InputError("--out: cannot write '\(path)': \(error.localizedDescription)")
        }
    }

    func printDetails(_ result: KGQAResult) {
        print("[\(result.id)] \(result.question)")
        if let error = result.error {
            print("  error: \(error)")
            return
        }
        print("  topics: \(result.topics.joined(separator: "; "))")
        let answers = result.answers.prefix(10).map { String(format: "%@ (%.3f)", $0.name, $0.score) }
        print("  answers: \(answers.joined(separator: ", "))\(result.answers.count > 10 ? ", …" : "")")
        for path in result.paths {
            let critic = path.critic.map { String(format: ", critic %.2f", $0) } ?? ""
            print(String(format: "  path %.3f%@: %@ (%d answers)", path.reward, critic, path.pattern, path.answerCount))
            let t = path.score
            print(String(format: "    support %.2f, order %.2f, unexplained %.2f, type %.2f, priors %.2f, learned %.2f",
                         t.support, t.order, t.unexplained, t.type, t.priors, t.learned))
        }
        if let cypher = result.cypher {
            print("  cypher\(result.cypherAgrees == false ? " (returned other answers!)" : ""):")
            for line in cypher.split(separator: "\n") { print("    \(line)") }
        }
        if let hits1 = result.hits1 { print("  gold: \(result.gold.prefix(5).joined(separator: "; ")); hits@1 \(hits1)") }
        let s = result.statistics
        print(String(format: "  search: %d simulations, %d nodes, %d paths%@, %.2f ms%@", s.simulations, s.nodes, s.paths,
                     s.exhausted ? " (exhausted)" : "", s.milliseconds, s.criticError.map { "; critic failed: \($0)" } ?? ""))
    }

    func printSummary(_ name: String, _ summary: KGQASummary) {
        let agreement = summary.cypherAgreement.map { String(format: ", Cypher agrees %.1f%%", $0) } ?? ""
        print(String(format: "%@: %d questions, Hits@1 %.1f, Hits@5 %.1f, F1 %.1f, %d without topic, %.2f s, %.0f questions/s%@",
                     name, summary.questions, summary.hits1, summary.hits5, summary.f1, summary.missingTopic, summary.seconds,
                     summary.questionsPerSecond, agreement))
        for hops in summary.byHops.keys.sorted() {
            guard let group = summary.byHops[hops] else { continue }
            print(String(format: "  %@-hop: %d questions, Hits@1 %.1f, Hits@5 %.1f, F1 %.1f", hops, group.scored, group.hits1,
                         group.hits5, group.f1))
        }
    }
}

/// The JSON summary of `quiver kgqa --json`.
struct KGQAReport: Encodable {
    struct File: Encodable {
        var path: String
        var summary: KGQASummary
    }

    var method: String
    var files: [File]
    var total: KGQASummary?
}
