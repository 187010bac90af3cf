import QuiverCore
import Testing
@testable import PropertyGraph

@Suite("GraphStore basics")
struct GraphStoreTests {
    @Test("nodes, relationships and values materialize with names and properties")
    func materializeValues() throws {
        let graph = GraphStore()
        let ann = graph.addNode(labels: ["Person", "Admin"], properties: ["name": "Ann", "age": 42])
        let bob = graph.addNode(labels: ["Person"], properties: ["name": "Bob"])
        let knows = try graph.addRelationship(type: "KNOWS", from: ann, to: bob, properties: ["since": 2001])
        let node = graph.node(ann)
        #expect(node.id == ann)
        #expect(node.labels == ["Person", "Admin"])
        #expect(node.properties == ["name": "Ann", "age": 42])
        let rel = graph.relationship(knows)
        #expect(rel.type == "KNOWS" && rel.startID == ann && rel.endID == bob)
        #expect(rel.properties == ["since": 2001])
        #expect(graph.sortedNodeProperties(ann).map(\.key) == ["age", "name"])
    }

    @Test("ids stay stable and are never reused after deletes")
    func stableIDs() throws {
        let graph = GraphStore()
        let a = graph.addNode(), b = graph.addNode()
        try graph.deleteNode(a)
        let c = graph.addNode()
        #expect(c == 2 && b == 1)
        #expect(!graph.isAlive(node: a) && graph.isAlive(node: b))
        #expect(graph.nodeIDLimit == 3 && graph.nodeCount == 2)
        #expect(throws: GraphStoreError.nodeNotFound(a)) { try graph.setNodeProperty(a, "x", 1) }
    }

    @Test("deleting a connected node fails until it is detached")
    func deleteConnectedNode() throws {
        let graph = GraphStore()
        let a = graph.addNode(), b = graph.addNode()
        try graph.addRelationship(type: "R", from: a, to: b)
        #expect(throws: GraphStoreError.nodeHasRelationships(node: a, count: 1)) { try graph.deleteNode(a) }
        try graph.detachDeleteNode(a)
        #expect(graph.relationshipCount == 0 && graph.degree(of: b, type: nil, direction: .both) == 0)
    }

    @Test("a self-loop is reported once for both directions and once per single direction")
    func selfLoop() throws {
        let graph = GraphStore()
        let a = graph.addNode()
        let r = try graph.addRelationship(type: "R", from: a, to: a)
        #expect(graph.neighbors(of: a, type: nil, direction: .both).map(\.relationship) == [r])
        #expect(graph.degree(of: a, type: nil, direction: .outgoing) == 1)
        #expect(graph.degree(of: a, type: nil, direction: .incoming) == 1)
        graph.compact()
        #expect(graph.degree(of: a, type: nil, direction: .both) == 1)
    }

    @Test("typed columns stay typed and fall back to values for mixed types")
    func typedColumns() throws {
        let graph = GraphStore()
        let a = graph.addNode(properties: ["age": 30])
        let b = graph.addNode(properties: ["age": 50])
        let age = try #require(graph.propertyKeyID("age"))
        #expect(graph.nodeColumn(key: age)?.kind == .int)
        #expect(graph.nodeColumn(key: age)?.int64(b) == 50)
        try graph.setNodeProperty(a, "age", "thirty")
        #expect(graph.nodeColumn(key: age)?.kind == .mixed)
        #expect(graph.nodeProperty(a, "age") == "thirty")
        #expect(graph.nodeProperty(b, age) == 50)
        try graph.setNodeProperty(b, "age", .null)
        #expect(graph.nodeProperty(b, "age") == .null)
        #expect(graph.nodeProperties(b).isEmpty)
    }

    @Test("graph entities are refused as property values")
    func refusesEntityProperties() throws {
        let graph = GraphStore()
        let a = graph.addNode()
        #expect(throws: GraphStoreError.self) { try graph.setNodeProperty(a, "n", .node(graph.node(a))) }
    }

    @Test("more than 64 labels are kept per node")
    func manyLabels() throws {
        let graph = GraphStore()
        let early = graph.addNode(labels: ["L0"])
        let names = (0..<150).map { "L\($0)" }
        let node = graph.addNode(labels: names)
        #expect(graph.labelNames(of: node) == names)
        #expect(graph.labelNames(of: early) == ["L0"])
        try graph.removeLabel("L100", from: node)
        #expect(graph.labelNames(of: node).count == 149)
        #expect(graph.nodeIDs(label: graph.labelID("L0")) == [early, node])
        let copy = try GraphStore(snapshot: graph.snapshotBytes())
        #expect(copy.labelNames(of: node) == graph.labelNames(of: node))
    }

