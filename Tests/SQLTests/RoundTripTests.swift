import QuiverCore
import Testing

@testable import SQL

/// Parse → print → parse gives the same AST, on every gold query of Spider dev, BIRD dev and BIRD mini-dev.
@Suite("Round trip over data sets", .enabled(if: DataSetQueries.available, "skipped: QUIVER_DATA not found"))
struct RoundTripTests {
    static func roundTripFailures(_ queries: [String]) -> [String] {
        var failures: [String] = []
        for query in queries {
            do {
                let tree = try SQLParser.parse(query)
                let printed = SQLPrinter().print(tree)
                let again = try SQLParser.parse(printed)
                if again != tree { failures.append("changed: \(query)\n  printed: \(printed)") }
            } catch {
                failures.append("\(error)\n  in: \(query)")
            }
        }
        return failures
    }

    @Test("every gold query parses and round-trips", arguments: ["spider", "bird", "bird-mini-dev"])
    func goldRoundTrips(set: String) {
        let queries: [String] = switch set {
        case "spider": DataSetQueries.spiderGold()
        case "bird": DataSetQueries.birdGold()
        default: DataSetQueries.birdMiniDevGold()
        }
        #expect(!queries.isEmpty)
        let failures = Self.roundTripFailures(queries)
        #expect(failures.isEmpty, "\(failures.count) of \(queries.count) failed:\n\(failures.prefix(4).joined(separator: "\n"))")
    }

    @Test(
        "predictions that parse also round-trip",
        arguments: [
            "spider/predictions/graphix_t5.sql", "spider/predictions/c3sql_chatgpt.sql",
            "bird/predictions/dailsql_gpt4_bird.sql",
        ])
    func predictionsRoundTrip(path: String) {
        let queries = DataSetQueries.predictions(path)
        #expect(!queries.isEmpty)
        var parsed = 0
        var rejected: [String] = []
        var errors: [String] = []
        for query in queries {
            do {
                _ = try SQLParser.parse(query)
                parsed += 1
            } catch {
                rejected.append(query)
                errors.append(error.description)
            }
        }
        print("\(path): \(parsed) of \(queries.count) parse; first errors: \(errors.prefix(3))")
        let failures = Self.roundTripFailures(queries.filter { !rejected.contains($0) })
        #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
    }
}
