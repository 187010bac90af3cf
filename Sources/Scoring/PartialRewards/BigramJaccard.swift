import SQL

/// Reasoning-SQL's n-gram reward as a true Jaccard: |A ∩ B| / |A ∪ B| over the sets of token bigrams.
///
/// Tokens come from ``SQLTokenScan`` (so `count(*)` is four tokens whatever the spacing); words are
/// lower-cased, literals kept as written. The authors' re-implementation splits on whitespace and
/// divides by `|A ∪ B| + 1e-4`; this one is case- and spacing-insensitive and reaches exactly 1.
///
/// ```swift
/// BigramJaccard.score("SELECT name FROM t", "select name from t")   // 1.0
/// ```
public enum BigramJaccard {
    /// The bigram Jaccard of `prediction` and `gold`, in 0…1.
    public static func score(_ prediction: String, _ gold: String) -> Double {
        let a = bigrams(prediction), b = prediction == gold ? a : bigrams(gold)
        if a.isEmpty && b.isEmpty { return prediction == gold || tokens(prediction) == tokens(gold) ? 1 : 0 }
        let union = a.union(b).count
        return Double(a.intersection(b).count) / Double(union)
    }

    static func tokens(_ sql: String) -> [String] {
        let scan = SQLTokenScan(sql)
        return scan.tokens.filter { !$0.isSymbol(";") }.map { token in
            token.kind == .word ? token.lowercased : String(scan.written(token))
        }
    }

    static func bigrams(_ sql: String) -> Set<[String]> {
        let list = tokens(sql)
        guard list.count >= 2 else { return [] }
        return Set((0..<(list.count - 1)).map { [list[$0], list[$0 + 1]] })
    }
}
