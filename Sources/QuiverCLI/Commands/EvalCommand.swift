import ArgumentParser
import Foundation
import KnowledgeGraph
import Retrieval

/// `quiver eval`: evaluates Quiver's components on data sets.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate retrieval (and other components) on data sets.",
        subcommands: [EvalRetrievalCommand.self]
    )
}

/// `quiver eval retrieval`: Recall@2/5/10 of supporting passages for one retrieval method.
struct EvalRetrievalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieval",
        abstract: "Recall@2/@5/@10 of supporting passages, e.g. on $QUIVER_DATA/multihop/hotpotqa."
    )

    @Option(help: "The corpus: a JSONL file of {id,title,text}, a folder of .txt/.md files, or a graph built by `quiver build`.")
    var corpus: String

    @Option(help: "A JSONL file of {id,question,answers,supporting}.")
    var questions: String

    @Option(help: "bm25, spreading, ppr or hybrid.")
    var method: RetrievalMethod = .hybrid

    @Option(name: .customLong("parameter"), help: "Override a retrieval constant, name=value (repeatable).")
    var parameters: [String] = []

    @Flag(help: "Print one JSON object {\"R@2\", \"R@5\", \"R@10\", \"questions\"}.")
    var json = false

    @Option(help: "Write per-question results (JSONL) to this file.")
    var out: String?

    func run() async throws {
        let tuned: RetrievalParameters
        do { tuned = try RetrievalParameters().applying(parameters) } catch {
            throw ValidationError(error.message)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let graph = try GraphLoading.load(corpus)
        let index = RetrievalIndex(graph: graph)
        let built = clock.now - start
        let questionList: [Question]
        do { questionList = try Question.readJSONL(URL(fileURLWithPath: questions)) } catch {
            throw ValidationError("\(error)")
        }
        let evaluation = RecallEvaluation(retriever: Retriever(index: index, parameters: tuned))
        let askStart = clock.now
        let report = evaluation.evaluate(questionList, method: method)
        let asked = clock.now - askStart
        FileHandle.standardError.write(Data("""
            graph: \(graph.passages.count) passages, \(graph.entities.count) entities, \(graph.mentions.count) mentions, \
            \(graph.relations.count) relations; load/build + index \(built); \(questionList.count) questions in \(asked), \
            median \(report.medianLatency) per question\n
            """.utf8))
        if let out {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var lines = Data()
            for result in report.questions {
                lines.append(try encoder.encode(result))
                lines.append(UInt8(ascii: "\n"))
            }
            try lines.write(to: URL(fileURLWithPath: out), options: .atomic)
        }
        let r2 = report.recall[2] ?? 0, r5 = report.recall[5] ?? 0, r10 = report.recall[10] ?? 0
        if json {
            print(#"{"R@2": \#(percent(r2)), "R@5": \#(percent(r5)), "R@10": \#(percent(r10)), "questions": \#(questionList.count)}"#)
        } else {
            print("method \(method.rawValue), \(questionList.count) questions")
            print("R@2  \(percent(r2))\nR@5  \(percent(r5))\nR@10 \(percent(r10))")
        }
    }

    private func percent(_ value: Double) -> String { String(format: "%.1f", value * 100) }
}

extension RetrievalMethod: ExpressibleByArgument {}

/// Loads a graph file, or builds a graph from a corpus.
enum GraphLoading {
    static func load(_ path: String) throws -> KnowledgeGraph {
        let url = URL(fileURLWithPath: path)
        do {
            if url.pathExtension == "quiver" { return try KnowledgeGraph.load(from: url) }
            var graph = KnowledgeGraph()
            graph.add(try CorpusReader.read(url))
            return graph
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
