import Dispatch
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The built `quiver` binary, run as a user runs it: bad option values end with exit status 1 and
/// one line on stderr, never a signal or ArgumentParser's usage dump.
@Suite(.enabled(if: QuiverBinary.url != nil, "skipped: the quiver binary is not built beside the tests"))
struct ExitStatusTests {
    @Test(arguments: [
        (["ged", "--time-limit", "inf", "MATCH (n) RETURN n", "MATCH (m) RETURN m"], "--time-limit must be"),
        (["ged", "--time-limit", "-1", "MATCH (n) RETURN n", "MATCH (m) RETURN m"], "--time-limit must be"),
        (["score", "sql", "--gold", "g", "--pred", "p", "--db-root", "d", "--timeout", "-1"], "--timeout must be"),
        (["tck", "--timeout", "0"], "--timeout must be"),
        (["score", "sql", "--gold", "g", "--pred", "p", "--db-root", "d", "--jobs", "-4"], "--jobs must be"),
    ])
    func badValuesExitOneWithOneLine(arguments: [String], expected: String) throws {
        let (status, output) = try QuiverBinary.run(arguments)
        #expect(status == 1)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 1 && lines.first?.hasPrefix("Error: ") == true && output.contains(expected), "\(output)")
    }

    @Test(arguments: ["[", #"{"a":"#])
    func deepJSONFilesExitOneWithOneLine(open: String) throws {
        let deep = #"{"nodes": "# + String(repeating: open, count: 60_000) + "}"
        let graph = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-deep-\(UUID().uuidString).json")
        try deep.write(to: graph, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: graph) }
        let (status, output) = try QuiverBinary.run(["ged", graph.path, graph.path])
        #expect(status == 1 && output.split(separator: "\n").count == 1 && output.contains("nested more than"), "\(output)")
    }

    @Test(arguments: [
        ["import", "--nodes", "FIFO", "--out", "OUT"],
        ["score", "sql", "--gold", "FIFO", "--pred", "FIFO", "--db-root", "DIR"],
        ["score", "cypher", "--gold", "FIFO"],
        ["ged", "FIFO", "FIFO"],
        ["build", "FIFO", "--out", "OUT"],
    ])
    func namedPipesAreRefusedNotWaitedOn(arguments: [String]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("input.jsonl").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let filled = arguments.map {
            $0 == "FIFO" ? fifo : $0 == "OUT" ? directory.appendingPathComponent("out.qgraph").path : $0 == "DIR" ? directory.path : $0
        }
        let (status, output) = try QuiverBinary.run(filled)
        #expect(status == 1 && output.contains("FIFO"), "\(output)")
    }

    @Test(arguments: [
        "SELECT " + String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000),
        "SELECT " + String(repeating: "(", count: 100_000) + "1",
        "SELECT 1" + String(repeating: " + 1", count: 100_000),
    ])
    func deepSQLQueriesExitOneWithOneLine(sql: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-deep-\(UUID().uuidString).sql")
        try sql.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try QuiverBinary.run(["ged", "--language", "sql", file.path, "SELECT 1"])
        #expect(status == 1 && output.split(separator: "\n").count == 1 && output.contains("NestingLimit"), "\(output.prefix(300))")
    }

    @Test func helpStillExitsZero() throws {
        let (status, output) = try QuiverBinary.run(["ged", "--help"])
        #expect(status == 0 && output.contains("--time-limit"))
    }
}

/// Finds and runs the `quiver` executable built beside the test bundle.
enum QuiverBinary {
    static var url: URL? {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("quiver")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    /// Runs `quiver arguments`; returns the exit status (or 128 + signal) and stdout + stderr.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let executable = Self.url else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // A command that blocks (on a FIFO, say) is stopped after a minute and fails its test.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return (status, String(decoding: data, as: UTF8.self))
    }
}
