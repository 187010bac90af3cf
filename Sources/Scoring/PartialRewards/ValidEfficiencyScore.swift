import Foundation
import SQLExecution

/// BIRD's Valid Efficiency Score per example: how fast a correct prediction runs relative to gold.
///
/// The time ratio τ = mean over `iterations` runs of t_gold / t_pred, after dropping ratios outside
/// mean ± 3σ (as `evaluation_ves.py`); VES's per-example term is √τ (uncapped, so VES can exceed EX),
/// R-VES's (mini-dev) is √reward(τ) with reward = 1.25 (τ ≥ 2), 1 (τ ≥ 1), 0.75 (τ ≥ 0.5),
/// 0.5 (τ ≥ 0.25), else 0.25. Wrong or failing predictions score 0 in both. Timings include fetching
/// all rows (as mini-dev does); they depend on the machine (BIRD mini_dev #11).
///
/// ```swift
/// let ratio = ValidEfficiencyScore.timeRatio(gold: gold, pred: pred, executor: db, iterations: 10, limits: limits)
/// let ves = ratio.map { ValidEfficiencyScore.vesTerm($0) }
/// ```
public enum ValidEfficiencyScore {
    /// τ, or `nil` when a run fails.
    public static func timeRatio(
        gold: String, pred: String, executor: any QueryExecutor, iterations: Int, limits: ExecutionLimits
    ) -> Double? {
        var ratios: [Double] = []
        for _ in 0..<max(1, iterations) {
            guard let goldTime = time({ try executor.execute(gold, limits: limits) }),
                let predTime = time({ try executor.execute(pred, limits: limits) })
            else { return nil }
            ratios.append(goldTime / max(predTime, 1e-9))
        }
        return trimmedMean(ratios)
    }

    /// Mean of the values within mean ± 3σ (population σ); all values when that would drop every one.
    public static func trimmedMean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        let sigma = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
        let kept = values.filter { abs($0 - mean) <= 3 * sigma }
        return kept.isEmpty ? mean : kept.reduce(0, +) / Double(kept.count)
    }

    /// VES's per-example term, √τ.
    public static func vesTerm(_ ratio: Double) -> Double { ratio.squareRoot() }

    /// R-VES's per-example term, √reward(τ).
    public static func rewardVESTerm(_ ratio: Double) -> Double {
        let reward: Double
        switch ratio {
        case ..<0.000_000_001: reward = 0
        case 2...: reward = 1.25
        case 1..<2: reward = 1
        case 0.5..<1: reward = 0.75
        case 0.25..<0.5: reward = 0.5
        default: reward = 0.25
        }
        return reward.squareRoot()
    }

    private static func time(_ body: () throws -> ResultSet) -> Double? {
        let start = DispatchTime.now().uptimeNanoseconds
        guard (try? body()) != nil else { return nil }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
