import Testing
@testable import TreeSearch

/// Choose `depth` digits in `0..<width`; the reward is the fraction of positions that match a
/// hidden target, so partial progress is visible to the search (as in a relation-path search).
struct DigitGuess: SearchProblem {
    var width: Int
    var depth: Int
    var target: [Int]
    /// Priors favour the target digit this much (1 = uninformative).
    var hint: Double = 1
    var useEstimate = false

    func actions(in state: [Int]) -> [ScoredAction<Int>] {
        guard state.count < depth else { return [] }
        return (0..<width).map { ScoredAction($0, prior: $0 == target[state.count] ? hint : 1) }
    }

    func apply(_ action: Int, to state: [Int]) -> [Int]? {
        action == width - 1 && width > 2 ? nil : state + [action]   // the last digit leads nowhere
    }

    func isTerminal(_ state: [Int]) -> Bool { state.count == depth }

    func reward(of state: [Int]) -> Double {
        Double(zip(state, target).filter { $0 == $1 }.count) / Double(depth)
    }

    func estimate(_ state: [Int]) -> Double? {
        useEstimate ? Double(zip(state, target).filter { $0 == $1 }.count + depth - state.count) / Double(depth) : nil
    }
}

@Suite struct MonteCarloTreeSearchTests {
    @Test(arguments: [SearchConfiguration.Selection.uct(exploration: 1.4), .puct(exploration: 1.0)])
    func smallTreesAreSearchedExhaustively(selection: SearchConfiguration.Selection) {
        let problem = DigitGuess(width: 4, depth: 3, target: [2, 0, 1])
        let search = MonteCarloTreeSearch(configuration: SearchConfiguration(simulations: 10_000, selection: selection))
        let result = search.run(problem, from: [])
        #expect(result.statistics.exhausted)
        #expect(result.best?.actions == [2, 0, 1])
        #expect(result.best?.reward == 1)
        // 3 live digits per level: 27 leaves, all evaluated, none through the dead digit 3.
        #expect(result.outcomes.count == 27)
        #expect(result.outcomes.allSatisfy { !$0.actions.contains(3) })
        #expect(result.statistics.simulations < 10_000)
    }

    @Test func informativePriorsFindTheTargetInAWideTree() {
        let target = [7, 3, 9, 1]
        let problem = DigitGuess(width: 40, depth: 4, target: target, hint: 20)
        let search = MonteCarloTreeSearch(configuration: SearchConfiguration(simulations: 150, seed: 3))
        let result = search.run(problem, from: [])
        #expect(result.best?.actions == target)
        #expect(!result.statistics.exhausted)
    }

    @Test func progressiveWideningBoundsTheChildrenOfAWideNode() {
        let problem = DigitGuess(width: 200, depth: 2, target: [5, 5])
        var configuration = SearchConfiguration(simulations: 50, wideningConstant: 1, wideningExponent: 0.5)
        configuration.seed = 1
        let result = MonteCarloTreeSearch(configuration: configuration).run(problem, from: [])
        // After 50 visits the root has at most ⌈1 · 50^0.5⌉ = 8 children (every outcome starts with one).
        let rootChildren = Set(result.outcomes.compactMap(\.actions.first))
        #expect(rootChildren.count <= 8)
        #expect(rootChildren.count >= 6)
    }

    @Test func theSameSeedGivesTheSameOutcomes() {
        let problem = DigitGuess(width: 12, depth: 4, target: [1, 2, 3, 4], hint: 3)
        func run(_ seed: UInt64) -> [([Int], Double)] {
            let search = MonteCarloTreeSearch(configuration: SearchConfiguration(simulations: 300, seed: seed))
            return search.run(problem, from: []).outcomes.map { ($0.actions, $0.reward) }
        }
        let first = run(11)
        let second = run(11)
        #expect(first.map(\.0) == second.map(\.0))
        #expect(first.map(\.1) == second.map(\.1))
        #expect(first.map(\.0) != run(12).map(\.0))
    }

    @Test func estimatesReplaceRollouts() {
        let problem = DigitGuess(width: 6, depth: 3, target: [0, 1, 2], useEstimate: true)
        let result = MonteCarloTreeSearch(configuration: SearchConfiguration(simulations: 500)).run(problem, from: [])
        #expect(result.statistics.rolloutSteps == 0)
        #expect(result.best?.actions == [0, 1, 2])
    }

    @Test func aZeroTimeBudgetStopsAtOnce() {
        let problem = DigitGuess(width: 6, depth: 3, target: [0, 1, 2])
        let configuration = SearchConfiguration(simulations: 1_000, timeLimit: .zero)
        let result = MonteCarloTreeSearch(configuration: configuration).run(problem, from: [])
        #expect(result.statistics.timedOut)
        #expect(result.statistics.simulations == 0)
        #expect(result.outcomes.isEmpty)
    }

    @Test func solvedChildrenForceWidening() {
        // Every child of the root is terminal (solved at once), so the root widens every time.
        let problem = DigitGuess(width: 30, depth: 1, target: [5])
        let configuration = SearchConfiguration(simulations: 100, wideningConstant: 1, wideningExponent: 0.5)
        let result = MonteCarloTreeSearch(configuration: configuration).run(problem, from: [])
        #expect(result.outcomes.count == 29)
        #expect(result.statistics.exhausted)
    }

    @Test func aTerminalRootIsItsOwnOutcome() {
        let problem = DigitGuess(width: 3, depth: 0, target: [])
        let result = MonteCarloTreeSearch().run(problem, from: [])
        #expect(result.outcomes.count == 1)
        #expect(result.best?.actions == [])
        #expect(result.statistics.exhausted)
    }

    @Test func splitMixIsReproducibleAndUniform() {
        var a = SplitMix64(seed: 99), b = SplitMix64(seed: 99)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        var c = SplitMix64(seed: 1)
        let mean = (0..<10_000).map { _ in c.nextUnit() }.reduce(0, +) / 10_000
        #expect(abs(mean - 0.5) < 0.02)
    }
}
