import Foundation
import QuiverCore
import Testing
@testable import PropertyGraph

/// Writes CSV files to a fresh temporary directory and imports them.
struct CSVFixture {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite("CSV import")
struct CSVImportTests {
    @Test("typed headers, labels, id spaces, arrays and a default type")
    func typedImport() throws {
        let fx = try CSVFixture()
        defer { fx.remove() }
        let people = try fx.file("people.csv", """
            uid:ID(People),age:int,score:double,ok:boolean,tags:string[],nums:long[],:LABEL
            p1,42,1.5,true,a;b,1;2,Person;Admin
            p2,,2,FALSE,,,Person
            """)
        let cities = try fx.file("cities.csv", ":ID(Cities),name\n1,Paris\n2,\"\"\n")
        let lives = try fx.file("lives.csv", ":START_ID(People),:END_ID(Cities),since:int\np1,1,2001\np2,2,\n")
        let graph = GraphStore()
        let summary = try graph.importCSV(
            nodes: [CSVImportFile(path: people), CSVImportFile(argument: "City=\(cities)")],
            relationships: [CSVImportFile(argument: "LIVES_IN=\(lives)")])
        #expect(summary == CSVImportSummary(nodes: 4, relationships: 2))
        #expect(graph.node(0).labels == ["Person", "Admin"])
        #expect(graph.node(0).properties == ["uid": "p1", "age": 42, "score": 1.5, "ok": true, "tags": ["a", "b"], "nums": [1, 2]])
        #expect(graph.node(1).properties == ["uid": "p2", "score": 2.0, "ok": false])
        #expect(graph.node(2).labels == ["City"] && graph.node(2).properties == ["name": "Paris"])
        #expect(graph.nodeProperty(3, "name") == "", "a quoted empty field is the empty string")
        let rel = graph.relationship(1)
        #expect(rel.type == "LIVES_IN" && rel.startID == 1 && rel.endID == 3 && rel.properties.isEmpty)
        #expect(graph.relationshipProperty(0, "since") == 2001)
        checkInvariants(graph)
    }

    @Test("RFC 4180 quoting: delimiters, newlines and doubled quotes inside quotes, CRLF records")
    func quoting() throws {
        let fx = try CSVFixture()
        defer { fx.remove() }
        let nodes = try fx.file("n.csv", ":ID,text\r\n1,\"a,b\"\r\n2,\"line1\nline2\"\r\n3,\"say \"\"hi\"\"\"\r\n4,plain\r\n")
        let graph = GraphStore()
        try graph.importCSV(nodes: [CSVImportFile(path: nodes)], relationships: [])
        #expect(graph.nodeIDs().map { graph.nodeProperty($0, "text") } == ["a,b", "line1\nline2", "say \"hi\"", "plain"])
    }

    @Test("a byte-order mark is skipped and a header-only file adds nothing")
    func byteOrderMarkAndEmptyFile() throws {
        let fx = try CSVFixture()
        defer { fx.remove() }
        let withMark = try fx.file("bom.csv", "\u{FEFF}:ID,name\n1,Ann\n")
        let empty = try fx.file("empty.csv", ":ID,name\n")
        let graph = GraphStore()
        let summary = try graph.importCSV(nodes: [CSVImportFile(path: withMark), CSVImportFile(path: empty)], relationships: [])
        #expect(summary.nodes == 1)
        #expect(graph.nodeProperties(0) == ["name": "Ann"])
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        let name: String
        let nodes: String
        let rels: String?
        let file: String
        let line: Int
        let mentions: String
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(name: "bad integer after a multi-line field", nodes: ":ID,note,age:int\n1,\"two\nlines\",3\n2,x,old\n",
                rels: nil, file: "n.csv", line: 4, mentions: "`old`"),
        BadCase(name: "unknown header type", nodes: ":ID,age:integer\n1,2\n", rels: nil, file: "n.csv", line: 1, mentions: "unknown type"),
        BadCase(name: "duplicate id", nodes: ":ID\n1\n2\n1\n", rels: nil, file: "n.csv", line: 4, mentions: "duplicate"),
        BadCase(name: "wrong field count", nodes: ":ID,a\n1,x\n2\n", rels: nil, file: "n.csv", line: 3, mentions: "1 fields"),
        BadCase(name: "unclosed quote", nodes: ":ID,a\n1,\"x\n", rels: nil, file: "n.csv", line: 2, mentions: "never closed"),
        BadCase(name: "unknown end node", nodes: ":ID\n1\n2\n", rels: ":START_ID,:END_ID,:TYPE\n1,2,R\n2,9,R\n",
                file: "r.csv", line: 3, mentions: "`9`"),
        BadCase(name: "missing type", nodes: ":ID\n1\n", rels: ":START_ID,:END_ID\n1,1\n", file: "r.csv", line: 1, mentions: ":TYPE"),
        BadCase(name: "bad boolean", nodes: ":ID,ok:boolean\n1,yes\n", rels: nil, file: "n.csv", line: 2, mentions: "boolean"),
        BadCase(name: "two id columns", nodes: ":ID,x:ID\n1,2\n", rels: nil, file: "n.csv", line: 1, mentions: "more than one :ID"),
        BadCase(name: "leading zeros make a different string id", nodes: ":ID\n7\n", rels: ":START_ID,:END_ID,:TYPE\n007,7,R\n",
                file: "r.csv", line: 2, mentions: "`007`"),
    ]

