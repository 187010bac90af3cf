import PropertyGraph
import QuiverCore

/// ORDER BY … LIMIT k over a bare node scan whose sort keys are integer properties of the
/// scanned node: the k first nodes are chosen on the typed columns (no `Value` per node) before
/// any row is built; the sort then orders just those. Ties keep scan (id) order, as the sort does.
enum TopKScan {
    /// Installs the selection on `tail` when it is such a scan; otherwise does nothing.
    static func install(_ keys: [(Expr, ascending: Bool)], keep: Int, on tail: Operator) {
        guard let match = tail as? MatchOperator, !match.optional, match.matcher.steps.count == 1,
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
        // Whether node a sorts strictly before node b (null sorts last ascending, first descending).
        func precedes(_ a: Int, _ b: Int) -> Bool {
            for k in columns.indices {
                let x = columns[k].int64(a), y = columns[k].int64(b)
                if x == y { continue }
                guard let x else { return !ascending[k] }
                guard let y else { return ascending[k] }
                return ascending[k] ? x < y : x > y
            }
            return false
        }
        var best: [Int] = []
        best.reserveCapacity(keep + 1)
        for node in nodes {
            if best.count == keep {
                guard keep > 0, let last = best.last, precedes(node, last) else { continue }
            }
            var low = 0, high = best.count
            while low < high {
                let mid = (low + high) / 2
                if precedes(node, best[mid]) { high = mid } else { low = mid + 1 }
            }
            best.insert(node, at: low)
            if best.count > keep { best.removeLast() }
        }
        nodes = best
    }
}
