import PropertyGraph
import QuiverCore

/// ORDER BY … LIMIT k over a bare node scan whose sort keys are integer properties of the
/// scanned node: the k first nodes are chosen on the typed columns (no `Value` per node) before
/// any row is built; the sort then orders just those. Ties keep scan (id) order, as the sort does.
enum TopKScan {
    /// Installs the selection on `match` when it is such a scan; otherwise does nothing.
    static func install(_ keys: [(Expr, ascending: Bool)], keep: Int, on match: MatchOperator) {
        guard !match.optional, match.matcher.steps.count == 1,
            case .scan(let check) = match.matcher.steps[0], check.properties.isEmpty, check.labels.count <= 1
        else { return }
        var properties: [(PropertyKeyRef, ascending: Bool)] = []
        for (key, ascending) in keys {
            guard case .property(.slot(let slot), let ref) = key, slot == check.slot else { return }
            properties.append((ref, ascending))
        }
        match.matcher.scanSelector = { nodes, context in
            select(&nodes, properties, keep: keep, context.store)
        }
    }

    /// Keeps the first `keep` of `nodes` in sort order when every key column holds integers.
    static func select(_ nodes: inout [Int], _ keys: [(PropertyKeyRef, ascending: Bool)], keep: Int, _ store: GraphStore) {
        var columns: [PropertyColumn] = []
        for (ref, _) in keys {
            guard let id = ref.resolve(in: store), let column = store.nodeColumn(key: id), column.kind == .int else { return }
            columns.append(column)
        }
        let ascending = keys.map(\.ascending)
        let width = columns.count
        // Key values per candidate, flat (candidate × key); a missing value is null.
        var values = [Int64](repeating: 0, count: nodes.count * width)
        var nulls = [Bool](repeating: false, count: nodes.count * width)
        for k in 0..<width {
            let column = columns[k]
            for (i, node) in nodes.enumerated() {
                if let v = column.int64(node) { values[i * width + k] = v } else { nulls[i * width + k] = true }
            }
        }
        var best: [Int] = []  // candidate positions, in sort order
        best.reserveCapacity(keep + 1)
        values.withUnsafeBufferPointer { values in
            nulls.withUnsafeBufferPointer { nulls in
                // Whether candidate a sorts strictly before candidate b (null last ascending, first descending).
                func precedes(_ a: Int, _ b: Int) -> Bool {
                    for k in 0..<width {
                        let na = nulls[a * width + k], nb = nulls[b * width + k]
                        if na || nb {
                            if na && nb { continue }
                            return na ? !ascending[k] : ascending[k]
                        }
                        let x = values[a * width + k], y = values[b * width + k]
                        if x == y { continue }
                        return ascending[k] ? x < y : x > y
                    }
                    return false
                }
                for i in 0..<nodes.count {
                    if best.count == keep {
                        guard keep > 0, let last = best.last, precedes(i, last) else { continue }
                    }
                    var low = 0, high = best.count
                    while low < high {
                        let mid = (low + high) / 2
                        if precedes(i, best[mid]) { high = mid } else { low = mid + 1 }
                    }
                    best.insert(i, at: low)
                    if best.count > keep { best.removeLast() }
                }
            }
        }
        nodes = best.map { nodes[$0] }
    }
}
