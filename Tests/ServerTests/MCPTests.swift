import Foundation
import MCP
import QuiverCore
import SystemPackage
import Testing

/// `quiver mcp` answers the MCP SDK's own client over stdio: tools listed, each one called.
@Suite(.enabled(if: ServerProcess.binary != nil, "skipped: the quiver binary is not built beside the tests"))
struct MCPTests {
    /// The sample corpus shipped in the repo: `quiver mcp --graph` builds a knowledge graph from it.
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpora/halvard/articles").path

    @Test func theSDKClientListsAndCallsEveryTool() async throws {
        var arguments = ["mcp", "--graph", Self.corpus]
        let spider = DataLocation.item("spider")
        if let spider { arguments += ["--db-root", spider.appendingPathComponent("database").path] }
        let session = try MCPSession(arguments)
        defer { session.stop() }
        let client = Client(name: "quiver-tests", version: "1.0")
        _ = try await client.connect(transport: session.transport)

        let (tools, _) = try await client.listTools()
        #expect(Set(tools.map(\.name)) == ["cypher", "schema", "ask", "score_sql"])

        let schema = try await call(client, "schema", [:])
        #expect(schema.isError == false && (schema.json["labels"] as? [[String: Any]])?.contains { $0["name"] as? String == "Passage" } == true)

        let count = try await call(client, "cypher", ["query": "MATCH (p:Passage) RETURN count(p) AS passages"])
        #expect(count.isError == false && (count.json["rows"] as? [[Int]]) == [[42]], "\(count.json)")

        let bad = try await call(client, "cypher", ["query": "MATCH (p:Passage RETURN p"])
        #expect(bad.isError == true && (bad.json["error"] as? [String: Any])?["code"] as? String == "UnexpectedSyntax")

        let answer = try await call(client, "ask", ["question": "Which company supplied the lenses of the observatory founded by Orla Menz?"])
        let passages = answer.json["passages"] as? [[String: Any]] ?? []
        #expect(answer.isError == false && passages.first?["id"] as? String == "norrholm-observatory", "\(answer.json)")

        let gold = "SELECT count(*) FROM singer"
        let scored = try await call(client, "score_sql", ["items": [["id": "q1", "prediction": .string(gold), "gold": .string(gold), "db_id": "concert_singer"]]])
        if spider != nil {
            let record = (scored.json["items"] as? [[String: Any]])?.first
            #expect(scored.isError == false && record?["exec_match"] as? Bool == true && record?["id"] as? String == "q1", "\(scored.json)")
        } else {
            #expect(scored.isError == true && (scored.json["error"] as? [String: Any])?["code"] as? String == "NoDatabases")
        }
        await client.disconnect()
    }

    private func call(_ client: Client, _ tool: String, _ arguments: [String: MCP.Value]) async throws -> (isError: Bool?, json: [String: Any]) {
        let (content, isError) = try await client.callTool(name: tool, arguments: arguments)
        guard case .text(let text, _, _)? = content.first else { return (isError, [:]) }
        return (isError, object(Data(text.utf8)))
    }
}

/// `quiver mcp` as a child process, its stdin and stdout the client's transport.
final class MCPSession: @unchecked Sendable {
    let process = Process()
    let transport: StdioTransport
    private let toServer = Pipe(), fromServer = Pipe()

    init(_ arguments: [String]) throws {
        guard let binary = ServerProcess.binary else { throw CocoaError(.fileNoSuchFile) }
        process.executableURL = binary
        process.arguments = arguments
        process.standardInput = toServer
        process.standardOutput = fromServer
        process.standardError = FileHandle.standardError
        try process.run()
        transport = StdioTransport(input: FileDescriptor(rawValue: fromServer.fileHandleForReading.fileDescriptor),
                                   output: FileDescriptor(rawValue: toServer.fileHandleForWriting.fileDescriptor))
    }

    /// Closes the server's stdin (which ends it) and waits.
    func stop() {
        try? toServer.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
