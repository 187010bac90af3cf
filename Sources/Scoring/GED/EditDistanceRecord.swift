import Foundation
import QueryGraph
import QuiverCore

/// The graph edit distance between two query graphs as one record: a line of `quiver ged --pairs`
/// and an item of the reward server's `POST /score/ged`.
///
/// `ged` is the distance found (proven optimal when `proven`), `approx` the Riesen–Bunke upper
/// bound, `lower_bound` what the search proved, `similarity` 1 − ged / (the size of both graphs).
/// A query that does not parse has `error` set and no distance.
///
/// ```swift
/// let record = EditDistanceRecord.measure(index: 0, g1, g2, calculator: GraphEditDistance(), approximate: false)
/// record.ged   // 2
/// ```
public struct EditDistanceRecord: Sendable, Hashable, Encodable {
    /// The pair's position in its file or batch.
    public var index: Int
    /// The distance found (the approximation alone with `approximate`); nil when a query did not parse.
    public var ged: Double?
    /// Whether `ged` is proven optimal.
    public var proven: Bool
    /// The Riesen–Bunke (bipartite assignment) upper bound.
    public var approx: Double?
    /// The lower bound the search proved; equals `ged` when proven.
    public var lowerBound: Double?
    /// 1 − ged / (cost of deleting g1 and inserting g2), in 0…1.
    public var similarity: Double?
    /// Search nodes expanded (0 for the approximation alone).
    public var expansions: Int
    /// Wall-clock seconds of the computation.
    public var seconds: Double
    /// Why there is no distance: the query that did not parse, and where.
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case index, ged, proven, approx, lowerBound = "lower_bound", similarity, expansions, seconds, error
    }

    /// A record with no distance yet; with an `error`, one of the two queries could not become a graph.
    public init(index: Int, error: String? = nil) {
        self.index = index
        proven = false
        expansions = 0
        seconds = 0
        self.error = error
    }

    /// Measures the distance from `g1` to `g2` (only the approximation when `approximate`); the
    /// node mapping found, if any, comes back for drawing the edit script.
    public static func measure(
        index: Int, _ g1: QueryGraph, _ g2: QueryGraph, calculator: GraphEditDistance, approximate: Bool
    ) -> (record: EditDistanceRecord, mapping: NodeMapping?) {
        var record = EditDistanceRecord(index: index)
        let clock = ContinuousClock()
        let start = clock.now
        var mapping: NodeMapping?
        if approximate {
            let value = calculator.approximate(g1, g2)
            (record.ged, record.approx) = (value, value)
        } else {
            let result = calculator.compute(g1, g2)
            (record.ged, record.approx, record.lowerBound) = (result.distance, result.approximation, result.lowerBound)
            record.proven = result.proven
            record.expansions = result.expansions
            mapping = result.mapping
        }
        record.seconds = (clock.now - start).inSeconds
        record.similarity = record.ged.map { GraphEditDistance.similarity(distance: $0, g1, g2, costs: calculator.costs) }
        return (record, mapping)
    }

    /// Writes every key, `null` included, so each line has the same fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(ged, forKey: .ged)
        try container.encode(proven, forKey: .proven)
        try container.encode(approx, forKey: .approx)
        try container.encode(lowerBound, forKey: .lowerBound)
        try container.encode(similarity, forKey: .similarity)
        try container.encode(expansions, forKey: .expansions)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(error, forKey: .error)
    }
}
