/// The label-multiset lower bound: the cheapest way to turn one bag of labels into another when
/// any element may be substituted by any other (Riesen–Bunke's "LED" bound for nodes or edges).
enum LabelMultisetBound {
    /// The bound for two bags given as per-label counts and totals.
    ///
    /// Equal labels pair for free; of the rest, up to `min(total1, total2)` pairs are substituted
    /// (or deleted and inserted, whichever is cheaper) and the surplus is deleted or inserted.
    @inline(__always)
    static func value(
        _ counts1: UnsafeBufferPointer<Int>, _ total1: Int, _ counts2: UnsafeBufferPointer<Int>, _ total2: Int,
        insertion: Double, deletion: Double, relabel: Double
    ) -> Double {
        var common = 0
        for l in 0..<counts1.count { common += min(counts1[l], counts2[l]) }
        let paired = min(total1, total2)
        return Double(paired - common) * min(relabel, insertion + deletion)
            + Double(total1 - paired) * deletion + Double(total2 - paired) * insertion
    }

    /// The bound for two bags given as arrays of counts.
    static func value(_ counts1: [Int], _ counts2: [Int], insertion: Double, deletion: Double, relabel: Double) -> Double {
        let t1 = counts1.reduce(0, +), t2 = counts2.reduce(0, +)
        return counts1.withUnsafeBufferPointer { p1 in
            counts2.withUnsafeBufferPointer { p2 in
                value(p1, t1, p2, t2, insertion: insertion, deletion: deletion, relabel: relabel)
            }
        }
    }
}
