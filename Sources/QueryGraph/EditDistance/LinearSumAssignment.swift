/// Minimum-cost perfect assignment on a square cost matrix (the linear sum assignment problem).
///
/// The solver is the shortest-augmenting-path method of Jonker–Volgenant as described by Crouse
/// (2016), in the same iteration order as SciPy's `linear_sum_assignment`: columns are scanned
/// from the last to the first and, among equally short paths, one ending at a free column wins.
/// Matching SciPy's tie-breaking matters because networkx's search order depends on which of
/// several optimal assignments it gets (see ``NetworkXCompatibleSearch``).
///
/// ```swift
/// let a = LinearSumAssignment.solve([4, 1, 3, 2, 0, 5, 3, 2, 2], size: 3)
/// // a.columnForRow == [1, 0, 2], a.cost == 5
/// ```
public struct LinearSumAssignment: Sendable {
    /// `columnForRow[i]` is the column assigned to row `i`.
    public var columnForRow: [Int]
    /// The total cost of the assignment.
    public var cost: Double

    /// Solves the problem for a row-major `size`×`size` matrix of finite costs.
    public static func solve(_ cost: [Double], size n: Int) -> LinearSumAssignment {
        var solver = Solver(size: n)
        return solver.solve(cost)
    }

    /// Reusable buffers, so a search can solve many small problems without allocating.
    struct Solver {
        let n: Int
        var u: [Double]
        var v: [Double]
        var shortest: [Double]
        var path: [Int]
        var colForRow: [Int]
        var rowForCol: [Int]
        var seenRow: [Bool]
        var seenCol: [Bool]
        var remaining: [Int]

        init(size n: Int) {
            self.n = n
            u = Array(repeating: 0, count: n)
            v = Array(repeating: 0, count: n)
            shortest = Array(repeating: 0, count: n)
            path = Array(repeating: -1, count: n)
            colForRow = Array(repeating: -1, count: n)
            rowForCol = Array(repeating: -1, count: n)
            seenRow = Array(repeating: false, count: n)
            seenCol = Array(repeating: false, count: n)
            remaining = Array(repeating: 0, count: n)
        }

        mutating func solve(_ cost: [Double]) -> LinearSumAssignment {
            for k in 0..<n {
                u[k] = 0
                v[k] = 0
                path[k] = -1
                colForRow[k] = -1
                rowForCol[k] = -1
            }
            for currentRow in 0..<n {
                let (sink, minValue) = augmentingPath(cost, from: currentRow)
                u[currentRow] += minValue
                for i in 0..<n where seenRow[i] && i != currentRow {
                    u[i] += minValue - shortest[colForRow[i]]
                }
                for j in 0..<n where seenCol[j] {
                    v[j] -= minValue - shortest[j]
                }
                var j = sink
                while true {
                    let i = path[j]
                    rowForCol[j] = i
                    swap(&colForRow[i], &j)
                    if i == currentRow { break }
                }
            }
            var total = 0.0
            for i in 0..<n { total += cost[i * n + colForRow[i]] }
            return LinearSumAssignment(columnForRow: colForRow, cost: total)
        }

        private mutating func augmentingPath(_ cost: [Double], from start: Int) -> (sink: Int, minValue: Double) {
            var minValue = 0.0
            var count = n
            // Reverse order makes a constant matrix come out as the identity, as in SciPy.
            for k in 0..<n { remaining[k] = n - k - 1 }
            for k in 0..<n {
                seenRow[k] = false
                seenCol[k] = false
                shortest[k] = .infinity
            }
            var i = start
            var sink = -1
            while sink == -1 {
                var index = -1
                var lowest = Double.infinity
                seenRow[i] = true
                for k in 0..<count {
                    let j = remaining[k]
                    let r = minValue + cost[i * n + j] - u[i] - v[j]
                    if r < shortest[j] {
                        path[j] = i
                        shortest[j] = r
                    }
                    if shortest[j] < lowest || (shortest[j] == lowest && rowForCol[j] == -1) {
                        lowest = shortest[j]
                        index = k
                    }
                }
                minValue = lowest
                let j = remaining[index]
                if rowForCol[j] == -1 { sink = j } else { i = rowForCol[j] }
                seenCol[j] = true
                count -= 1
                remaining[index] = remaining[count]
            }
            return (sink, minValue)
        }
    }
}
