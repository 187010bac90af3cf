import QuiverCore

/// The order a MATCH's paths run in and the end each path is walked from, chosen from the
/// ``CardinalityEstimator``'s estimates: at each step the path that adds the fewest rows (given
/// the variables bound so far and the filters that become checkable), and for a path with both
/// ends free the end that matches fewer nodes once its own filters apply. Ties keep the order
/// as written.
///
/// ```swift
/// var order = JoinOrder(estimator: estimator)
/// let (ordered, fromLastNode) = order.choose(match, bound: ["x"])
/// ```
struct JoinOrder {
    var estimator: CardinalityEstimator

    /// Whether `parts` leave anything to choose: several paths, or a path with both ends free.
    static func hasChoice(_ parts: [PatternPart], isBound: (String) -> Bool) -> Bool {
        if parts.count > 1 { return true }
        guard let part = parts.first, part.selector == .all, let last = part.element.steps.last?.node else { return false }
        return [part.element.start, last].allSatisfy { $0.variable.map { !isBound($0.name) } ?? true }
    }

    /// Whether a single path's first node is certain to be chosen without sampling anything: its
    /// labels admit no more nodes than the last node's, and the last node has no property map or
    /// filter of its own. Selectivities never exceed 1, so no estimate could make the last end the
    /// smaller; the common case (`MATCH (a:L {…})-[…]->(b:L)`) then costs two counts.
    static func keepsFirstNode(_ match: PatternMatch, isBound: (String) -> Bool, statistics: GraphStatistics) -> Bool {
        guard match.parts.count == 1, let part = match.parts.first, let last = part.element.steps.last?.node,
              last.properties == nil else { return false }
        if let name = last.variable?.name {
            if match.seeks.contains(where: { $0.variable == name }) { return false }
            for conjunct in match.predicates {
                let names = conjunct.referencedNames
                if names.contains(name) && names.allSatisfy({ $0 == name || isBound($0) }) { return false }
            }
        }
        return statistics.nodeCount(labels: part.element.start.labels) <= statistics.nodeCount(labels: last.labels)
    }

    /// `match` with its paths in the order to run, and per path (in that order) whether it is
    /// walked from its last node.
    mutating func choose(_ match: PatternMatch, bound before: Set<String>) -> (PatternMatch, [Bool]) {
        for name in before where estimator.bindings[name] == nil { estimator.bindings[name] = .init(kind: .value, distinct: nil) }
        estimator.bindPattern(match.parts, introduced: Set(match.introduced))
        let conjuncts = (match.predicates + match.seeks.map(\.conjunct)).map { ($0, Set($0.referencedNames)) }
        var bound = before
        var order = Array(match.parts.indices)
        if match.parts.count > 1, match.parts.allSatisfy({ $0.selector == .all }) {
            order = []
            var remaining = Array(match.parts.indices)
            while !remaining.isEmpty {
                var best = 0, bestRows = Double.infinity
                for (position, index) in remaining.enumerated() {
                    var after = bound
                    var rows = estimator.partRows(match.parts[index], bound: &after)
                    for (conjunct, names) in conjuncts where names.isSubset(of: after) && !names.isSubset(of: bound) {
                        rows *= estimator.selectivity(conjunct)
                    }
                    if rows < bestRows { (best, bestRows) = (position, rows) }
                }
                let index = remaining.remove(at: best)
                order.append(index)
                Self.bind(match.parts[index], into: &bound)
            }
            bound = before
        }
        var fromLastNode: [Bool] = []
        for index in order {
            let part = match.parts[index]
            let nodes = part.element.nodes
            if Self.hasChoice([part], isBound: bound.contains) {
                let first = endRows(nodes[0], bound: bound, conjuncts), last = endRows(nodes[nodes.count - 1], bound: bound, conjuncts)
                fromLastNode.append(last < first)
            } else {
                fromLastNode.append(false)
            }
            Self.bind(part, into: &bound)
        }
        var ordered = match
        ordered.parts = order.map { match.parts[$0] }
        return (ordered, fromLastNode)
    }

    /// Marks the variables of `part` bound.
    private static func bind(_ part: PatternPart, into bound: inout Set<String>) {
        for node in part.element.nodes { if let name = node.variable?.name { bound.insert(name) } }
        for rel in part.element.relationships { if let name = rel.variable?.name { bound.insert(name) } }
        if let name = part.variable?.name { bound.insert(name) }
    }

    /// The nodes a path's end matches on its own: its labels and properties, and the filters
    /// that read only it and variables bound before.
    private func endRows(_ node: NodePattern, bound: Set<String>, _ conjuncts: [(Expression, Set<String>)]) -> Double {
        var rows = estimator.nodeRows(node)
        guard let name = node.variable?.name else { return rows }
        let visible = bound.union([name])
        for (conjunct, names) in conjuncts where names.contains(name) && names.isSubset(of: visible) {
            rows *= estimator.selectivity(conjunct)
        }
        return rows
    }
}
