import Foundation

/// The BM25 scoring variants of bm25s (Kamphuis et al. 2020, "Which BM25 do you mean?").
public enum BM25Variant: String, Sendable, Hashable, Codable, CaseIterable {
    /// Lucene's BM25: idf = ln(1 + (N − df + 0.5)/(df + 0.5)), tf part tf/(tf + k1·L). The default.
    case lucene
    /// Robertson's idf ln((N − df + 0.5)/(df + 0.5)), clipped at 0, with the (k1 + 1) numerator.
    case robertson
    /// ATIRE: idf = ln(N/df), with the (k1 + 1) numerator.
    case atire
    /// BM25L: the length-normalised tf is shifted by δ.
    case bm25l
    /// BM25+: a constant δ is added to every matching term's tf part.
    case bm25plus
}

/// The constants of BM25 scoring.
///
/// ```swift
/// let parameters = BM25Parameters(k1: 1.2, b: 0.75)
/// ```
public struct BM25Parameters: Sendable, Hashable, Codable {
    /// Term-frequency saturation; 1.5 is bm25s' default.
    public var k1: Double
    /// Length normalisation strength in [0, 1]; 0.75 is the usual default.
    public var b: Double
    /// The δ of BM25L and BM25+ (ignored by the other variants).
    public var delta: Double
    /// Which idf and tf formulas are used.
    public var variant: BM25Variant

    /// Parameters; the defaults are bm25s' (Lucene variant, k1 = 1.5, b = 0.75).
    public init(k1: Double = 1.5, b: Double = 0.75, delta: Double = 0.5, variant: BM25Variant = .lucene) {
        self.k1 = k1
        self.b = b
        self.delta = delta
        self.variant = variant
    }

    /// The inverse document frequency of a term found in `df` of `n` documents.
    public func idf(documentFrequency df: Double, documentCount n: Double) -> Double {
        switch variant {
        case .lucene: return log(1 + (n - df + 0.5) / (df + 0.5))
        case .robertson: return max(0, log((n - df + 0.5) / (df + 0.5)))
        case .atire: return log(n / df)
        case .bm25l: return log((n + 1) / (df + 0.5))
        case .bm25plus: return log((n + 1) / df)
        }
    }

    /// The term-frequency part for `tf` occurrences in a document of length `length` (average `average`).
    public func termWeight(tf: Double, length: Double, average: Double) -> Double {
        let norm = 1 - b + b * length / max(average, 1e-9)
        switch variant {
        case .lucene: return tf / (tf + k1 * norm)
        case .robertson, .atire: return tf * (k1 + 1) / (tf + k1 * norm)
        case .bm25l:
            let c = tf / norm
            return (k1 + 1) * (c + delta) / (k1 + c + delta)
        case .bm25plus: return tf * (k1 + 1) / (tf + k1 * norm) + delta
        }
    }
}
