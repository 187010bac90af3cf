import Foundation
import Testing
@testable import TextAnalysis

@Suite struct BM25Tests {
    let documents = [
        "Paris is the capital and largest city of France",
        "Berlin is the capital of Germany",
        "France borders Germany and Spain",
        "The cat sat on the mat",
    ]

    func index(_ parameters: BM25Parameters = BM25Parameters()) -> BM25Index {
        var index = BM25Index(parameters: parameters)
        for document in documents { index.add(Analyzer().terms(document)) }
        return index
    }

    @Test func ranksTheDocumentThatMatchesMostRareTerms() {
        let hits = index().search(Analyzer().terms("capital of France"), limit: 4)
        #expect(hits.first?.document == 0)
        #expect(hits.map(\.document).contains(3) == false)  // shares no term
    }

    @Test func luceneScoreMatchesTheFormula() {
        let index = index()
        // "germani" occurs in documents 1 and 2; score of document 1 by hand.
        let n = 4.0, df = 2.0, k1 = 1.5, b = 0.75
        let idf = log(1 + (n - df + 0.5) / (df + 0.5))
        let length = Double(index.documentLengths[1]), average = index.averageLength
        let expected = idf * 1 / (1 + k1 * (1 - b + b * length / average))
        let scores = index.scores(for: ["germani"])
        #expect(abs(scores[1] - expected) < 1e-12)
        #expect(scores[0] == 0)
    }

    @Test(arguments: BM25Variant.allCases)
    func everyVariantPrefersTheMatchingDocument(variant: BM25Variant) {
        let hits = index(BM25Parameters(variant: variant)).search(Analyzer().terms("cat mat"), limit: 1)
        #expect(hits.first?.document == 3)
    }

    @Test func incrementalAddUpdatesStatistics() {
        var index = index()
        #expect(index.documentFrequency(of: "capit") == 2)
        index.add(Analyzer().terms("Madrid is the capital of Spain"))
        #expect(index.documentFrequency(of: "capit") == 3)
        #expect(index.documentCount == 5)
        #expect(index.search(Analyzer().terms("Madrid"), limit: 1).first?.document == 4)
    }

    @Test func topKKeepsTheLargestInOrderWithStableTies() {
        let best = TopK.select([0.1, 0.9, 0.5, 0.9, 0.0], limit: 3)
        #expect(best.map(\.index) == [1, 3, 2])
    }
}
