import QuiverCore

/// BIRD mini-dev's Soft-F1 (`evaluation_f1.py`), rows paired by position as the official code does.
///
/// Both empty → 1. Rows are de-duplicated keeping the first occurrence; gold row *i* is paired with
/// predicted row *i*; per pair, with `k` = gold row length, matched = pred values found in the gold
/// row / k, false positives = pred values not in it / k, false negatives = gold values not in the
/// pred row / k; an unpaired gold row counts one false negative, an unpaired pred row one false positive.
///
/// ```swift
/// SoftF1.score(gold: [[1, "a"]], pred: [["a", 1]])   // 1.0 (membership, not column order)
/// ```
public enum SoftF1 {
    /// Soft-F1 of `pred` against `gold`, in 0…1.
    public static func score(gold: [[Value]], pred: [[Value]]) -> Double {
        // Identical results pair every row with itself: F1 = 1 without hashing any row.
        if gold == pred { return 1 }
        let goldRows = unique(gold), predRows = unique(pred)
        var tp = 0.0, fp = 0.0, fn = 0.0
        for index in 0..<max(goldRows.count, predRows.count) {
            guard index < goldRows.count else { fp += 1; continue }
            guard index < predRows.count else { fn += 1; continue }
            let g = goldRows[index], p = predRows[index]
            let k = Double(max(g.count, 1))
            tp += Double(p.filter { g.contains($0) }.count) / k
            fp += Double(p.filter { !g.contains($0) }.count) / k
            fn += Double(g.filter { !p.contains($0) }.count) / k
        }
        let precision = tp + fp > 0 ? tp / (tp + fp) : 0
        let recall = tp + fn > 0 ? tp / (tp + fn) : 0
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    private static func unique(_ rows: [[Value]]) -> [[Value]] {
        var seen: Set<[Value]> = []
        return rows.filter { seen.insert($0).inserted }
    }
}
