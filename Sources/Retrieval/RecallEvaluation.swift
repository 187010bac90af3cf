/// Recall@k of supporting documents, the measure of HippoRAG and of the BM25 reference figures.
///
/// For one question, Recall@k is the fraction of its supporting documents among the documents of the
/// top-k passages (passages of one document count once, at the rank of the first); the report averages
/// it over questions.
///
/// ```swift
/// let report = RecallEvaluation(retriever: retriever).evaluate(questions, method: .hybrid)
/// report.recall[5]
/// ```
public struct RecallEvaluation: Sendable {
    /// The retriever evaluated.
    public let retriever: Retriever
    /// The cut-offs.
    public let cutoffs: [Int]

    /// One question's outcome.
    public struct QuestionResult: Sendable, Hashable, Codable {
        /// The question id.
        public var id: String
        /// Ids of the retrieved documents, best first (up to the largest cut-off).
        public var retrieved: [String]
        /// The supporting document ids.
        public var supporting: [String]
        /// Recall at each cut-off, keyed "R@k".
        public var recall: [String: Double]
    }

    /// The averaged figures and the per-question results.
    public struct Report: Sendable {
        /// Average recall per cut-off.
        public var recall: [Int: Double]
        /// Per-question results, in input order.
        public var questions: [QuestionResult]
        /// Wall-clock retrieval time of each question, in input order.
        public var latencies: [Duration]

        /// The median retrieval time per question.
        public var medianLatency: Duration {
            let sorted = latencies.sorted()
            return sorted.isEmpty ? .zero : sorted[sorted.count / 2]
        }
    }

    /// An evaluation at the given cut-offs.
    public init(retriever: Retriever, cutoffs: [Int] = [2, 5, 10]) {
        self.retriever = retriever
        self.cutoffs = cutoffs
    }

    /// Evaluates every question with one method.
    public func evaluate(_ questions: [Question], method: RetrievalMethod) -> Report {
        let depth = cutoffs.max() ?? 10
        let graph = retriever.index.graph
        var totals = [Int: Double]()
        var results: [QuestionResult] = []
        var latencies: [Duration] = []
        let clock = ContinuousClock()
        for question in questions {
            // Ask for more passages than the depth, since chunks of one document collapse into one.
            let start = clock.now
            let ranking = retriever.retrieve(question.question, method: method, limit: depth * 3)
            latencies.append(clock.now - start)
            var documents: [String] = []
            var seen = Set<String>()
            for hit in ranking {
                let id = graph.documents[graph.passages[Int(hit.passage)].document].id
                if seen.insert(id).inserted { documents.append(id) }
                if documents.count == depth { break }
            }
            var recall: [String: Double] = [:]
            let gold = Set(question.supporting)
            for k in cutoffs {
                let found = documents.prefix(k).filter { gold.contains($0) }.count
                let value = gold.isEmpty ? 0 : Double(found) / Double(gold.count)
                recall["R@\(k)"] = value
                totals[k, default: 0] += value
            }
            results.append(QuestionResult(id: question.id, retrieved: documents, supporting: question.supporting,
                                          recall: recall))
        }
        let count = Double(max(questions.count, 1))
        return Report(recall: totals.mapValues { $0 / count }, questions: results, latencies: latencies)
    }
}
