import PropertyGraph
import QuiverCore

/// A WHERE conjunct `n.key <op> constant` on a scanned node, run on the typed property column
/// (no `Value` per node) while the column holds one numeric type; otherwise the general predicate.
///
/// Typed comparisons give exactly what Cypher gives: a missing value is null (row dropped), and
/// numbers compare numerically (an integer column against a float constant compares as doubles
/// only while both sides are exact in a double).
struct ColumnFilter {
    enum Comparison { case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual }

    let slot: Int
    let key: PropertyKeyRef
    let comparison: Comparison
    let constant: Value
    /// The conjunct as written, for columns that are not typed numbers.
    let fallback: Expr

    /// Recognises `n.key <op> literal` and `literal <op> n.key` with a numeric literal.
    static func recognize(_ expression: Expr) -> ColumnFilter? {
        guard case .binary(let op, let a, let b) = expression else { return nil }
        let flipped: Bool
        let slot: Int, key: PropertyKeyRef, constant: Value
        if case .property(.slot(let s), let k) = a, case .constant(let c) = b {
            (slot, key, constant, flipped) = (s, k, c, false)
        } else if case .property(.slot(let s), let k) = b, case .constant(let c) = a {
            (slot, key, constant, flipped) = (s, k, c, true)
        } else {
            return nil
        }
        switch constant {
        case .int: break
        case .float(let f) where !f.isNaN: break
        default: return nil
        }
        let comparison: Comparison
        switch op {
        case .less: comparison = flipped ? .greater : .less
        case .lessOrEqual: comparison = flipped ? .greaterOrEqual : .lessOrEqual
        case .greater: comparison = flipped ? .less : .greater
        case .greaterOrEqual: comparison = flipped ? .lessOrEqual : .greaterOrEqual
        case .equal: comparison = .equal
        case .notEqual: comparison = .notEqual
        default: return nil
        }
        return ColumnFilter(slot: slot, key: key, comparison: comparison, constant: constant, fallback: expression)
    }

    @inline(__always)
    private func holds<T: Comparable>(_ x: T, _ y: T) -> Bool {
        switch comparison {
        case .less: x < y
        case .lessOrEqual: x <= y
        case .greater: x > y
        case .greaterOrEqual: x >= y
        case .equal: x == y
        case .notEqual: x != y
        }
    }

    /// The nodes of `nodes` that pass, with `row[slot]` bound to each node for the general path.
    func select(_ nodes: [Int], _ row: inout [Value], _ context: ExecutionContext) throws(QueryError) -> [Int] {
        let store = context.store
        guard let keyID = key.resolve(in: store) else { return [] }  // no node has the key: all null
        guard let column = store.nodeColumn(key: keyID) else { return [] }
        var kept: [Int] = []
        switch (column.kind, constant) {
        case (.empty, _):
            return []
        case (.int, .int(let c)):
            for node in nodes { if let v = column.int64(node), holds(v, c) { kept.append(node) } }
            return kept
        case (.int, .float(let c)) where abs(c) < 9.0e15:
            for node in nodes {
                if let v = column.int64(node), abs(v) < (1 << 53), holds(Double(v), c) { kept.append(node) }
                else if column.hasValue(node), try general(node, &row, context) { kept.append(node) }
            }
            return kept
        case (.float, .float(let c)):
            for node in nodes { if let v = column.double(node), holds(v, c) { kept.append(node) } }
            return kept
        case (.float, .int(let c)) where abs(c) < (1 << 53):
            for node in nodes { if let v = column.double(node), holds(v, Double(c)) { kept.append(node) } }
            return kept
        default:
            for node in nodes where try general(node, &row, context) { kept.append(node) }
            return kept
        }
    }

    /// The conjunct evaluated the general way for one node.
    func general(_ node: Int, _ row: inout [Value], _ context: ExecutionContext) throws(QueryError) -> Bool {
        let saved = row[slot]
        row[slot] = context.nodeReference(node)
        defer { row[slot] = saved }
        guard case .bool(true) = try fallback.evaluate(row, context) else { return false }
        return true
    }
}

extension PatternMatcher {
    /// The steps with each WHERE conjunct that compares a just-scanned node's property with a
    /// number turned into a column filter, run on the scan's candidates before any is bound.
    static func pushingColumnFilters(_ steps: [MatchStep]) -> [MatchStep] {
        var out: [MatchStep] = []
        var scanned: Int?
        for step in steps {
            switch step {
            case .scan(let check):
                scanned = check.slot
                out.append(step)
            case .filter(let e):
                if let slot = scanned, let filter = ColumnFilter.recognize(e), filter.slot == slot {
                    out.append(.columnFilter(filter))
                } else {
                    scanned = nil
                    out.append(step)
                }
            case .columnFilter:
                out.append(step)
            default:
                scanned = nil
                out.append(step)
            }
        }
        return out
    }
}
