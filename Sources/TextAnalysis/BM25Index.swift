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

    /// The BM25 scores of a few documents for a query, in the order given (each posting list is
    /// searched, not walked: cheap when the documents are few).
    ///
    /// ```swift
    /// index.scores(forDocuments: [3, 17], terms: Analyzer().terms("capital of France"))
    /// ```
    public func scores(forDocuments documents: [Int], terms queryTerms: [String]) -> [Double] {
        var scores = [Double](repeating: 0, count: documents.count)
        let n = Double(documentCount)
        let average = averageLength
        for term in queryTerms {
            guard let id = vocabulary[term] else { continue }
            let list = postings[Int(id)]
            let idf = parameters.idf(documentFrequency: Double(list.count), documentCount: n)
            for (slot, document) in documents.enumerated() {
                var low = 0
                var high = list.count
                while low < high {
                    let middle = (low + high) / 2
                    if Int(list[middle].document) < document { low = middle + 1 } else { high = middle }
                }
                guard low < list.count, Int(list[low].document) == document else { continue }
                scores[slot] += idf * parameters.termWeight(
                    tf: Double(list[low].frequency), length: Double(documentLengths[document]), average: average)
            }
        }
        return scores
    }

    /// The `limit` best documents for a query, best first (ties broken by document number).
    public func search(_ queryTerms: [String], limit: Int) -> [(document: Int, score: Double)] {
        TopK.select(scores(for: queryTerms), limit: limit).filter { $0.score > 0 }
            .map { (document: $0.index, score: $0.score) }
    }
}

extension BM25Index {
    /// Writes the index (parameters, vocabulary, postings, document lengths).
    ///
    /// ```swift
    /// var writer = BinaryWriter()
    /// index.write(to: &writer)
    /// ```
    public func write(to writer: inout BinaryWriter) {
        writer.double(parameters.k1)
        writer.double(parameters.b)
        writer.double(parameters.delta)
        writer.strings([parameters.variant.rawValue])
        var terms = [String](repeating: "", count: postings.count)
        for (term, id) in vocabulary { terms[Int(id)] = term }
        writer.strings(terms)
        var offsets: [Int32] = [0]
        var documents: [Int32] = []
        var frequencies: [Int32] = []
        for list in postings {
            for posting in list {
                documents.append(posting.document)
                frequencies.append(posting.frequency)
            }
            offsets.append(Int32(documents.count))
        }
        writer.array(offsets)
        writer.array(documents)
        writer.array(frequencies)
        writer.array(documentLengths)
    }

    /// Reads an index written by `write(to:)`.
    public init(reading reader: inout BinaryReader) throws(BinaryReader.Truncated) {
        let k1 = try reader.double(), b = try reader.double(), delta = try reader.double()
        let variant = BM25Variant(rawValue: try reader.strings().first ?? "") ?? .lucene
        self.init(parameters: BM25Parameters(k1: k1, b: b, delta: delta, variant: variant))
        let terms = try reader.strings()
        let offsets: [Int32] = try reader.array()
        let documents: [Int32] = try reader.array()
        let frequencies: [Int32] = try reader.array()
        let lengths: [Int32] = try reader.array()
        guard offsets.count == terms.count + 1, documents.count == frequencies.count,
            Int(offsets.last ?? 0) == documents.count
        else { throw BinaryReader.Truncated(offset: reader.offset, expected: "consistent postings") }
        var vocabulary: [String: Int32] = [:]
        vocabulary.reserveCapacity(terms.count)
        var postings: [[Posting]] = []
        postings.reserveCapacity(terms.count)
        for (id, term) in terms.enumerated() {
            vocabulary[term] = Int32(id)
            let range = Int(offsets[id])..<Int(offsets[id + 1])
            postings.append(range.map { Posting(document: documents[$0], frequency: frequencies[$0]) })
        }
        self.vocabulary = vocabulary
        self.postings = postings
        self.documentLengths = lengths
        self.totalLength = lengths.reduce(0) { $0 + Int($1) }
    }
}
