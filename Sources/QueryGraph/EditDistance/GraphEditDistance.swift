/// Graph edit distance between two ``QueryGraph``s: exact with a budget, or approximate.
///
/// The distance is the cost of the cheapest edit path turning g1 into g2, where a path is a node
/// mapping (each g1 node substituted by a distinct g2 node or deleted, the other g2 nodes inserted)
/// together with the edge operations it implies (see ``NodeMapping``). Edges are directed; an edge
/// u→w corresponds to f(u)→f(w), and a self-loop u→u to f(u)→f(u). With ``EditCosts/unit`` this is
/// the definition networkx's `graph_edit_distance` uses on `DiGraph`s; networkx 3.6.1 deviates from
/// it on graphs with self-loops, which ``Semantics/networkx`` reproduces.
///
/// ```swift
/// let ged = GraphEditDistance()
/// let r = ged.compute(g1, g2)          // r.distance, r.proven, r.mapping
/// let quick = ged.approximate(g1, g2)  // Riesen–Bunke upper bound
/// let s = ged.similarity(g1, g2)       // in [0, 1]
/// ```
public struct GraphEditDistance: Sendable {
    /// Which definition of the distance to compute.
    public enum Semantics: String, Sendable, CaseIterable {
        /// The textbook definition: the cheapest edit path induced by a node mapping.
        case exact
        /// networkx 3.6.1's `graph_edit_distance`, including how its search lets a self-loop stand
        /// for any edge settled in the same step (it can be lower than ``exact`` when either graph
        /// has self-loops; equal otherwise). For reproducing results computed with networkx.
        case networkx
    }

    /// The prices of edit operations.
    public var costs: EditCosts
    /// The work limit of the exact search.
    public var budget: SearchBudget
    /// Which definition to compute.
    public var semantics: Semantics

    /// A calculator with the given prices, budget and definition.
    public init(costs: EditCosts = .unit, budget: SearchBudget = .standard, semantics: Semantics = .exact) {
        self.costs = costs
        self.budget = budget
        self.semantics = semantics
    }

    /// The distance, proven optimal unless the budget ran out.
    ///
    /// The search starts from the Riesen–Bunke path (``approximate(_:_:)``) and returns it improved
    /// as far as the budget allows; `lowerBound` ≤ true distance ≤ `distance` always holds.
    ///
    /// Pairs larger than ``searchNodeLimit`` are not searched, and pairs larger than
    /// ``approximationNodeLimit`` not approximated: they get an unproven upper bound over a proven
    /// lower bound, as when the budget runs out.
    public func compute(_ g1: QueryGraph, _ g2: QueryGraph) -> EditDistanceResult {
        let size = g1.nodes.count + g2.nodes.count
        guard size <= Self.approximationNodeLimit else { return unapproximated(g1, g2) }
        let (a, b, nodeLabels, edgeLabels) = IndexedGraph.pair(g1, g2)
        let start = BipartiteApproximation.mapping(a, b, edgeLabels: edgeLabels, costs: costs)
        guard size <= Self.searchNodeLimit else { return unsearched(g1, g2, approximation: start) }
        // networkx departs from the textbook definition only through self-loops (see Semantics), so
        // loop-free pairs take the faster exact search under either semantics.
        let hasLoops = a.edges.contains { $0.source == $0.target } || b.edges.contains { $0.source == $0.target }
        let meter = SearchMeter(budget: budget)
        switch semantics {
        case .exact,
             .networkx where !hasLoops:
            var search = ExactSearch(a, b, nodeLabels: nodeLabels, edgeLabels: edgeLabels, costs: costs,
                                     meter: meter, upperBound: start.cost, mapping: start.mapping)
            let root = search.rootLowerBound
            search.run()
            return EditDistanceResult(
                distance: search.best, proven: !search.exhausted,
                lowerBound: search.exhausted ? min(root, search.best) : search.best,
                approximation: start.cost, mapping: NodeMapping(target: search.bestMapping.map { $0 < 0 ? nil : $0 }),
                expansions: search.expansions)
        case .networkx:
            // networkx's value never exceeds the exact distance, so the exact search (fast, strong
            // bounds) supplies the starting bound and the emulation only has to look below it.
            // One budget for both searches: the emulation gets what the exact search left.
            var exact = ExactSearch(a, b, nodeLabels: nodeLabels, edgeLabels: edgeLabels, costs: costs,
                                    meter: meter, upperBound: start.cost, mapping: start.mapping)
            exact.run()
            let rest = SearchMeter(deadline: meter.deadline, maxExpansions: budget.maxExpansions.map { max(1, $0 - exact.expansions) })
            var search = NetworkXCompatibleSearch(a, b, nodeLabels: nodeLabels, edgeLabels: edgeLabels,
                                                  costs: costs, meter: rest, upperBound: exact.best)
            if !exact.exhausted { search.run() }
            let exhausted = exact.exhausted || search.exhausted
            return EditDistanceResult(
                distance: search.best, proven: !exhausted,
                lowerBound: exhausted ? min(search.rootLowerBound, search.best) : search.best,
                approximation: start.cost, mapping: nil, expansions: exact.expansions + search.expansions)
        }
    }

