import QuiverCore
import Testing
@testable import CypherTCK

@Suite("Strict result comparison")
struct ResultComparisonTests {
    private func compare(
        _ table: [[String]], _ columns: [String], _ rows: [[Value]], ordered: Bool = false, lists: Bool = false
    ) throws -> String? {
        try ResultComparison.compare(expected: table, columns: columns, rows: rows, ordered: ordered, listsUnordered: lists)
    }

    @Test("Rows are a bag unless the step says in order")
    func bagVersusOrder() throws {
        let table = [["x"], ["1"], ["2"], ["2"]]
        #expect(try compare(table, ["x"], [[2], [1], [2]]) == nil)
        #expect(try compare(table, ["x"], [[2], [1], [2]], ordered: true) != nil)
        #expect(try compare(table, ["x"], [[1], [2], [2]], ordered: true) == nil)
        // Multiplicity counts: a bag is not a set.
        #expect(try compare(table, ["x"], [[1], [2]]) != nil)
        #expect(try compare(table, ["x"], [[1], [2], [2], [2]]) != nil)
    }

    @Test("Lists inside values keep their order unless the step ignores it")
    func listOrder() throws {
        let table = [["l"], ["[1, [2, 3]]"]]
        #expect(try compare(table, ["l"], [[[1, [3, 2]]]]) != nil)
        #expect(try compare(table, ["l"], [[[[3, 2], 1]]], lists: true) == nil)
        #expect(try compare(table, ["l"], [[[1, 1, [2, 3]]]], lists: true) != nil)
    }

    @Test("Integers and floats are different values", arguments: [
        ("1", Value.float(1), false), ("1.0", .int(1), false), ("1", .int(1), true), ("1.0", .float(1), true),
        ("[1]", .list([.float(1)]), false), ("{k: 1}", .map(["k": .float(1)]), false),
        ("0.0", .float(-0.0), true), ("0.1", .float(0.1), true), ("0.30000000000000004", .float(0.1 + 0.2), true),
    ])
    func intVersusFloat(text: String, actual: Value, matches: Bool) throws {
        #expect(try (compare([["v"], [text]], ["v"], [[actual]]) == nil) == matches)
    }

    @Test("NaN matches NaN; infinities match by sign")
    func nanAndInfinity() throws {
        #expect(try compare([["v"], ["NaN"]], ["v"], [[.float(.nan)]]) == nil)
        #expect(try compare([["v"], ["NaN"]], ["v"], [[.float(1)]]) != nil)
        #expect(try compare([["v"], ["-Inf"]], ["v"], [[.float(-.infinity)]]) == nil)
        #expect(try compare([["v"], ["Inf"]], ["v"], [[.float(-.infinity)]]) != nil)
    }

    @Test("Column names and their order are checked exactly")
    func columns() throws {
        let table = [["a", "count(*)"], ["1", "2"]]
        #expect(try compare(table, ["a", "count(*)"], [[1, 2]]) == nil)
        #expect(try compare(table, ["count(*)", "a"], [[2, 1]]) != nil)
        #expect(try compare(table, ["a", "count( * )"], [[1, 2]]) != nil)
        #expect(try compare(table, ["a"], [[1]]) != nil)
    }

    @Test("Nodes match by label set and properties, not identity")
    func nodes() throws {
        let table = [["n"], ["(:A:B {name: 'x'})"]]
        let node = Node(id: 7, labels: ["B", "A"], properties: ["name": "x"])
        #expect(try compare(table, ["n"], [[.node(node)]]) == nil)
        var other = node
        other.labels = ["A"]
        #expect(try compare(table, ["n"], [[.node(other)]]) != nil)
        other = node
        other.properties["age"] = 1
        #expect(try compare(table, ["n"], [[.node(other)]]) != nil)
        #expect(try compare(table, ["n"], [[.map(["name": "x"])]]) != nil)
    }

    @Test("Relationships match by type and properties; paths by hops and directions")
    func relationshipsAndPaths() throws {
        let a = Node(id: 1, labels: ["A"], properties: [:])
        let b = Node(id: 2, labels: ["B"], properties: [:])
        let knows = Relationship(id: 9, type: "T", startID: 1, endID: 2, properties: ["k": 1])
        #expect(try compare([["r"], ["[:T {k: 1}]"]], ["r"], [[.relationship(knows)]]) == nil)
        #expect(try compare([["r"], ["[:S {k: 1}]"]], ["r"], [[.relationship(knows)]]) != nil)
        let forward = Value.path(Path(nodes: [a, b], relationships: [knows]))
        let backward = Value.path(Path(nodes: [b, a], relationships: [knows]))
        #expect(try compare([["p"], ["<(:A)-[:T {k: 1}]->(:B)>"]], ["p"], [[forward]]) == nil)
        #expect(try compare([["p"], ["<(:B)<-[:T {k: 1}]-(:A)>"]], ["p"], [[backward]]) == nil)
        #expect(try compare([["p"], ["<(:A)<-[:T {k: 1}]-(:B)>"]], ["p"], [[forward]]) != nil)
        #expect(try compare([["p"], ["<(:A)>"]], ["p"], [[.path(Path(nodes: [a], relationships: []))]]) == nil)
    }

    @Test("Strings compare exactly; an expected cell that does not parse is an error")
    func stringsAndBadCells() throws {
        #expect(try compare([["s"], ["'a'"]], ["s"], [["a"]]) == nil)
        #expect(try compare([["s"], ["'a'"]], ["s"], [["A"]]) != nil)
        #expect(throws: TCKValueError.self) { try compare([["s"], ["'a"]], ["s"], [["a"]]) }
    }
}

@Suite("Side effects")
struct SideEffectsTests {
    @Test("A changed property counts as one removed and one added; labels count distinct")
    func counting() {
        let before = GraphObservation(
            nodes: [Node(id: 1, labels: ["A"], properties: ["k": 1]), Node(id: 2, labels: ["A"], properties: [:])],
            relationships: [])
        let after = GraphObservation(
            nodes: [Node(id: 1, labels: ["A", "B"], properties: ["k": 2]), Node(id: 3, labels: ["C"], properties: [:])],
            relationships: [Relationship(id: 1, type: "T", startID: 1, endID: 3, properties: ["w": 1.5])])
        let effects = SideEffects(before: before, after: after)
        #expect(effects.counts == [
            "+nodes": 1, "-nodes": 1, "+relationships": 1, "-relationships": 0,
            "+properties": 2, "-properties": 1, "+labels": 2, "-labels": 0,
        ])
        #expect(effects.mismatch(expected: effects.counts) == nil)
        #expect(effects.mismatch(expected: ["+nodes": 1]) != nil)
        #expect(SideEffects(before: before, after: before).mismatch(expected: [:]) == nil)
    }

    @Test("Setting an integer property to the equal float is a change")
    func intToFloat() {
        let before = GraphObservation(nodes: [Node(id: 1, labels: [], properties: ["k": 1])], relationships: [])
        let after = GraphObservation(nodes: [Node(id: 1, labels: [], properties: ["k": 1.0])], relationships: [])
        #expect(SideEffects(before: before, after: after).counts["+properties"] == 1)
    }
}
