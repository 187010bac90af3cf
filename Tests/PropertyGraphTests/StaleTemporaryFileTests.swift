import Foundation
import Testing

@testable import PropertyGraph

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A save removes the temporary files earlier saves of the same snapshot left when their process
/// was killed, and never the file of a process that is still alive.
@Suite struct StaleTemporaryFileTests {
    /// The pid of a process that has exited (and been reaped).
    static func deadPID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func aSaveRemovesTheTemporariesOfDeadProcessesOnly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("g.qgraph").path
        let dead = try Self.deadPID(), alive = getppid()
        let files = [
            FileIO.temporaryName(of: "g.qgraph", pid: dead),     // a killed save of this snapshot: removed
            FileIO.temporaryName(of: "g.qgraph", pid: alive),    // a save in progress elsewhere: kept
            FileIO.temporaryName(of: "other.qgraph", pid: dead), // another snapshot's: kept
            ".g.qgraph.tmp-notapid",                             // not ours: kept
        ]
        for name in files { try Data("partial".utf8).write(to: directory.appendingPathComponent(name)) }

        let graph = GraphStore()
        graph.addNode(labels: ["P"], properties: ["name": "Ann"])
        try graph.save(to: path)

        let left = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        #expect(left == Set(["g.qgraph"] + files.dropFirst()))
        #expect(try GraphStore.load(from: path).snapshotBytes() == graph.snapshotBytes())
    }
}
