import Testing
@testable import CypherTCK

/// Floors on the scenarios Quiver's engine passes, strictly checked; a floor only ever rises.
///
/// One run of the whole suite is counted three ways. The figures come from `quiver tck` and
/// `quiver tck --scope issue` on 2026-11-29, after procedures and CALL landed:
/// whole suite `tck: 3896 passed, 0 failed, 1 skipped` (52 of them in `clauses/call`),
/// issue scope `tck: 2840 passed, 0 failed, 1 skipped`.
@Suite("openCypher TCK conformance")
struct TCKConformanceTests {
    /// Scenarios of the whole suite that pass.
    static let suiteFloor = 3_896
    /// Scenarios of the issue's scope (outside expressions/temporal and clauses/call) that pass.
    static let issueFloor = 2_840
    /// Scenarios of `clauses/call` that pass (procedure fixtures registered as table-backed procedures).
    static let callFloor = 52

    @Test("Quiver's engine passes at least the floors of the whole TCK, the issue's scope and clauses/call",
          .enabled(if: TCKData.available, "skipped: QUIVER_DATA not found"))
    func floors() throws {
        let features = try #require(TCKData.features)
        let suite = try TCKSuite.load(from: features)
        let report = TCKRunner(engine: CypherTCKEngine(), suite: suite, timeout: 30).run()
        let failures = report.results.filter { $0.status == .failed }.prefix(10)
            .map { "\($0.scenario.id): \($0.reason ?? "")" }
        let issueScope = TCKFilter(scope: .issue)
        let issuePassed = report.results.count { $0.status == .passed && issueScope.selects($0.scenario) }
        let callPassed = report.results.count { $0.status == .passed && $0.scenario.folder == "clauses/call" }
        #expect(report.passed >= Self.suiteFloor, "\(report.summaryLine); first failures: \(failures)")
        #expect(issuePassed >= Self.issueFloor, "issue scope: \(issuePassed) passed; first failures: \(failures)")
        #expect(callPassed >= Self.callFloor, "clauses/call: \(callPassed) passed; first failures: \(failures)")
    }
}
