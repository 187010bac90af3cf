import Testing
@testable import Retrieval

@Suite struct AnswerMetricsTests {
    @Test(arguments: [
        ("The Caldmere Glassworks.", ["Caldmere Glassworks"], 1.0, 1.0),
        ("caldmere glass", ["Caldmere Glassworks"], 0.0, 0.5),
        ("1893", ["1892", "1893"], 1.0, 1.0),
        ("Oskar’s Reach", ["Oskar's Reach"], 1.0, 1.0),
        ("nothing", ["Port Elsin"], 0.0, 0.0),
    ])
    func squadNormalisationAndTokenF1(prediction: String, answers: [String], em: Double, f1: Double) {
        #expect(AnswerMetrics.exactMatch(prediction, answers: answers) == em)
        #expect(abs(AnswerMetrics.f1(prediction, answers: answers) - f1) < 1e-9)
    }

    @Test func normalisationDropsArticlesAndPunctuation() {
        #expect(AnswerMetrics.normalize("  The  Treaty of Tessaly, (1884)! ") == "treaty of tessaly 1884")
    }
}
