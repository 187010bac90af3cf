import Foundation
import QuiverCore
import Testing
@testable import PropertyGraph

@Suite("Snapshots")
struct SnapshotTests {
    func sampleGraph() throws -> GraphStore {
        let graph = GraphStore()
        let a = graph.addNode(labels: ["P"], properties: ["name": "Ann", "tags": ["x", 1], "m": ["k": 1.5]])
        let b = graph.addNode(labels: ["P", "Q"], properties: ["name": "Bob", "ok": true])
        try graph.addRelationship(type: "KNOWS", from: a, to: b, properties: ["since": 1999])
        graph.createIndex(label: "P", key: "name")
        return graph
    }

    @Test("save writes atomically and load restores the graph")
    func saveAndLoad() throws {
        let graph = try sampleGraph()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-snap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("g.qgraph").path
        try graph.save(to: path)
        try graph.save(to: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["g.qgraph"])
        let loaded = try GraphStore.load(from: path)
        #expect(loaded.snapshotBytes() == graph.snapshotBytes())
        #expect(loaded.indexLookup(label: 0, key: try #require(loaded.propertyKeyID("name")), value: "Bob") == [1])
        #expect(loaded.nodeProperty(0, "m") == ["k": 1.5])
    }

    @Test("the same graph built twice saves the same bytes")
    func deterministicBytes() throws {
        #expect(try sampleGraph().snapshotBytes() == sampleGraph().snapshotBytes())
    }

    @Test("a damaged snapshot is rejected with a reason", arguments: ["flip", "truncate", "magic", "version", "empty"])
    func rejectsDamage(damage: String) throws {
        var bytes = try sampleGraph().snapshotBytes()
        switch damage {
        case "flip": bytes[bytes.count / 2] ^= 0x40
        case "truncate": bytes.removeLast(9)
        case "magic": bytes[0] = UInt8(ascii: "X")
        case "version": bytes[8] = 99
        default: bytes = []
        }
        do {
            _ = try GraphStore(snapshot: bytes, path: "g.qgraph")
            Issue.record("damaged snapshot (\(damage)) was accepted")
        } catch let error as GraphStoreError {
            guard case .snapshotFailed(let path, let message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(path == "g.qgraph")
            let expected = ["flip": "checksum", "truncate": "checksum", "magic": "magic", "version": "version", "empty": "magic"]
            #expect(message.contains(expected[damage] ?? "?"), "\(message)")
        }
    }

    @Test("loading a missing file names the path")
    func missingFile() {
        #expect(throws: GraphStoreError.self) { try GraphStore.load(from: "/nonexistent/dir/g.qgraph") }
    }
}
