import Dispatch
import Foundation
import QuiverCore
import Testing

@testable import PropertyGraph

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Import, LOAD CSV's reader and snapshot loading refuse FIFOs, devices and directories with an
/// error instead of blocking on them or reading for ever.
@Suite struct NonRegularFileTests {
    /// A FIFO with no writer, in a fresh directory.
    static func fifo() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("nodes.csv").path
        guard mkfifo(path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
        return path
    }

    /// Runs `body`, which must not block; after 10 s a writer opens and closes the FIFO so a
    /// blocked reader wakes up, and the test fails instead of hanging.
    static func withinTenSeconds(fifo: String, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread { body(); done.signal() }.start()
        guard done.wait(timeout: .now() + 10) == .timedOut else { return true }
        let writer = open(fifo, O_WRONLY | O_NONBLOCK)
        if writer >= 0 { close(writer) }
        done.wait()
        return false
    }

    @Test func importRefusesAFIFO() throws {
        let path = try Self.fifo()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let finished = Self.withinTenSeconds(fifo: path) {
            let error = #expect(throws: GraphStoreError.self) {
                try GraphStore().importCSV(nodes: [CSVImportFile(path: path)], relationships: [])
            }
            #expect("\(error.map { "\($0)" } ?? "")".contains("FIFO"))
        }
        #expect(finished, "importCSV blocked on a FIFO")
    }

    @Test func loadCSVReaderAndSnapshotsRefuseAFIFO() throws {
        let path = try Self.fifo()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let finished = Self.withinTenSeconds(fifo: path) {
            #expect(throws: GraphStoreError.self) { try CSVRecords.read(path: path) }
            #expect(throws: GraphStoreError.self) { try GraphStore.load(from: path) }
        }
        #expect(finished, "a reader blocked on a FIFO")
    }

    @Test(arguments: ["/dev/zero", "/dev/null", "/tmp"])
    func devicesAndDirectoriesAreRefused(path: String) throws {
        let error = try #require(throws: FileError.self) { try RegularFile.read(path) }
        #expect(error.message.contains("give a regular file"))
        #expect(throws: GraphStoreError.self) { try CSVRecords.read(path: path) }
        #expect(throws: FileError.self) { try RegularFile.check(path) }
    }

    @Test func regularFilesAndLinksToThemAreRead() throws {
        let fx = try CSVFixture()
        defer { fx.remove() }
        let file = try fx.file("a.csv", "x,y\n1,2\n")
        let link = fx.directory.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        #expect(try CSVRecords.read(path: link) == [["x", "y"], ["1", "2"]])
        try RegularFile.check(link)
    }
}
