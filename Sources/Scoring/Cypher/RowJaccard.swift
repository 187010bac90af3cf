import Foundation
import QuiverCore

/// The neo4j-labs Text2Cypher row Jaccard (`df_sim` in `evaluations/evaluating_cypher_jaccard.ipynb`
/// of neo4j-labs/text2cypher): a similarity in [0, 1] of two results that ignores column names.
///
/// Each row becomes the *set* of its cell values (numbers and numeric strings as floats, so `1`,
/// `1.0` and `"1"` coincide; duplicate values in a row collapse). When either query contains
/// `order by` (a case-insensitive substring test, as in the notebook) rows are paired by
/// position; otherwise the predicted rows are aligned greedily: for each gold row `i`, the later
/// predicted row with the highest row Jaccard is swapped into place `i`. The score is the Jaccard of
/// the sets of `(row index, value)` pairs; two empty results score 1. pass@1 is a score of 1.
///
/// ```swift
/// RowJaccard.score(gold: [[.int(1)], [.int(2)]], pred: [[.float(2)], [.string("1")]], ordered: false)   // 1
/// ```
public enum RowJaccard {
    /// The value a failing prediction is scored as: the notebook's `{"id": "Cypher syntax error"}` row.
    public static let errorRows: [[Value]] = [[.string("Cypher syntax error")]]

    /// The row Jaccard of `pred` against `gold`.
    public static func score(gold: [[Value]], pred: [[Value]], ordered: Bool) -> Double {
        if gold.isEmpty && pred.isEmpty { return 1 }
        let goldSets = gold.map(cellSet)
        var predSets = pred.map(cellSet)
        if !ordered {
            for i in 0..<min(goldSets.count, predSets.count) {
                var best = i, bestScore = -1.0
                for j in i..<predSets.count {
                    let s = jaccard(goldSets[i], predSets[j])
                    if s > bestScore { best = j; bestScore = s }
                    // Nothing beats 1, and the notebook's argmax keeps the first maximum.
                    if s == 1 { break }
                }
                predSets.swapAt(i, best)
            }
        }
        var a = Set<Cell>(), b = Set<Cell>()
        for (i, set) in goldSets.enumerated() { for v in set { a.insert(Cell(row: i, value: v)) } }
        for (i, set) in predSets.enumerated() { for v in set { b.insert(Cell(row: i, value: v)) } }
        let union = a.union(b).count
        return union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
    }

    /// Whether either query text contains `order by` (the notebook's test).
    public static func ordered(gold: String, pred: String) -> Bool {
        gold.lowercased().contains("order by") || pred.lowercased().contains("order by")
    }

    struct Cell: Hashable {
        var row: Int
        var value: Key
    }

    /// A cell value as the notebook hashes it: numbers as floats, everything else as text.
    enum Key: Hashable {
        case number(Double)
        case text(String)
        case null
    }

    static func cellSet(_ row: [Value]) -> Set<Key> { Set(row.map(key)) }

    static func key(_ value: Value) -> Key {
        switch value {
        case .null: return .null
        case .int(let i): return .number(Double(i))
        case .float(let f): return .number(f)
        case .bool(let b): return .text(b ? "True" : "False")
        case .string(let s):
            if let d = Double(s.trimmingCharacters(in: .whitespaces)), !s.isEmpty { return .number(d) }
            return .text(s)
        // Composite cells (lists, maps, nodes, paths) by their Cypher literal, maps key-sorted.
        default: return .text(value.description)
        }
    }

    static func jaccard(_ a: Set<Key>, _ b: Set<Key>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
    }
}