    @Test("equality index follows property and label changes")
    func indexMaintenance() throws {
        let graph = GraphStore()
        let a = graph.addNode(labels: ["P"], properties: ["id": 1])
        graph.createIndex(label: "P", key: "id")
        let label = try #require(graph.labelID("P")), key = try #require(graph.propertyKeyID("id"))
        let b = graph.addNode(labels: ["P"], properties: ["id": 1])
        #expect(graph.indexLookup(label: label, key: key, value: 1) == [a, b])
        #expect(graph.indexLookup(label: label, key: key, value: 1.0) == [a, b])
        try graph.setNodeProperty(a, "id", 2)
        #expect(graph.indexLookup(label: label, key: key, value: 1) == [b])
        try graph.removeLabel("P", from: b)
        #expect(graph.indexLookup(label: label, key: key, value: 1) == [])
        #expect(graph.indexLookup(label: label, key: key, value: .null) == [])
        #expect(graph.indexLookup(label: label, key: try #require(graph.propertyKeyID("id")) + 1, value: 1) == nil)
    }

    @Test("transactions refuse misuse and the helper rolls back on error")
    func transactionHelper() throws {
        let graph = GraphStore()
        #expect(throws: GraphStoreError.self) { try graph.commit() }
        #expect(throws: GraphStoreError.self) { try graph.rollback() }
        let before = graph.snapshotBytes()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try graph.transaction {
                let n = graph.addNode(labels: ["New"], properties: ["k": "v"])
                try graph.addRelationship(type: "T", from: n, to: n)
                throw Boom()
            }
        }
        #expect(graph.snapshotBytes() == before)
        #expect(graph.labelID("New") == nil && graph.typeID("T") == nil && graph.propertyKeyID("k") == nil)
        try graph.begin()
        #expect(throws: GraphStoreError.self) { try graph.begin() }
        try graph.commit()
    }

    @Test("bulk arrays fill the CSR directly")
    func bulkArrays() throws {
        let graph = GraphStore()
        let nodes = try graph.bulkAddNodes(count: 4, labels: ["N"], properties: ["v": [1, 2, .null, "x"]])
        let rels = try graph.bulkAddRelationships(type: "E", starts: [0, 0, 1, 3], ends: [1, 2, 2, 0],
                                                  properties: ["w": [1.5, 2.5, .null, 4.5]])
        #expect(nodes == 0..<4 && rels == 0..<4)
        #expect(graph.nodeProperty(3, "v") == "x" && graph.nodeProperty(2, "v") == .null)
        #expect(graph.relationshipProperty(1, "w") == 2.5)
        #expect(graph.neighbors(of: 0, type: graph.typeID("E"), direction: .outgoing).map(\.neighbor) == [1, 2])
        checkInvariants(graph)
    }

    @Test("bulk relationships of many types share one CSR build")
    func bulkManyTypes() throws {
        let graph = GraphStore()
        try graph.bulkAddNodes(count: 3, labels: ["N"])
        let rels = try graph.bulkAddRelationships(typeNames: ["A", "B"], types: [1, 0, 1], starts: [0, 1, 2], ends: [1, 2, 0])
        #expect(rels == 0..<3)
        #expect(graph.typeNames == ["A", "B"])
        #expect(graph.relationshipCount(type: graph.typeID("B") ?? -1) == 2)
        #expect(graph.neighbors(of: 2, type: graph.typeID("B"), direction: .outgoing).map(\.neighbor) == [0])
        #expect(graph.neighbors(of: 2, type: graph.typeID("A"), direction: .incoming).map(\.neighbor) == [1])
        #expect(throws: GraphStoreError.self) {
            try graph.bulkAddRelationships(typeNames: ["A"], types: [1], starts: [0], ends: [1])
        }
        #expect(graph.relationshipCount == 3)
        checkInvariants(graph)
    }

    @Test("bulk relationships of many types carry property columns")
    func bulkManyTypesWithProperties() throws {
        let graph = GraphStore()
        try graph.bulkAddNodes(count: 3, labels: ["N"])
        try graph.bulkAddRelationships(
            typeNames: ["A", "B"], types: [1, 0], starts: [0, 1], ends: [1, 2], properties: ["w": [0.5, .null], "s": ["x", "y"]])
        #expect(graph.relationshipProperty(0, "w") == 0.5 && graph.relationshipProperty(1, "w") == .null)
        #expect(graph.relationshipProperty(1, "s") == "y")
        #expect(throws: GraphStoreError.self) {
            try graph.bulkAddRelationships(typeNames: ["A"], types: [0], starts: [0], ends: [1], properties: ["w": [1, 2]])
        }
        #expect(graph.relationshipCount == 2)
        checkInvariants(graph)
    }

    @Test("JSONL export tells integers from floats and escapes strings")
    func jsonLines() throws {
        let graph = GraphStore()
        let a = graph.addNode(labels: ["A"], properties: ["i": 1, "f": 2.0, "n": .float(.nan), "s": "q\"\n"])
        try graph.addRelationship(type: "R", from: a, to: a)
        let lines = graph.jsonLines().split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == #"{"kind":"node","id":0,"labels":["A"],"properties":{"f":2.0,"i":1,"n":{"$float":"NaN"},"s":"q\"\n"}}"#)
        #expect(lines[1] == #"{"kind":"relationship","id":0,"type":"R","start":0,"end":0,"properties":{}}"#)
    }
}

