import QuiverCore

/// Finds a column permutation under which two results are equal, without trying all n! orders.
///
/// A gold column can only map to a predicted column with the same multiset of values (its
/// *signature*), and every partial assignment must already give equal multisets (or sequences)
/// of partial rows; both are necessary conditions, so the search is exact, and it only branches
/// among columns whose values coincide.
enum ColumnMatching {
    /// How row order counts: not at all, fully, or only between runs of gold rows whose ORDER BY
    /// keys differ (rows inside a run of equal keys may come in any order).
    enum RowOrder: Sendable, Hashable {
        case unordered
        case sequence
        case tieRuns([Range<Int>])
    }

    static func equalUnderSomePermutation(gold: [[Value]], pred: [[Value]], columns: Int, ordered: Bool) -> Bool {
        equalUnderSomePermutation(gold: gold, pred: pred, columns: columns, order: ordered ? .sequence : .unordered)
    }

    /// Whether `gold` and `pred` (same length) are equal under `order`.
    static func rowsEqual(_ gold: [[Value]], _ pred: [[Value]], order: RowOrder) -> Bool {
        switch order {
        case .unordered: return sameBag(gold, pred)
        case .sequence: return gold == pred
        case .tieRuns(let runs): return runs.allSatisfy { sameBag(Array(gold[$0]), Array(pred[$0])) }
        }
    }

    /// The most search nodes tried before giving up (as a mismatch); reached only by results with
    /// many columns that hold identical values and still differ as rows.
    static let nodeBudget = 100_000

    /// Whether some bijection of `pred`'s columns makes `pred` equal to `gold` under `order`.
    /// Both must have the same shape (checked by the caller).
    static func equalUnderSomePermutation(gold: [[Value]], pred: [[Value]], columns: Int, order rowOrder: RowOrder) -> Bool {
        if columns == 0 { return true }
        // Identical results are equal under every order and need no search (the usual correct case).
        if gold == pred { return true }
        if columns == 1 { return rowsEqual(gold, pred, order: rowOrder) }
        let goldSignatures = (0..<columns).map { signature(of: gold, column: $0) }
        let predSignatures = (0..<columns).map { signature(of: pred, column: $0) }
        var candidates: [[Int]] = []
        for g in 0..<columns {
            let matching = (0..<columns).filter { predSignatures[$0] == goldSignatures[g] }
            if matching.isEmpty { return false }
            candidates.append(matching)
        }
        // Assign the most constrained gold columns first.
        let order = (0..<columns).sorted { candidates[$0].count < candidates[$1].count }
        var assignment = [Int](repeating: -1, count: columns)
        var used = [Bool](repeating: false, count: columns)
        var nodes = 0

        func consistent(depth: Int) -> Bool {
            let assigned = order.prefix(depth)
            let goldPart = gold.map { row in assigned.map { row[$0] } }
            let predPart = pred.map { row in assigned.map { row[assignment[$0]] } }
            return rowsEqual(goldPart, predPart, order: rowOrder)
        }

        func search(_ depth: Int) -> Bool {
            if depth == columns { return true }
            let g = order[depth]
            for p in candidates[g] where !used[p] {
                nodes += 1
                if nodes > nodeBudget { return false }
                assignment[g] = p
                used[p] = true
                // With a unique candidate per column the final check alone suffices.
                let needsCheck = depth == columns - 1 || candidates[g].count > 1
                if !needsCheck || consistent(depth: depth + 1) {
                    if search(depth + 1) { return true }
                }
                used[p] = false
                assignment[g] = -1
            }
            return false
        }
        return search(0)
    }

    /// An order-independent hash of the column's multiset of values: equal multisets give equal
    /// signatures; a collision only costs a wasted branch, never a wrong verdict (rows are checked).
    static func signature(of rows: [[Value]], column: Int) -> Signature {
        var sum = 0, squares = 0
        for row in rows {
            let hash = row[column].hashValue
            sum = sum &+ hash
            squares = squares &+ (hash &* hash)
        }
        return Signature(sum: sum, squares: squares)
    }

    struct Signature: Hashable {
        var sum: Int
        var squares: Int
    }

    /// Multiset equality of rows.
    static func sameBag(_ a: [[Value]], _ b: [[Value]]) -> Bool {
        guard a.count == b.count else { return false }
        var counts: [[Value]: Int] = [:]
        counts.reserveCapacity(a.count)
        for row in a { counts[row, default: 0] += 1 }
        for row in b {
            guard let count = counts[row], count > 0 else { return false }
            counts[row] = count - 1
        }
        return true
    }
}
