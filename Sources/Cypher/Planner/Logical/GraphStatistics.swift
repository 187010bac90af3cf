import PropertyGraph
import QuiverCore

/// What the cardinality estimator knows about a graph: exact counts the store keeps (nodes per
/// label, relationships per type, distinct values of an index), and small samples read on demand
/// (relationships per (label, type, label), values of a property). Samples are bounded, read at
/// most once per statistics value, and deterministic (evenly spaced ids), so an estimate costs
/// microseconds and the same graph always gets the same plan.
final class GraphStatistics {
    let store: GraphStore
    /// Relationships sampled per type set to estimate (label, type, label) counts.
    static let relationshipSample = 256
    /// Values sampled per property key for distinct counts and range fractions.
    static let valueSample = 128
    /// At most this many ids are probed to fill a sample.
    static let probeLimit = 8_192
    /// A label with at most this many nodes is sampled from its member list.
    static let memberScanLimit = 65_536

    private var triples: [TripleKey: Double] = [:]
    private var samples: [SampleKey: ValueSample] = [:]

    init(_ store: GraphStore) {
        self.store = store
    }

    var nodes: Double { Double(max(1, store.nodeCount)) }

    /// The label ids of `names`, nil when one does not exist (the node set is then empty).
    func labelIDs(_ names: [String]) -> [Int]? {
        var ids: [Int] = []
        for name in names {
            guard let id = store.labelID(name) else { return nil }
            ids.append(id)
        }
        return ids
    }

    /// Nodes carrying every label of `labels` (the smallest label's size: labels are not
    /// assumed independent of each other).
    func nodeCount(labels: [String]) -> Double {
        var smallest = store.nodeCount
        for label in labels {
            guard let id = store.labelID(label) else { return 0 }
            smallest = min(smallest, store.nodeCount(label: id))
        }
        return Double(smallest)
    }

    /// The label of `labels` with the fewest nodes (nil for none).
    func smallestLabel(_ labels: [String]) -> String? {
        labels.min { (store.labelID($0).map(store.nodeCount(label:)) ?? 0) < (store.labelID($1).map(store.nodeCount(label:)) ?? 0) }
    }

    /// Relationships of any of `types` (all relationships when empty).
    func relationshipCount(types: [String]) -> Double {
        guard !types.isEmpty else { return Double(store.relationshipCount) }
        return Double(types.compactMap(store.typeID).reduce(0) { $0 + store.relationshipCount(type: $1) })
    }

    /// Relationships of `types` from a node with every label of `from` to one with every label of
    /// `to` (written direction): the type's count times the fraction of a relationship sample whose
    /// ends carry the labels, with +½ smoothing so a label pair the sample missed is rare, not impossible.
    func relationshipCount(from: [String], types: [String], to: [String]) -> Double {
        let total = relationshipCount(types: types)
        if total == 0 || (from.isEmpty && to.isEmpty) { return total }
        guard let fromIDs = labelIDs(from), let toIDs = labelIDs(to) else { return 0 }
        let key = TripleKey(from: fromIDs, types: types, to: toIDs)
        if let known = triples[key] { return known }
        var seen = 0, matching = 0
        for id in sampleRelationships(types: types) {
            seen += 1
            let start = store.startNode(of: id), end = store.endNode(of: id)
            if fromIDs.allSatisfy({ store.hasLabel(node: start, label: $0) }),
                toIDs.allSatisfy({ store.hasLabel(node: end, label: $0) }) { matching += 1 }
        }
        let estimate: Double
        if seen == 0 {
            // No relationship of the type in the probed ids: assume the labels independent.
            estimate = total * nodeCount(labels: from) / nodes * nodeCount(labels: to) / nodes
        } else {
            estimate = total * (Double(matching) + (matching == seen ? 0 : 0.5)) / Double(seen)
        }
        triples[key] = estimate
        return estimate
    }

    /// A sample of property `key`'s values on nodes (with `label`) or on relationships.
    func sample(key: String, label: String?, relationship: Bool) -> ValueSample? {
        let sampleKey = SampleKey(key: key, label: label, relationship: relationship)
        if let known = samples[sampleKey] { return known }
        guard let keyID = store.propertyKeyID(key),
              let column = relationship ? store.relationshipColumn(key: keyID) : store.nodeColumn(key: keyID) else { return nil }
        let labelID = label.flatMap(store.labelID)
        let owners: [Int]
        if relationship {
            owners = sampleRelationships(types: [])
        } else {
            owners = sampleNodes(label: labelID)
        }
        let candidates = owners.count
        let values = owners.filter(column.hasValue).map(column.value)
        let ownerCount = Double(relationship ? store.relationshipCount : labelID.map(store.nodeCount(label:)) ?? store.nodeCount)
        let present = candidates == 0 ? 0 : Double(values.count) / Double(candidates)
        let population = max(1, (ownerCount * present).rounded())
        var distinct = Double(labelID.flatMap { store.indexedDistinctValues(label: $0, key: keyID) } ?? 0)
        if distinct == 0 { distinct = Self.distinctEstimate(values, population: population) }
        let result = ValueSample(values: values, present: present, distinct: max(1, min(distinct, population)))
        samples[sampleKey] = result
        return result
    }

