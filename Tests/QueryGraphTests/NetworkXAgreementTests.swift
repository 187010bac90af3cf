import Foundation
import QuiverCore
import Testing
@testable import QueryGraph

/// The shared vectors were computed by networkx 3.6.1's exact `graph_edit_distance` (unit costs).
@Suite("Agreement with networkx on the shared GED vectors")
struct NetworkXAgreementTests {
    static func vectors() throws -> [GraphPair] {
        guard let url = DataLocation.item("ged/vectors.jsonl") else { return [] }
        return try GraphPair.readLines(of: url)
    }

    static func hasSelfLoop(_ g: QueryGraph) -> Bool { g.edges.contains { $0.source == $0.target } }

    @Test("networkx semantics reproduce networkx's value on every pair",
          .enabled(if: DataLocation.item("ged/vectors.jsonl") != nil, "skipped: QUIVER_DATA not found"))
    func networkxSemanticsMatchEveryPair() throws {
        let pairs = try Self.vectors()
        #expect(pairs.count == 300)
        let ged = GraphEditDistance(budget: .unlimited, semantics: .networkx)
        for (index, pair) in pairs.enumerated() {
            let expected = try #require(pair.ged)
            let result = ged.compute(pair.g1, pair.g2)
            #expect(result.proven)
            #expect(result.distance == expected, "pair \(index)")
        }
    }

    @Test("the exact distance equals networkx's wherever networkx's self-loop rule cannot apply, and is never below it",
          .enabled(if: DataLocation.item("ged/vectors.jsonl") != nil, "skipped: QUIVER_DATA not found"))
    func exactMatchesWithoutSelfLoops() throws {
        let pairs = try Self.vectors()
        let ged = GraphEditDistance(budget: .unlimited)
        for (index, pair) in pairs.enumerated() {
            let expected = try #require(pair.ged)
            let result = ged.compute(pair.g1, pair.g2)
            #expect(result.proven)
            if Self.hasSelfLoop(pair.g1) || Self.hasSelfLoop(pair.g2) {
                #expect(result.distance >= expected, "pair \(index)")
            } else {
                #expect(result.distance == expected, "pair \(index)")
            }
            #expect(result.approximation >= result.distance)
            let similarity = GraphEditDistance.similarity(distance: result.distance, pair.g1, pair.g2)
            #expect(similarity >= 0 && similarity <= 1)
        }
    }

    @Test("on the hard pairs the exact distance is proven, equal to networkx's without self-loops and never below it",
          .enabled(if: DataLocation.item("ged/hard.jsonl") != nil, "skipped: QUIVER_DATA not found"))
    func hardPairs() throws {
        let url = try #require(DataLocation.item("ged/hard.jsonl"))
        let ged = GraphEditDistance(budget: .unlimited)
        for (index, pair) in try GraphPair.readLines(of: url).enumerated() {
            let expected = try #require(pair.ged)
            let result = ged.compute(pair.g1, pair.g2)
            #expect(result.proven)
            if Self.hasSelfLoop(pair.g1) || Self.hasSelfLoop(pair.g2) {
                #expect(result.distance >= expected, "pair \(index)")
            } else {
                #expect(result.distance == expected, "pair \(index)")
            }
        }
    }
}
