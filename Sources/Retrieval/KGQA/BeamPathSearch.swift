/// The baseline beside tree search: beam search over relation paths. At each depth every path in
/// the beam is extended by every relation leaving its answer set; each extension is scored with the
/// full reward as if the path stopped there, and the best `width` extensions form the next beam.
///
/// It sees the same states, actions and reward as the tree search, so comparing the two measures
/// what look-ahead (rollouts to complete paths) adds over greedy prefix scoring.
///
/// ```swift
/// let outcomes = BeamPathSearch(width: 3).run(problem)
/// ```
struct BeamPathSearch {
    /// Paths kept per depth.
    var width: Int

    /// Every path scored, best first, and the number of expansions made.
    func run(_ problem: RelationPathProblem) -> (outcomes: [(hops: [Hop], reward: Double)], expansions: Int) {
        var beam = [problem.root]
        var outcomes: [(hops: [Hop], reward: Double)] = []
        var expansions = 0
        while !beam.isEmpty {
            var next: [(state: RelationPathProblem.State, reward: Double)] = []
            for state in beam {
                for scored in problem.actions(in: state) {
                    guard case .hop = scored.action, let child = problem.apply(scored.action, to: state) else { continue }
                    expansions += 1
                    let reward = problem.reward(of: child)
                    outcomes.append((child.hops, reward))
                    if !problem.isTerminal(child) { next.append((child, reward)) }
                }
            }
            let order = next.indices.sorted { next[$0].reward != next[$1].reward ? next[$0].reward > next[$1].reward : $0 < $1 }
            beam = order.prefix(width).map { next[$0].state }
        }
        let order = outcomes.indices.sorted {
            outcomes[$0].reward != outcomes[$1].reward ? outcomes[$0].reward > outcomes[$1].reward : $0 < $1
        }
        return (order.map { outcomes[$0] }, expansions)
    }
}
