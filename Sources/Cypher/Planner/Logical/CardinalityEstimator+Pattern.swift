import Foundation
import QuiverCore

/// Rows of a MATCH pattern per input row: each path is walked from a node bound before it (or
/// from its first node), every hop multiplying by the relationships from the last node's labels
/// to the next node's labels over the type (sampled (label, type, label) counts) per node of the
/// last node's labels; then every filter's selectivity.
extension CardinalityEstimator {
    mutating func patternRows(_ match: PatternMatch) -> Double {
        let introduced = Set(match.introduced)
        var bound = Set(bindings.keys).subtracting(introduced)
        bindPattern(match.parts, introduced: introduced)
        var rows = 1.0
        for part in match.parts { rows *= partRows(part, bound: &bound) }
        for seek in match.seeks { rows *= selectivity(seek.conjunct) }
        for predicate in match.predicates { rows *= selectivity(predicate) }
        return Self.clamp(rows)
    }

    /// Records what the pattern's new variables are.
    mutating func bindPattern(_ parts: [PatternPart], introduced: Set<String>) {
        for part in parts {
            for node in part.element.nodes {
                guard let name = node.variable?.name, introduced.contains(name), bindings[name] == nil
                    || bindings[name].map({ if case .node = $0.kind { false } else { true } }) == true else { continue }
                bindings[name] = Binding(kind: .node(node.labels), distinct: statistics.nodeCount(labels: node.labels))
            }
            for rel in part.element.relationships {
                guard let name = rel.variable?.name, introduced.contains(name) else { continue }
                bindings[name] = rel.length == nil
                    ? Binding(kind: .relationship, distinct: statistics.relationshipCount(types: rel.types))
                    : Binding(kind: .value, distinct: nil)
            }
            if let name = part.variable?.name { bindings[name] = Binding(kind: .value, distinct: nil) }
        }
    }

    /// Rows of one path given the variables bound before it; marks its variables bound.
    func partRows(_ part: PatternPart, bound: inout Set<String>) -> Double {
        let nodes = part.element.nodes, rels = part.element.relationships
        func isBound(_ index: Int) -> Bool { nodes[index].variable.map { bound.contains($0.name) } ?? false }
        func markBound(_ index: Int) { if let name = nodes[index].variable?.name { bound.insert(name) } }
        if part.selector != .all {
            // Shortest paths: at most `count` paths (or lengths) per pair of end nodes.
            var rows = Double(max(1, part.count))
            for index in nodes.indices where !isBound(index) { rows *= nodeRows(nodes[index]) }
            nodes.indices.forEach(markBound)
            return rows
        }
        let start = nodes.indices.first(where: isBound) ?? 0
        var rows = isBound(start) ? 1 : nodeRows(nodes[start])
        markBound(start)
        for index in nodes.indices where index > start {
            rows *= hopRows(from: nodes[index - 1], rels[index - 1], to: nodes[index], forward: true, toBound: isBound(index))
            markBound(index)
        }
        for index in stride(from: start - 1, through: 0, by: -1) {
            rows *= hopRows(from: nodes[index + 1], rels[index], to: nodes[index], forward: false, toBound: isBound(index))
            markBound(index)
        }
        return rows
    }

    /// The nodes a node pattern matches on its own: its labels' size times its property map's selectivity.
    func nodeRows(_ node: NodePattern) -> Double {
        statistics.nodeCount(labels: node.labels) * mapSelectivity(node.properties, labels: node.labels, relationship: false)
    }

    /// Rows per row bound at `from` after the hop to `to`.
    private func hopRows(from: NodePattern, _ rel: RelationshipPattern, to: NodePattern, forward: Bool, toBound: Bool) -> Double {
        let fromCount = max(1, statistics.nodeCount(labels: from.labels))
        let toCount = statistics.nodeCount(labels: to.labels)
        let target = toBound ? 1 / max(1, toCount) : mapSelectivity(to.properties, labels: to.labels, relationship: false)
        let relationship = mapSelectivity(rel.properties, labels: [], relationship: true)
        if let length = rel.length {
            let sides = rel.direction == .both ? 2.0 : 1
            let degree = statistics.relationshipCount(types: rel.types) / statistics.nodes * sides
            let minimum = Int(clamping: max(0, length.minimum ?? 1))
            let maximum = Int(clamping: length.maximum ?? Int64(Int32.max))
            var paths = 0.0
            if minimum <= maximum {
                let top = maximum - minimum > Self.lengthsSummed ? minimum + Self.lengthsSummed : maximum
                for hops in minimum...top { paths += pow(degree, Double(hops)) }
            }
            let landing = toBound ? target : toCount / statistics.nodes * target
            return Self.clamp(paths * landing * relationship)
        }
        // Written left to right; walking right to left swaps the ends.
        let (left, right) = forward ? (from.labels, to.labels) : (to.labels, from.labels)
        let triples: Double
        switch rel.direction {
        case .outgoing: triples = statistics.relationshipCount(from: left, types: rel.types, to: right)
        case .incoming: triples = statistics.relationshipCount(from: right, types: rel.types, to: left)
        case .both:
            triples = statistics.relationshipCount(from: left, types: rel.types, to: right)
                + statistics.relationshipCount(from: right, types: rel.types, to: left)
        }
        return triples / fromCount * target * relationship
    }

    /// The selectivity of a `{key: value, …}` map on a node (with `labels`) or a relationship.
    func mapSelectivity(_ properties: Expression?, labels: [String], relationship: Bool) -> Double {
        guard let properties else { return 1 }
        var keys: [String] = []
        if case .map(let entries) = properties.kind {
            keys = entries.map(\.key)
        } else if case .map(let map)? = constant(properties) {
            keys = Array(map.keys)
        } else {
            return Self.defaultSelectivity
        }
        return keys.reduce(1.0) { rows, key in
            guard let sample = statistics.sample(key: key, label: statistics.smallestLabel(labels), relationship: relationship) else { return 0 }
            return rows * sample.present / sample.distinct
        }
    }
}
