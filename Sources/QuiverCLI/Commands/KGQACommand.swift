import ArgumentParser
import Foundation
import LLM
import PropertyGraph
import Retrieval

/// `quiver kgqa`: answers questions over a knowledge graph by reward-guided tree search over
/// relation paths (offline), and `quiver kgqa train` fits word–relation statistics.
struct KGQACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kgqa",
        abstract: "Answer questions over a knowledge graph by tree search over relation paths (offline; an LLM critic optional).",
        subcommands: [KGQAAnswerCommand.self, KGQATrainCommand.self],
        defaultSubcommand: KGQAAnswerCommand.self
    )
}

/// Where the knowledge graph comes from: a triple file or a saved graph.
struct KnowledgeGraphSource: ParsableArguments {
    @Option(help: "Triples: subject<TAB>relation<TAB>object, or MetaQA's subject|relation|object.")
    var kg: String?

    @Option(help: "A saved Quiver graph (from `quiver cypher --save`, `quiver import` or `quiver build`).")
    var graph: String?

    @Option(help: "The node property that holds entity names.")
    var nameProperty = TripleFile.nameProperty

    func validate() throws {
        guard (kg == nil) != (graph == nil) else { throw ValidationError("give exactly one of --kg FILE and --graph FILE") }
        for path in [kg, graph].compactMap({ $0 }) where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("cannot read '\(path)': no such file or not readable")
        }
    }

    /// Loads the graph and reports its size and load time on stderr.
    func load() throws -> EntityGraph {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let store = try kg.map { try TripleFile.load(contentsOf: URL(fileURLWithPath: $0)) }
                ?? GraphStore.load(from: graph ?? "")
            let entityGraph = try EntityGraph(store: store, nameProperty: nameProperty)
            let seconds = (clock.now - start).inSeconds
            FileHandle.standardError.write(Data(String(
                format: "loaded %d entities, %d relationships, %d relation types in %.3f s\n",
                store.nodeCount, store.relationshipCount, store.typeNames.count, seconds).utf8))
            return entityGraph
        } catch {
            throw InputError("\(error)")
        }
    }
}

/// `--split K/N`: keep the questions whose 0-based index is K modulo N.
struct QuestionSplit: ExpressibleByArgument, Sendable {
    var part: Int
    var parts: Int

    init?(argument: String) {
        let pieces = argument.split(separator: "/").compactMap { Int($0) }
        guard pieces.count == 2, pieces[1] > 0, pieces[0] >= 0, pieces[0] < pieces[1] else { return nil }
        part = pieces[0]
        parts = pieces[1]
    }

    func apply(_ questions: [KGQAQuestion]) -> [KGQAQuestion] {
        questions.enumerated().filter { $0.offset % parts == part }.map(\.element)
    }

    /// Reads question files and keeps this split of each.
    static func read(_ paths: [String], split: QuestionSplit?) throws -> [(path: String, questions: [KGQAQuestion])] {
        try paths.map { path in
            let questions: [KGQAQuestion]
            do { questions = try KGQAQuestion.read(contentsOf: URL(fileURLWithPath: path)) } catch { throw InputError("\(error)") }
            return (path, split?.apply(questions) ?? questions)
        }
    }
}

/// `quiver kgqa train`: fits word–relation statistics from training questions and saves them.
struct KGQATrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Fit word–relation statistics (counts, PMI, naive Bayes over path signatures) and save them as JSON."
    )

    @OptionGroup var source: KnowledgeGraphSource

    @Option(help: "Training questions (JSONL with answers and optional \"path\"/\"paths\", or MetaQA text); repeatable.")
    var questions: [String]

    @Option(help: "Keep the questions whose index is K modulo N (e.g. 0/2 for one half).")
    var split: QuestionSplit?

    @Option(help: "Where to write the model (JSON).")
    var out: String

    @Option(help: "The longest path inferred from answers.")
    var maxHops = 3

    func run() async throws {
        let files = try QuestionSplit.read(questions, split: split)
        let graph = try source.load()
        var parameters = KGQAParameters()
        parameters.maxHops = maxHops
        let clock = ContinuousClock()
        let start = clock.now
        let (model, report) = RelationModelTrainer(graph: graph, parameters: parameters).train(files.flatMap(\.questions))
        do { try model.save(to: URL(fileURLWithPath: out)) } catch { throw InputError("--out: cannot write '\(out)': \(error)") }
        print(String(format: "trained on %d questions (%d paths given, %d inferred from answers, %d skipped) in %.2f s; excludeTopic %@; %d path signatures -> %@",
                     report.questions, report.given, report.inferred, report.skipped, (clock.now - start).inSeconds,
                     model.excludeTopic.map { "\($0)" } ?? "unknown", model.signatureCount.count, out))
    }
}

extension KGQAConfiguration.Method: ExpressibleByArgument {}
