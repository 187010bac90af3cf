import Testing
@testable import CypherTCK

@Suite("openCypher TCK conformance")
struct TCKConformanceTests {
    /// Scenarios of the issue's scope (outside expressions/temporal and clauses/call) that passed,
    /// strictly checked, when this floor was last raised: `quiver tck --scope issue` on 2026-11-29
    /// reported `tck: 2840 passed, 0 failed, 1 skipped` (after temporal values landed).
    /// The floor only ever rises.
    static let floor = 2_840

    @Test("Quiver's engine passes at least the floor of the in-scope TCK",
          .enabled(if: TCKData.available, "skipped: QUIVER_DATA not found"))
    func inScopeFloor() throws {
        let features = try #require(TCKData.features)
        let suite = try TCKSuite.load(from: features, filter: TCKFilter(scope: .issue))
        let report = TCKRunner(engine: CypherTCKEngine(), suite: suite, timeout: 30).run()
        let failures = report.results.filter { $0.status == .failed }.prefix(10)
            .map { "\($0.scenario.id): \($0.reason ?? "")" }
        #expect(report.passed >= Self.floor, "\(report.summaryLine); first failures: \(failures)")
    }
}
