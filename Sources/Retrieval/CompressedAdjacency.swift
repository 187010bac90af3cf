/// A weighted adjacency in compressed sparse row form: the neighbours of node `i` are
/// `targets[offsets[i]..<offsets[i + 1]]`, with the matching `weights`.
///
/// ```swift
/// let adjacency = CompressedAdjacency(nodeCount: 2, edges: [(0, 1, 0.5)])
/// adjacency.neighbors(of: 0)   // 0..<1 (indices into targets / weights)
/// ```
public struct CompressedAdjacency: Sendable, Hashable {
    /// Row starts; `offsets.count == nodeCount + 1`.
    public private(set) var offsets: [Int32]
    /// Neighbour of each entry.
    public private(set) var targets: [Int32]
    /// Weight of each entry.
    public private(set) var weights: [Float]

    /// Builds the rows from an edge list; parallel edges are merged by adding their weights.
    public init(nodeCount: Int, edges: [(source: Int32, target: Int32, weight: Float)]) {
        var sorted = edges
        sorted.sort { ($0.source, $0.target) < ($1.source, $1.target) }
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        var targets: [Int32] = []
        var weights: [Float] = []
        targets.reserveCapacity(sorted.count)
        weights.reserveCapacity(sorted.count)
        var previous: (Int32, Int32)? = nil
        for edge in sorted {
            if let last = previous, last == (edge.source, edge.target) {
                weights[weights.count - 1] += edge.weight
                continue
            }
            targets.append(edge.target)
            weights.append(edge.weight)
            offsets[Int(edge.source) + 1] += 1
            previous = (edge.source, edge.target)
        }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
    }

    /// Rows given directly (as read from an index file); nil when the arrays do not form valid rows.
    init?(offsets: [Int32], targets: [Int32], weights: [Float]) {
        guard let first = offsets.first, first == 0, let last = offsets.last, Int(last) == targets.count,
            targets.count == weights.count, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
            targets.allSatisfy({ $0 >= 0 && Int($0) < offsets.count - 1 })
        else { return nil }
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
    }

    /// The number of rows.
    public var nodeCount: Int { offsets.count - 1 }

    /// The entry indices of a node's neighbours.
    @inline(__always)
    public func neighbors(of node: Int) -> Range<Int> { Int(offsets[node])..<Int(offsets[node + 1]) }

    /// The number of neighbours of a node.
    @inline(__always)
    public func degree(of node: Int) -> Int { Int(offsets[node + 1] - offsets[node]) }
}
