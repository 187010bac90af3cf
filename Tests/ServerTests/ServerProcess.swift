import Foundation
import PropertyGraph
import QuiverCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `quiver serve` started from the built binary on a free loopback port, as a user starts it.
final class ServerProcess: @unchecked Sendable {
    let process: Process
    let baseURL: URL
    private let errors: Pipe

    /// The built `quiver` beside the test bundle, if any.
    static var binary: URL? {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("quiver")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    /// Starts `quiver serve --port 0 arguments…` and waits (at most a minute) for its "listening on" line.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        guard let binary = Self.binary else { throw CocoaError(.fileNoSuchFile) }
        process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while !text.contains("listening on http://"), Date() < deadline {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = text.range(of: "listening on "),
              let url = URL(string: String(text[range.upperBound...].prefix { !$0.isNewline }))
        else {
            process.terminate()
            throw ServerStartFailure(output: text)
        }
        baseURL = url
    }

    /// SIGTERM, then the exit status and whatever it wrote to stderr since it started listening.
    @discardableResult
    func stop() -> (status: Int32, errors: String) {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let rest = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: rest, as: UTF8.self))
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// `method path` with `body`; the status and body of the response.
    func request(_ path: String, method: String = "POST", body: Data? = nil, headers: [String: String] = [:]) async throws -> (Int, Data) {
        var request = URLRequest(url: baseURL.appendingPathComponent(path))
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 120
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await Self.session.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// `POST path` with a JSON text.
    func post(_ path: String, _ json: String, headers: [String: String] = [:]) async throws -> (Int, Data) {
        try await request(path, body: Data(json.utf8), headers: headers)
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 120
        return URLSession(configuration: configuration)
    }()
}

struct ServerStartFailure: Error, CustomStringConvertible {
    let output: String
    var description: String { "quiver serve did not start: \(output)" }
}

/// A JSON response body as Foundation objects (empty when it is not a JSON object).
func object(_ data: Data) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
}

/// The integer rows of a Cypher response.
func integerRows(_ data: Data) -> [[Int]]? {
    object(data)["rows"] as? [[Int]]
}

/// The `error.code` of a response.
func errorCode(_ data: Data) -> String? {
    (object(data)["error"] as? [String: Any])?["code"] as? String
}

/// A small property graph snapshot for tests: people who know each other.
enum TestGraph {
    /// Writes a snapshot of `count` people in a chain of KNOWS and returns its path.
    static func people(count: Int = 20) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-serve-\(UUID().uuidString).qgraph").path
        try store(count: count).save(to: path)
        return path
    }

    /// `count` people (`name` "p0", "p1", …, `age`), each KNOWS the next.
    static func store(count: Int = 20) throws -> GraphStore {
        let store = GraphStore()
        let nodes = (0..<count).map { store.addNode(labels: ["Person"], properties: ["name": .string("p\($0)"), "age": .int(Int64(20 + $0))]) }
        for (a, b) in zip(nodes, nodes.dropFirst()) { try store.addRelationship(type: "KNOWS", from: a, to: b) }
        return store
    }
}

/// A JSON object as text with sorted keys, for comparing records field by field.
func canonical(_ value: [String: Any]) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
}
