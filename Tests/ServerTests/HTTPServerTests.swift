import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// How `quiver serve` starts, guards and stops.
@Suite(.serialized, .enabled(if: ServerProcess.binary != nil, "skipped: the quiver binary is not built beside the tests"))
struct HTTPServerTests {
    @Test(arguments: ["0.0.0.0", "::", "192.0.2.1"])
    func withoutATokenItRefusesToListenBeyondLoopback(host: String) async throws {
        let (status, output) = try await runQuiver(["serve", "--host", host, "--port", "0"], environment: ["QUIVER_TOKEN": ""])
        #expect(status == 1 && output.contains("refusing to listen on \(host) without a token"), "\(output)")
        #expect(output.split(separator: "\n").count == 1)
    }

    @Test func withATokenEveryAPIRequestNeedsIt() async throws {
        let server = try ServerProcess(["--graph", try TestGraph.people()], environment: ["QUIVER_TOKEN": "s3cret"])
        defer { server.stop() }
        let (without, body) = try await server.request("schema", method: "GET")
        #expect(without == 401 && String(decoding: body, as: UTF8.self).contains("Authorization: Bearer"))
        let (wrong, _) = try await server.post("cypher", #"{"query": "RETURN 1"}"#, headers: ["Authorization": "Bearer s3creT"])
        #expect(wrong == 401)
        let (right, _) = try await server.post("cypher", #"{"query": "RETURN 1"}"#, headers: ["Authorization": "Bearer s3cret"])
        #expect(right == 200)
        let (health, _) = try await server.request("health", method: "GET")
        let (page, _) = try await server.request("", method: "GET")
        #expect(health == 200 && page == 200)
    }

    /// One worker: the slow query holds it and a second query waits for it, so once `/health`
    /// counts one waiting request both are inside the server when SIGTERM comes, and both finish.
    @Test func sigtermLetsTheRequestsInFlightFinish() async throws {
        let server = try ServerProcess(["--graph", try TestGraph.people(), "--workers", "1"])
        let slow = Task {
            try await server.post("cypher", #"{"query": "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b WITH a WHERE a % 7 = b % 7 RETURN count(*) AS n", "timeout": 60}"#)
        }
        try await Task.sleep(for: .milliseconds(100))
        let queued = Task { try await server.post("cypher", #"{"query": "MATCH (p:Person) RETURN count(p)"}"#) }
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let (_, health) = try await server.request("health", method: "GET")
            if object(health)["waiting"] as? Int == 1 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(server.process.processIdentifier, SIGTERM)
        let (status, data) = try await slow.value
        #expect(status == 200 && integerRows(data)?.first?.first == 142_858, "\(String(decoding: data, as: UTF8.self))")
        let (queuedStatus, count) = try await queued.value
        #expect(queuedStatus == 200 && integerRows(count) == [[20]], "\(String(decoding: count, as: UTF8.self))")
        let (exit, errors) = server.stop()
        #expect(exit == 0 && errors.contains("stopped"), "\(errors)")
    }

    @Test func theOpenAPIDocumentDescribesEveryEndpoint() async throws {
        let server = try ServerProcess([])
        defer { server.stop() }
        let (status, data) = try await server.request("openapi.json", method: "GET")
        let paths = object(data)["paths"] as? [String: Any] ?? [:]
        #expect(status == 200)
        #expect(Set(paths.keys) == ["/", "/cypher", "/ask", "/kgqa", "/schema", "/health", "/openapi.json",
                                    "/score/sql", "/score/cypher", "/score/ged", "/score/triples"])
        for path in paths.keys where path.hasPrefix("/score/") || ["/cypher", "/ask", "/kgqa"].contains(path) {
            let (answer, _) = try await server.post(String(path.dropFirst()), "not json")
            #expect(answer == 400, "\(path) answers bad JSON with \(answer)")
        }
        let (wrongMethod, body) = try await server.request("cypher", method: "GET")
        #expect(wrongMethod == 405 && errorCode(body) == "MethodNotAllowed", "\(String(decoding: body, as: UTF8.self))")
    }

    @Test func theExplorerAndItsFilesAreServed() async throws {
        let server = try ServerProcess([])
        defer { server.stop() }
        let (page, html) = try await server.request("", method: "GET")
        #expect(page == 200 && String(decoding: html, as: UTF8.self).contains("/static/vis-network.min.js"))
        for file in ["explorer.js", "explorer.css", "vis-network.min.js", "vis-network-LICENSE.txt"] {
            let (status, body) = try await server.request("static/\(file)", method: "GET")
            #expect(status == 200 && !body.isEmpty, "\(file)")
        }
    }
}

/// Runs the built `quiver` to its end: exit status and stdout + stderr. The wait happens on a thread
/// of its own, never on one of Swift concurrency's few cooperative threads, which other tests' tasks
/// (a streamed response's reader) need meanwhile.
func runQuiver(_ arguments: [String], environment: [String: String] = [:]) async throws -> (Int32, String) {
    guard let binary = ServerProcess.binary else { throw CocoaError(.fileNoSuchFile) }
    return try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result {
                let process = Process()
                process.executableURL = binary
                process.arguments = arguments
                process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                try process.run()
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                return (process.terminationStatus, String(decoding: data, as: UTF8.self))
            })
        }
    }
}
