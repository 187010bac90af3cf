import Foundation

/// Answers a list of questions with `jobs` workers, optionally asking a ``PathCritic`` about each
/// question's best paths between the search and the final ranking.
///
/// Concurrency lives here and only here: workers search the shared ``EntityGraph`` (a read-only
/// snapshot) and run Cypher on that same snapshot. Every question is searched alone with the same
/// seed, so results do not depend on the number of workers.
///
/// ```swift
/// let runner = try KGQARunner(graph: kg, configuration: KGQAConfiguration(), jobs: 2)
/// let results = await runner.run(questions, critic: nil)
/// ```
public struct KGQARunner: Sendable {
    /// The graph.
    public let graph: EntityGraph
    /// How questions are answered.
    public let configuration: KGQAConfiguration
    /// Learned statistics, if any.
    public let statistics: RelationStatistics?
    /// Worker threads.
    public let jobs: Int
    /// How many best paths per question the critic judges.
    public var criticPaths = 5
    /// The critic's weight in the blended reward.
    public var criticWeight = 0.5

    /// A runner with `jobs` workers (at least one).
    public init(graph: EntityGraph, configuration: KGQAConfiguration, statistics: RelationStatistics? = nil, jobs: Int = 1) {
        self.graph = graph
        self.configuration = configuration
        self.statistics = statistics
        self.jobs = max(1, jobs)
    }

    /// Answers every question, in input order; fails only if a worker cannot copy the graph for Cypher.
    public func run(_ questions: [KGQAQuestion], critic: (any PathCritic)? = nil) async throws -> [KGQAResult] {
        let workers = try (0..<min(jobs, max(questions.count, 1))).map { _ in
            Worker(answerer: try KGQAAnswerer(graph: graph, configuration: configuration, statistics: statistics))
        }
        guard let critic else {
            return parallel(questions.count, workers) { worker, index in worker.answerer.answer(questions[index]) }
        }
        var searched = parallel(questions.count, workers) { worker, index in worker.answerer.search(questions[index]) }
        for index in searched.indices {
            await judge(&searched[index], with: critic)
        }
        let judged = searched
        return parallel(questions.count, workers) { worker, index in worker.answerer.finish(judged[index]) }
    }

    /// Blends the critic's scores into the rewards of a question's best paths; on failure the
    /// offline rewards stand and the error is recorded.
    func judge(_ searched: inout KGQAAnswerer.SearchedQuestion, with critic: any PathCritic) async {
        let count = min(criticPaths, searched.candidates.count)
        guard count > 0 else { return }
        let paths = searched.candidates.prefix(count).map { candidate in
            CriticPath(topic: searched.topics[candidate.topic].name, relations: RelationPathText.describe(candidate.hops, in: graph),
                       sampleAnswers: candidate.frontier.prefix(3).map { graph.name(of: Int($0)) },
                       answerCount: candidate.frontier.count)
        }
        do {
            let scores = try await critic.critique(question: searched.question.question, paths: paths)
            for index in searched.candidates.indices {
                let offline = searched.candidates[index].reward
                if index < count {
                    let score = min(1, max(0, scores[index]))
                    searched.candidates[index].critic = score
                    searched.candidates[index].reward = (1 - criticWeight) * offline + criticWeight * score
                } else {
                    // Paths the critic did not see cannot overtake those it judged.
                    searched.candidates[index].reward = (1 - criticWeight) * offline
                }
            }
        } catch {
            searched.statistics.criticError = "\(error)"
        }
    }

    /// Runs `body` for every index, each worker taking a contiguous block, and gathers results in order.
    func parallel<T>(_ count: Int, _ workers: [Worker], _ body: @escaping @Sendable (Worker, Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let blocks = workers.count
        let collector = Collector<T>(blocks: blocks)
        DispatchQueue.concurrentPerform(iterations: blocks) { block in
            let range = (block * count / blocks)..<((block + 1) * count / blocks)
            collector.store(block, range.map { body(workers[block], $0) })
        }
        return collector.results()
    }

    /// One worker's answerer; a worker is used by one thread at a time.
    final class Worker: @unchecked Sendable {
        // @unchecked: `parallel` hands each worker to exactly one block, so its answerer (scratch
        // space, Cypher graph copy) is never used by two threads at once.
        let answerer: KGQAAnswerer
        init(answerer: KGQAAnswerer) { self.answerer = answerer }
    }

    /// Results of the blocks, gathered under a lock.
    final class Collector<T>: @unchecked Sendable {
        // @unchecked: `blocks` is only read or written while holding `lock`.
        private let lock = NSLock()
        private var blocks: [[T]]
        init(blocks count: Int) { blocks = Array(repeating: [], count: count) }
        func store(_ index: Int, _ values: [T]) { lock.withLock { blocks[index] = values } }
        func results() -> [T] { lock.withLock { blocks.flatMap { $0 } } }
    }
}
