/// How two entity or relation names are compared by the triplet rewards, as a value in [0, 1].
///
/// R1-SGG compares category names with spaCy vectors; Quiver has no embeddings offline, so it offers
/// exact match and word-token overlap. Both first normalise as R1-SGG does its ids: lower-case,
/// `_` and `-` become spaces, surrounding whitespace is dropped.
///
/// ```swift
/// TextSimilarity.tokenOverlap.score("acted_in", "acted in")   // 1
/// TextSimilarity.tokenOverlap.score("red car", "car")         // 0.5
/// ```
public enum TextSimilarity: String, Sendable, CaseIterable, Codable {
    /// 1 when the normalised strings are equal, else 0.
    case exact
    /// Jaccard overlap of the normalised strings' word sets (1 for two empty strings).
    case tokenOverlap = "tokens"

    /// The similarity of `a` and `b`.
    public func score(_ a: String, _ b: String) -> Double {
        switch self {
        case .exact:
            return Self.normalised(a) == Self.normalised(b) ? 1 : 0
        case .tokenOverlap:
            let x = Set(Self.normalised(a).split(separator: " ")), y = Set(Self.normalised(b).split(separator: " "))
            if x.isEmpty && y.isEmpty { return 1 }
            return Double(x.intersection(y).count) / Double(x.union(y).count)
        }
    }

    /// Lower-cased, `_`/`-` turned into spaces, runs of whitespace collapsed, trimmed.
    public static func normalised(_ text: String) -> String {
        let mapped = text.lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 }
        return String(mapped).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
