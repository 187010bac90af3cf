/// An inverted index over analysed documents, scored with BM25.
///
/// Documents are added incrementally (`add(_:)`); scores always use the current collection
/// statistics. A query is scored by walking the postings of its terms only, into a dense score array.
///
/// ```swift
/// var index = BM25Index()
/// index.add(Analyzer().terms("Paris is the capital of France"))
/// index.add(Analyzer().terms("Berlin is the capital of Germany"))
/// index.search(Analyzer().terms("capital of France"), limit: 1)   // [(document: 0, score: ...)]
/// ```
public struct BM25Index: Sendable {
    /// A document that contains a term, with the term's frequency there.
    public struct Posting: Sendable, Hashable, Codable {
        /// The document number (order of insertion, from 0).
        public var document: Int32
        /// How often the term occurs in the document.
        public var frequency: Int32
    }

    /// The scoring constants.
    public var parameters: BM25Parameters
    /// Term → term number.
    public private(set) var vocabulary: [String: Int32] = [:]
    /// Postings per term number, in increasing document order.
    public private(set) var postings: [[Posting]] = []
    /// Length (number of terms) of every document.
    public private(set) var documentLengths: [Int32] = []
    private var totalLength = 0

    /// An empty index.
    public init(parameters: BM25Parameters = BM25Parameters()) {
        self.parameters = parameters
    }

    /// The number of documents.
    public var documentCount: Int { documentLengths.count }

    /// The average document length.
    public var averageLength: Double {
        documentLengths.isEmpty ? 0 : Double(totalLength) / Double(documentLengths.count)
    }

    /// Adds a document given as its terms and returns its number.
    @discardableResult
    public mutating func add(_ terms: [String]) -> Int {
        let document = Int32(documentLengths.count)
        var counts: [String: Int32] = [:]
        for term in terms { counts[term, default: 0] += 1 }
        // Sorted so that the index content does not depend on dictionary order.
        for (term, count) in counts.sorted(by: { $0.key < $1.key }) {
            let id: Int32
            if let existing = vocabulary[term] {
                id = existing
            } else {
                id = Int32(postings.count)
                vocabulary[term] = id
                postings.append([])
            }
            postings[Int(id)].append(Posting(document: document, frequency: count))
        }
        documentLengths.append(Int32(terms.count))
        totalLength += terms.count
        return Int(document)
    }

    /// The number of documents that contain `term`.
    public func documentFrequency(of term: String) -> Int {
        vocabulary[term].map { postings[Int($0)].count } ?? 0
    }

    /// The inverse document frequency of `term` (0 for unknown terms).
    public func idf(of term: String) -> Double {
        let df = documentFrequency(of: term)
        guard df > 0 else { return 0 }
        return parameters.idf(documentFrequency: Double(df), documentCount: Double(documentCount))
    }

    /// The BM25 score of every document for a query (a dense array indexed by document number).
    ///
    /// Each occurrence of a term in the query counts, as in bm25s.
    public func scores(for queryTerms: [String]) -> [Double] {
        var scores = [Double](repeating: 0, count: documentCount)
        accumulate(queryTerms, into: &scores)
        return scores
    }

    /// Adds the BM25 scores of a query into `scores` (which must have `documentCount` entries).
    public func accumulate(_ queryTerms: [String], weight: Double = 1, into scores: inout [Double]) {
        let n = Double(documentCount)
        let average = averageLength
        for term in queryTerms {
            guard let id = vocabulary[term] else { continue }
            let list = postings[Int(id)]
            let idf = parameters.idf(documentFrequency: Double(list.count), documentCount: n) * weight
            for posting in list {
                let document = Int(posting.document)
                scores[document] += idf * parameters.termWeight(
                    tf: Double(posting.frequency), length: Double(documentLengths[document]), average: average)
            }
        }
    }

    /// The `limit` best documents for a query, best first (ties broken by document number).
    public func search(_ queryTerms: [String], limit: Int) -> [(document: Int, score: Double)] {
        TopK.select(scores(for: queryTerms), limit: limit).filter { $0.score > 0 }
            .map { (document: $0.index, score: $0.score) }
    }
}
