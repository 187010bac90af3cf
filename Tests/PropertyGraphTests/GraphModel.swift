import QuiverCore
import Testing
@testable import PropertyGraph

/// A deterministic pseudo-random generator (SplitMix64) so randomized tests replay exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Checks every derived structure of `graph` against a brute-force reading of its base tables.
func checkInvariants(_ graph: GraphStore, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    var liveNodes: [Int] = []
    for id in 0..<graph.nodeIDLimit where graph.isAlive(node: id) { liveNodes.append(id) }
    var liveRels: [Int] = []
    for id in 0..<graph.relationshipIDLimit where graph.isAlive(relationship: id) { liveRels.append(id) }
    #expect(graph.nodeCount == liveNodes.count, sourceLocation: sourceLocation)
    #expect(graph.relationshipCount == liveRels.count, sourceLocation: sourceLocation)
    #expect(graph.nodeIDs() == liveNodes, sourceLocation: sourceLocation)
    #expect(graph.relationshipIDs() == liveRels, sourceLocation: sourceLocation)
    for label in graph.labelNames.indices {
        let expected = liveNodes.filter { graph.hasLabel(node: $0, label: label) }
        #expect(graph.nodeIDs(label: label) == expected, "label \(graph.labelName(label))", sourceLocation: sourceLocation)
        #expect(graph.nodeCount(label: label) == expected.count, sourceLocation: sourceLocation)
    }
    for type in graph.typeNames.indices {
        let expected = liveRels.filter { graph.relationshipType($0) == type }
        #expect(graph.relationshipCount(type: type) == expected.count, sourceLocation: sourceLocation)
        #expect(graph.relationshipIDs(type: type) == expected, sourceLocation: sourceLocation)
    }
    for rel in liveRels {
        #expect(graph.isAlive(node: graph.startNode(of: rel)) && graph.isAlive(node: graph.endNode(of: rel)),
                "relationship \(rel) has a deleted endpoint", sourceLocation: sourceLocation)
    }
    let typeChoices: [Int?] = [nil] + graph.typeNames.indices.map { Optional($0) }
    for node in liveNodes {
        for type in typeChoices {
            let ofType = liveRels.filter { type == nil || graph.relationshipType($0) == type }
            let out = ofType.filter { graph.startNode(of: $0) == node }.map { [$0, graph.endNode(of: $0)] }
            let inc = ofType.filter { graph.endNode(of: $0) == node }.map { [$0, graph.startNode(of: $0)] }
            let both = out + inc.filter { $0[1] != node }
            for (direction, expected) in [(GraphStore.Direction.outgoing, out), (.incoming, inc), (.both, both)] {
                let actual = graph.neighbors(of: node, type: type, direction: direction).map { [$0.relationship, $0.neighbor] }
                #expect(actual.sorted { $0.lexicographicallyPrecedes($1) } == expected.sorted { $0.lexicographicallyPrecedes($1) },
                        "node \(node) type \(String(describing: type)) \(direction)", sourceLocation: sourceLocation)
                if type != nil && direction != .both {
                    #expect(actual.map { $0[0] } == actual.map { $0[0] }.sorted(), "typed rows are in id order", sourceLocation: sourceLocation)
                }
                #expect(graph.degree(of: node, type: type, direction: direction) == expected.count, sourceLocation: sourceLocation)
                if direction != .both {
                    graph.withAdjacency(direction) { csr in
                        guard csr.isComplete else { return }
                        let row = csr.range(of: node, type: type).map { [Int(csr.relationships[$0]), Int(csr.neighbors[$0])] }
                        #expect(row == actual, "raw CSR view of node \(node)", sourceLocation: sourceLocation)
                    }
                }
            }
        }
    }
    for (labelName, keyName) in graph.indexDefinitions {
        guard let label = graph.labelID(labelName), let key = graph.propertyKeyID(keyName) else { continue }
        var expected: [Value: [Int]] = [:]
        for node in liveNodes where graph.hasLabel(node: node, label: label) {
            let value = graph.nodeProperty(node, key)
            if !value.isNull { expected[value, default: []].append(node) }
        }
        for (value, nodes) in expected {
            #expect(graph.indexLookup(label: label, key: key, value: value) == nodes, sourceLocation: sourceLocation)
        }
        #expect(graph.indexLookup(label: label, key: key, value: .string("never-stored")) == [], sourceLocation: sourceLocation)
    }
}

/// Applies one random write to `graph`, drawing from a small vocabulary so collisions are common.
func randomWrite(_ graph: GraphStore, _ rng: inout SeededGenerator) throws {
    let live = graph.nodeIDs()
    let rels = graph.relationshipIDs()
    let labelNames = ["A", "B", "C"]
    func randomValue() -> Value {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: .int(Int64.random(in: 0..<4, using: &rng))
        case 1: .string(["x", "y"].randomElement(using: &rng) ?? "x")
        case 2: .float(Double(Int.random(in: 0..<3, using: &rng)))
        case 3: .list([.int(1), .string("a")])
        default: .null
        }
    }
    switch Int.random(in: 0..<12, using: &rng) {
    case 0, 1:
        let labels = labelNames.filter { _ in Bool.random(using: &rng) }
        graph.addNode(labels: labels, properties: ["k": randomValue(), "n": .int(Int64(graph.nodeIDLimit))])
    case 2, 3, 4:
        guard let a = live.randomElement(using: &rng), let b = live.randomElement(using: &rng) else { return }
        try graph.addRelationship(type: ["R", "S"].randomElement(using: &rng) ?? "R", from: a, to: b,
                                  properties: ["w": randomValue()])
    case 5:
        guard let r = rels.randomElement(using: &rng) else { return }
        try graph.deleteRelationship(r)
    case 6:
        guard let n = live.randomElement(using: &rng) else { return }
        if graph.degree(of: n, type: nil, direction: .both) > 0 {
            #expect(throws: GraphStoreError.self) { try graph.deleteNode(n) }
            try graph.detachDeleteNode(n)
        } else {
            try graph.deleteNode(n)
        }
    case 7, 8:
        guard let n = live.randomElement(using: &rng) else { return }
        try graph.setNodeProperty(n, "k", randomValue())
    case 9:
        guard let n = live.randomElement(using: &rng) else { return }
        try graph.addLabel(labelNames.randomElement(using: &rng) ?? "A", to: n)
    case 10:
        guard let n = live.randomElement(using: &rng) else { return }
        try graph.removeLabel(labelNames.randomElement(using: &rng) ?? "A", from: n)
    default:
        guard let r = rels.randomElement(using: &rng) else { return }
        try graph.setRelationshipProperty(r, "w", randomValue())
    }
}
