import Foundation
import QuiverCore
@testable import CypherTCK

/// The shared openCypher TCK checkout, when `QUIVER_DATA` (or `../shared/data`) holds it.
enum TCKData {
    static var features: URL? { DataLocation.item("opencypher-tck/tck/features") }
    static var scenarioCounts: URL? { DataLocation.item("opencypher-tck/SCENARIO_COUNTS.md") }
    static var available: Bool { features != nil && scenarioCounts != nil }

    /// Every feature file, parsed but not expanded, keyed by path.
    static func documents() throws -> [(path: String, document: GherkinDocument)] {
        guard let features else { return [] }
        return try TCKSuite.featurePaths(in: features).map { path in
            let text = try String(contentsOf: features.appendingPathComponent(path), encoding: .utf8)
            return (path, try GherkinParser.parse(text, file: path))
        }
    }

    /// The rows of SCENARIO_COUNTS.md's table: folder → (files, scenarios, outlines, example rows, executable).
    static func publishedCounts() throws -> [String: [Int]] {
        guard let scenarioCounts else { return [:] }
        var counts: [String: [Int]] = [:]
        for line in try String(contentsOf: scenarioCounts, encoding: .utf8).split(separator: "\n") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 6, !cells[0].hasPrefix("*") else { continue }
            let numbers = cells.dropFirst().compactMap { Int($0) }
            if numbers.count == 5 { counts[cells[0]] = numbers }
        }
        return counts
    }
}