    /// About ``valueSample`` live node ids (with `label`), spread evenly over the ids: a label's
    /// members read in full up to ``memberScanLimit`` nodes, else ids probed at a stride the
    /// label's density sets.
    func sampleNodes(label: Int?) -> [Int] {
        let size = label.map(store.nodeCount(label:)) ?? store.nodeCount
        guard size > 0 else { return [] }
        var out: [Int] = []
        let every = max(1, size / Self.valueSample)
        if let label, size <= Self.memberScanLimit {
            var index = 0
            store.forEachNode(label: label) { id in
                if index % every == 0 { out.append(id) }
                index += 1
            }
            return out
        }
        let limit = store.nodeIDLimit
        let probes = min(Self.probeLimit, Self.valueSample * max(1, limit / size))
        let stride = max(1, limit / probes)
        var id = 0
        while id < limit {
            if store.isAlive(node: id), label.map({ store.hasLabel(node: id, label: $0) }) ?? true { out.append(id) }
            id += stride
        }
        return out
    }

    /// About ``relationshipSample`` live relationship ids of `types` (any type when empty), spread
    /// evenly over the ids at a stride the types' density sets.
    func sampleRelationships(types: [String]) -> [Int] {
        let typeIDs = Set(types.compactMap(store.typeID))
        let size = Int(relationshipCount(types: types))
        guard size > 0, types.isEmpty || !typeIDs.isEmpty else { return [] }
        let limit = store.relationshipIDLimit
        let probes = min(Self.probeLimit, Self.relationshipSample * max(1, limit / size))
        let stride = max(1, limit / probes)
        var out: [Int] = []
        var id = 0
        while id < limit {
            if store.isAlive(relationship: id), typeIDs.isEmpty || typeIDs.contains(store.relationshipType(id)) { out.append(id) }
            id += stride
        }
        return out
    }

    /// The Haas–Stokes "Duj1" estimator PostgreSQL's ANALYZE uses: n·d / (n − f1 + f1·n/N) for a
    /// sample of n values with d distinct, f1 of them seen once, from a population of N.
    static func distinctEstimate(_ values: [Value], population: Double) -> Double {
        guard !values.isEmpty else { return 1 }
        let (d, f1) = Self.distinctAndSingletons(values)
        let n = Double(values.count)
        guard population > n else { return d }
        let estimate = n * d / (n - f1 + f1 * n / population)
        return min(population, max(d, estimate))
    }

    /// The distinct values of a sample and how many of them occur once: by sorting when the
    /// values are all integers (the common column, and far cheaper than hashing `Value`s).
    private static func distinctAndSingletons(_ values: [Value]) -> (Double, Double) {
        var ints: [Int64] = []
        ints.reserveCapacity(values.count)
        for value in values {
            guard case .int(let i) = value else { break }
            ints.append(i)
        }
        var runs: [Int] = []
        if ints.count == values.count {
            ints.sort()
            var start = 0
            for index in 1...ints.count where index == ints.count || ints[index] != ints[start] {
                runs.append(index - start)
                start = index
            }
        } else {
            var counts: [Value: Int] = [:]
            counts.reserveCapacity(values.count)
            for value in values { counts[value, default: 0] += 1 }
            runs = Array(counts.values)
        }
        return (Double(runs.count), Double(runs.filter { $0 == 1 }.count))
    }

    private struct TripleKey: Hashable {
        let from: [Int]
        let types: [String]
        let to: [Int]
    }

    private struct SampleKey: Hashable {
        let key: String
        let label: String?
        let relationship: Bool
    }
}

/// Values of one property key read from evenly spaced ids.
struct ValueSample {
    let values: [Value]
    /// The fraction of the entities (with the label, when sampled by label) that have the key.
    let present: Double
    /// Distinct values among them: exact from an index, else estimated from the sample.
    let distinct: Double

    /// The fraction of the sample for which `accept` holds, with +½ smoothing.
    func fraction(_ accept: (Value) -> Bool) -> Double {
        guard !values.isEmpty else { return CardinalityEstimator.rangeSelectivity }
        let hits = Double(values.filter(accept).count)
        return min(1, (hits + 0.5) / (Double(values.count) + 1))
    }
}