    /// The Riesen–Bunke approximation: the exact cost of the edit path found by one assignment.
    ///
    /// An upper bound on the distance under ``Semantics/exact``, computed in O((n1+n2)³); for pairs
    /// larger than ``approximationNodeLimit``, the cost of deleting g1 and inserting g2.
    public func approximate(_ g1: QueryGraph, _ g2: QueryGraph) -> Double {
        guard g1.nodes.count + g2.nodes.count <= Self.approximationNodeLimit else { return unapproximated(g1, g2).distance }
        let (a, b, _, edgeLabels) = IndexedGraph.pair(g1, g2)
        return BipartiteApproximation.mapping(a, b, edgeLabels: edgeLabels, costs: costs).cost
    }

    /// A similarity in [0, 1]: `1 − d / (cost of deleting all of g1 + cost of inserting all of g2)`.
    ///
    /// Deleting everything and inserting everything is always an edit path, so d never exceeds the
    /// denominator and the value never leaves [0, 1]; it is 1 exactly when d = 0 (isomorphic
    /// graphs with equal labels) and, by definition, for two empty graphs. `d` is the computed
    /// distance (the best path found within the budget).
    public func similarity(_ g1: QueryGraph, _ g2: QueryGraph) -> Double {
        Self.similarity(distance: compute(g1, g2).distance, g1, g2, costs: costs)
    }

    /// The similarity for an already computed distance (see ``similarity(_:_:)``).
    public static func similarity(distance: Double, _ g1: QueryGraph, _ g2: QueryGraph, costs: EditCosts = .unit) -> Double {
        let whole = Double(g1.nodes.count) * costs.nodeDeletion + Double(Set(g1.edges.map { [$0.source, $0.target] }).count) * costs.edgeDeletion
            + Double(g2.nodes.count) * costs.nodeInsertion + Double(Set(g2.edges.map { [$0.source, $0.target] }).count) * costs.edgeInsertion
        guard whole > 0 else { return 1 }
        return min(1, max(0, 1 - distance / whole))
    }
}

/// What an edit-distance computation found.
public struct EditDistanceResult: Hashable, Sendable {
    /// The cost of the best edit path found; the distance itself when `proven`.
    public var distance: Double
    /// Whether `distance` is proven optimal (the search finished within its budget).
    public var proven: Bool
    /// A proven lower bound on the distance (equal to `distance` when proven).
    public var lowerBound: Double
    /// The Riesen–Bunke approximation the search started from.
    public var approximation: Double
    /// The node mapping of the best path (`nil` under ``GraphEditDistance/Semantics/networkx``).
    public var mapping: NodeMapping?
    /// The number of search nodes expanded.
    public var expansions: Int
}
