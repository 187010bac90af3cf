import QuiverCore
import Testing
@testable import Scoring

@Suite struct PartialRewardTests {
    @Test func bigramJaccardIgnoresCaseAndSpacing() {
        #expect(BigramJaccard.score("SELECT count(*) FROM singer", "select count ( * ) from singer") == 1)
        #expect(BigramJaccard.score("SELECT a FROM t", "SELECT b FROM u") == 0)
        // {select a, a from, from t} vs {select a, a from, from u}: 2 shared of 4.
        #expect(BigramJaccard.score("SELECT a FROM t", "SELECT a FROM u") == 0.5)
        #expect(BigramJaccard.score("", "") == 1)
    }

    @Test func softF1FollowsMiniDevRules() {
        #expect(SoftF1.score(gold: [], pred: []) == 1)
        #expect(SoftF1.score(gold: [[1, "a"]], pred: [["a", 1]]) == 1)
        #expect(SoftF1.score(gold: [[1]], pred: []) == 0)
        // Positional pairing: the same rows in another order do not match.
        #expect(SoftF1.score(gold: [[1], [2]], pred: [[2], [1]]) == 0)
        // Half the cells right: tp = 0.5, fp = 0.5, fn = 0.5.
        #expect(abs(SoftF1.score(gold: [[1, 2]], pred: [[1, 3]]) - 0.5) < 1e-12)
        // Duplicates are dropped first.
        #expect(SoftF1.score(gold: [[1]], pred: [[1], [1]]) == 1)
    }
}

@Suite struct ValidEfficiencyScoreTests {
    @Test func trimmedMeanDropsOutliersBeyondThreeSigma() {
        let values = Array(repeating: 1.0, count: 20) + [100]
        #expect(ValidEfficiencyScore.trimmedMean(values) == 1)
        #expect(ValidEfficiencyScore.trimmedMean([1, 3]) == 2)
    }

    @Test(arguments: [(3.0, 1.25), (2.0, 1.25), (1.5, 1.0), (0.6, 0.75), (0.3, 0.5), (0.1, 0.25), (0.0, 0.0)])
    func rewardBuckets(ratio: Double, reward: Double) {
        #expect(abs(ValidEfficiencyScore.rewardVESTerm(ratio) - reward.squareRoot()) < 1e-12)
    }
}

@Suite struct ComponentAverageTests {
    /// Three examples: a clause both sides lack (counts towards nothing), one both have and match,
    /// one only gold has (recall 0).
    @Test func averagesCountOnlyExamplesThatHaveTheClause() throws {
        let none = ComponentVerdict(ComponentScore(matched: 0, predictionCount: 0, goldCount: 0), of: .iuen)
        let both = ComponentVerdict(ComponentScore(matched: 1, predictionCount: 1, goldCount: 1), of: .iuen)
        let goldOnly = ComponentVerdict(ComponentScore(matched: 0, predictionCount: 0, goldCount: 1), of: .iuen)
        let averages = try #require(ComponentAverages.of([["IUEN": none], ["IUEN": both], ["IUEN": goldOnly]])["IUEN"])
        #expect(averages.accuracy == 1 && averages.recall == 0.5)
        #expect(abs(averages.f1 - 2.0 / 3.0) < 1e-12)
        // A plain mean of the per-example verdicts would say 2/3 everywhere.
        let nothing = try #require(ComponentAverages.of([["IUEN": none]])["IUEN"])
        #expect(nothing.accuracy == 0 && nothing.recall == 0 && nothing.f1 == 1)
    }

    @Test func andOrTotalsTradePlacesAsTheOfficialCallerReadsThem() {
        let differ = ComponentVerdict(ComponentScore(matched: 0, predictionCount: 2, goldCount: 1), of: .andOr)
        #expect(differ.predictionTotal == 1 && differ.goldTotal == 2 && !differ.match)
        let other = ComponentVerdict(ComponentScore(matched: 0, predictionCount: 2, goldCount: 1), of: .select)
        #expect(other.predictionTotal == 2 && other.goldTotal == 1)
    }
}
