import Foundation
import QuiverCore

/// Decides whether a predicted result equals the gold result under one of the named semantics.
///
/// ```swift
/// ResultComparison.spiderTestSuite(gold: [[1, "a"]], pred: [["a", 1]], orderMatters: false)   // true
/// ResultComparison.bird(gold: [[1, "a"]], pred: [["a", 1]])                                   // false
/// ```
public enum ResultComparison {
    /// The official test-suite `result_eq`: both empty match; then equal row and column counts, and
    /// some column permutation under which the rows are equal as a bag (or as a list when `orderMatters`).
    /// Python equality on values: `1 == 1.0`, `'1' != 1`, `None == None`, floats exact.
    public static func spiderTestSuite(gold: [[Value]], pred: [[Value]], orderMatters: Bool) -> Bool {
        if gold.isEmpty && pred.isEmpty { return true }
        guard gold.count == pred.count, let width = gold.first?.count, pred.first?.count == width else { return false }
        return ColumnMatching.equalUnderSomePermutation(gold: gold, pred: pred, columns: width, ordered: orderMatters)
    }

    /// BIRD's `set(pred) == set(gold)` over row tuples (mini-dev `evaluation_ex.py`).
    public static func bird(gold: [[Value]], pred: [[Value]]) -> Bool {
        Set(gold) == Set(pred)
    }

    /// Quiver's `strict` comparison: numbers canonicalised (see ``canonical(_:)``), then equal row and
    /// column counts and a column matching by value signature under which rows are equal as a bag,
    /// or as a sequence when `orderMatters`. Both empty match (the caller flags it).
    public static func strict(gold: [[Value]], pred: [[Value]], orderMatters: Bool) -> Bool {
        strict(gold: gold, pred: pred, order: orderMatters ? .sequence : .unordered)
    }

    /// `strict` where gold's ORDER BY keys are known: `goldOrderKeys[i]` holds the key values of gold row
    /// `i`, and rows with equal keys (a tie) may come in any order among themselves.
    public static func strict(gold: [[Value]], pred: [[Value]], goldOrderKeys: [[Value]]) -> Bool {
        guard goldOrderKeys.count == gold.count else { return strict(gold: gold, pred: pred, orderMatters: true) }
        return strict(gold: gold, pred: pred, order: .tieRuns(tieRuns(goldOrderKeys.map { $0.map(canonical) })))
    }

    static func strict(gold: [[Value]], pred: [[Value]], order: ColumnMatching.RowOrder) -> Bool {
        if gold.isEmpty && pred.isEmpty { return true }
        guard gold.count == pred.count, let width = gold.first?.count, pred.first?.count == width else { return false }
        let canonicalGold = gold.map { $0.map(canonical) }
        let canonicalPred = pred.map { $0.map(canonical) }
        return ColumnMatching.equalUnderSomePermutation(gold: canonicalGold, pred: canonicalPred, columns: width, order: order)
    }

    /// Maximal runs of consecutive equal keys.
    static func tieRuns(_ keys: [[Value]]) -> [Range<Int>] {
        guard !keys.isEmpty else { return [] }
        var runs: [Range<Int>] = []
        var start = 0
        for index in 1...keys.count where index == keys.count || keys[index] != keys[start] {
            runs.append(start..<index)
            start = index
        }
        return runs
    }

    /// A number in canonical form: an integral float within ±2⁵³ becomes the integer, other floats
    /// are rounded to 12 significant digits (so `0.1 + 0.2` equals `0.3`); booleans become 0/1, as
    /// SQLite stores them. Lists and maps (Cypher results) are canonical at every depth, so `[1.0, 2]`
    /// equals `[1, 2]`. Other values are unchanged.
    public static func canonical(_ value: Value) -> Value {
        switch value {
        case .list(let items):
            return .list(items.map(canonical))
        case .map(let entries):
            return .map(entries.mapValues(canonical))
        case .float(let f):
            guard f.isFinite else { return value }
            if f == f.rounded(), abs(f) < 9_007_199_254_740_992 { return .int(Int64(f)) }
            let exponent = Int(floor(log10(abs(f))))
            let scale = pow(10, Double(11 - exponent))
            guard scale.isFinite, scale > 0 else { return value }
            let rounded = (f * scale).rounded() / scale
            if rounded == rounded.rounded(), abs(rounded) < 9_007_199_254_740_992 { return .int(Int64(rounded)) }
            return .float(rounded)
        case .bool(let b):
            return .int(b ? 1 : 0)
        default:
            return value
        }
    }
}