    @Test("errors name the file and line and say what to fix", arguments: badCases)
    func errorPositions(bad: BadCase) throws {
        let fx = try CSVFixture()
        defer { fx.remove() }
        let nodes = try fx.file("n.csv", bad.nodes)
        let rels = try bad.rels.map { try fx.file("r.csv", $0) }
        let graph = GraphStore()
        graph.addNode(labels: ["Existing"], properties: ["k": 1])
        let before = graph.snapshotBytes()
        defer { #expect(graph.snapshotBytes() == before, "a failed import leaves the graph unchanged") }
        do {
            try graph.importCSV(nodes: [CSVImportFile(path: nodes)], relationships: rels.map { [CSVImportFile(path: $0)] } ?? [])
            Issue.record("import of \(bad.name) succeeded")
        } catch let GraphStoreError.importFailed(file, line, message) {
            #expect(file.hasSuffix(bad.file))
            #expect(line == bad.line, "\(message)")
            #expect(message.contains(bad.mentions), "\(message)")
        }
    }

    @Test("the benchmark's CSV layout loads and matches a direct build")
    func benchmarkLayout() throws {
        let fx = try CSVFixture()
        defer { fx.remove() }
        let people = try fx.file("person.csv", ":ID,id:int,name,age:int,:LABEL\n0,0,p0,58,Person\n1,1,p1,25,Person\n2,2,p2,70,Person\n")
        let knows = try fx.file("knows.csv", ":START_ID,:END_ID,since:int,:TYPE\n0,1,1993,KNOWS\n2,0,2010,KNOWS\n0,2,2001,KNOWS\n")
        let graph = GraphStore()
        try graph.importCSV(nodes: [CSVImportFile(path: people)], relationships: [CSVImportFile(path: knows)])
        let direct = GraphStore()
        try direct.bulkAddNodes(count: 3, labels: ["Person"], properties: ["id": [0, 1, 2], "name": ["p0", "p1", "p2"], "age": [58, 25, 70]])
        try direct.bulkAddRelationships(type: "KNOWS", starts: [0, 2, 0], ends: [1, 0, 2], properties: ["since": [1993, 2010, 2001]])
        #expect(graph.jsonLines() == direct.jsonLines())
        let age = try #require(graph.propertyKeyID("age"))
        #expect(graph.nodeColumn(key: age)?.kind == .int)
        #expect(graph.neighbors(of: 0, type: 0, direction: .outgoing).map(\.neighbor) == [1, 2])
        #expect(graph.neighbors(of: 0, type: 0, direction: .incoming).map(\.neighbor) == [2])
    }
}

@Suite("CSV import across files")
struct CSVMultiFileTests {
    @Test("files sharing a property append to one column; a type clash falls back to mixed values")
    func sharedColumns() throws {
        let fx = try CSVFixture()
        defer { fx.remove() }
        let first = try fx.file("a.csv", ":ID,age:int,tag\n1,10,x\n2,,y\n")
        let second = try fx.file("b.csv", ":ID,age:int,tag:int\n3,30,7\n")
        let graph = GraphStore()
        try graph.importCSV(nodes: [CSVImportFile(path: first), CSVImportFile(path: second)], relationships: [])
        let age = try #require(graph.propertyKeyID("age")), tag = try #require(graph.propertyKeyID("tag"))
        #expect(graph.nodeColumn(key: age)?.kind == .int)
        #expect(graph.nodeIDs().map { graph.nodeProperty($0, age) } == [10, .null, 30])
        #expect(graph.nodeColumn(key: tag)?.kind == .mixed)
        #expect(graph.nodeIDs().map { graph.nodeProperty($0, tag) } == ["x", "y", 7])
        let copy = try GraphStore(snapshot: graph.snapshotBytes())
        #expect(copy.jsonLines() == graph.jsonLines())
    }
}
