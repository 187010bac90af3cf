import Testing
@testable import QueryGraph

@Suite("Linear sum assignment")
struct LinearSumAssignmentTests {
    @Test("finds the minimum over all permutations", arguments: 1..<7)
    func minimum(size: Int) {
        var rng = SplitMix(seed: UInt64(size))
        for _ in 0..<20 {
            let cost = (0..<(size * size)).map { _ in Double(Int.random(in: 0...4, using: &rng)) }
            let solution = LinearSumAssignment.solve(cost, size: size)
            #expect(Set(solution.columnForRow) == Set(0..<size))
            let best = RandomGraphs.permutations(size).map { p in p.enumerated().reduce(0.0) { $0 + cost[$1.offset * size + $1.element] } }.min()
            #expect(solution.cost == best)
        }
    }

    @Test("a constant matrix comes out as the identity, as in SciPy")
    func constantIsIdentity() {
        #expect(LinearSumAssignment.solve(Array(repeating: 1, count: 16), size: 4).columnForRow == [0, 1, 2, 3])
    }
}
