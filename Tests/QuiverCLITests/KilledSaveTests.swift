import Foundation
import PropertyGraph
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `quiver import` killed with SIGKILL while it writes its snapshot leaves the old snapshot or the
/// new one, never a torn file; its temporary file is removed by the next save.
@Suite(.enabled(if: QuiverBinary.url != nil, "skipped: the quiver binary is not built beside the tests"))
struct KilledSaveTests {
    @Test func aKillDuringSaveLeavesOldOrNewAndTheNextSaveCleansUp() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("people.csv")
        let rows = 150_000
        var text = "id:ID,name,score:float\n"
        for i in 0..<rows { text += "\(i),person \(i),\(Double(i) / 2)\n" }
        try text.write(to: csv, atomically: true, encoding: .utf8)
        let path = directory.appendingPathComponent("g.qgraph").path
        let old = GraphStore()
        old.addNode(labels: ["Old"], properties: [:])
        try old.save(to: path)
        let oldBytes = try GraphStore.load(from: path).snapshotBytes()

        guard let quiver = QuiverBinary.url else { return }
        var killedMidSave = 0
        for _ in 0..<3 {
            let process = Process()
            process.executableURL = quiver
            process.arguments = ["import", "--nodes", csv.path, "--out", path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            let temporary = directory.appendingPathComponent(".g.qgraph.tmp-\(process.processIdentifier)").path
            // Kill the moment the temporary file appears: the snapshot is being written.
            let deadline = Date().addingTimeInterval(120)
            while process.isRunning, Date() < deadline, !FileManager.default.fileExists(atPath: temporary) { usleep(200) }
            if process.isRunning, FileManager.default.fileExists(atPath: temporary) {
                kill(process.processIdentifier, SIGKILL)
                killedMidSave += 1
            } else if process.isRunning {
                process.terminate()
            }
            process.waitUntilExit()

            let loaded = try GraphStore.load(from: path)
            #expect(loaded.snapshotBytes() == oldBytes || loaded.nodeCount == rows, "a torn snapshot")
            // The next save (this process's) removes the killed process's temporary file.
            try old.save(to: path)
            #expect(!FileManager.default.fileExists(atPath: temporary))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["g.qgraph", "people.csv"])
        }
        // Timing-dependent: on a very loaded machine a write can finish between two looks.
        #expect(killedMidSave > 0, "no kill landed while the snapshot was being written")
    }
}