@Suite("GraphStore copies and expand-into")
struct GraphStoreCopyTests {
    @Test("a copy is independent of the original")
    func copyIsIndependent() throws {
        let graph = GraphStore()
        let a = graph.addNode(labels: ["A"], properties: ["x": 1])
        let before = graph.snapshotBytes()
        let copy = try graph.copy()
        let b = copy.addNode(labels: ["B"])
        try copy.addRelationship(type: "R", from: a, to: b)
        try copy.setNodeProperty(a, "x", 2)
        #expect(graph.snapshotBytes() == before)
        #expect(copy.nodeProperty(a, "x") == 2 && copy.relationshipCount == 1)
        checkInvariants(copy)
        checkInvariants(graph)
    }

    @Test("relationships between two nodes are found from either side", arguments: [false, true])
    func expandInto(compacted: Bool) throws {
        let graph = GraphStore()
        let hub = graph.addNode(), leaf = graph.addNode(), other = graph.addNode()
        for _ in 0..<5 { try graph.addRelationship(type: "R", from: hub, to: other) }
        let r1 = try graph.addRelationship(type: "R", from: hub, to: leaf)
        let r2 = try graph.addRelationship(type: "S", from: leaf, to: hub)
        if compacted { graph.compact() }
        var found: [Int] = []
        graph.forEachRelationship(between: hub, and: leaf, type: nil, direction: .both) { found.append($0) }
        #expect(found.sorted() == [r1, r2])
        found = []
        graph.forEachRelationship(between: leaf, and: hub, type: graph.typeID("R"), direction: .incoming) { found.append($0) }
        #expect(found == [r1])
    }
}

@Suite("GraphStore edge cases")
struct GraphStoreEdgeCaseTests {
    @Test("out-of-range and negative ids read as absent instead of trapping", arguments: [-1, -64, 5, 1_000])
    func badIDsReadAsAbsent(id: Int) {
        let graph = GraphStore()
        graph.addNode(labels: ["A"], properties: ["k": 1])
        #expect(!graph.isAlive(node: id) && !graph.isAlive(relationship: id))
        #expect(graph.nodeProperty(id, 0) == .null && graph.nodeProperty(id, "k") == .null)
        #expect(graph.labels(of: id).isEmpty && !graph.hasLabel(node: id, label: 0))
        #expect(graph.degree(of: id, type: nil, direction: .both) == 0)
        #expect(graph.neighbors(of: id, type: nil, direction: .both).isEmpty)
    }

    @Test("index lookups of values holding null or NaN match nothing", arguments: [
        Value.null, .float(.nan), .list([1, .null]), .map(["a": .float(.nan)]),
    ])
    func indexIgnoresUnknownEquality(value: Value) throws {
        let graph = GraphStore()
        graph.createIndex(label: "A", key: "k")
        graph.addNode(labels: ["A"], properties: ["k": value])
        let label = try #require(graph.labelID("A")), key = try #require(graph.propertyKeyID("k"))
        #expect(graph.indexLookup(label: label, key: key, value: value) == [])
    }
}
