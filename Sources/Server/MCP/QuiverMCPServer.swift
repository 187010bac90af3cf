import Foundation
import MCP

/// `quiver mcp`: a Model Context Protocol server on stdin/stdout exposing the service's tools to
/// LLM agents: `cypher`, `schema`, `ask` and `score_sql`.
///
/// Each tool takes the JSON its HTTP endpoint takes (checked the same way) and returns the same
/// JSON document as text; a bad request or a failing query is a tool result with `isError: true`
/// and the error's JSON, so the agent can read what went wrong and try again.
///
/// ```swift
/// try await QuiverMCPServer(service: service).run(transport: StdioTransport())
/// ```
public struct QuiverMCPServer: Sendable {
    /// What the tools run on.
    public let service: QuiverService

    /// A server over `service`.
    public init(service: QuiverService) {
        self.service = service
    }

    /// Serves on this process's stdin and stdout until the client closes stdin.
    public func runOnStandardIO() async throws {
        try await run(transport: StdioTransport())
    }

    /// Serves on `transport` until the client closes it.
    public func run(transport: any Transport) async throws {
        let server = MCP.Server(
            name: "quiver", version: "0.1.0",
            instructions: "Query a property graph with Cypher (read its schema first), ask questions of a knowledge graph, and score text-to-SQL predictions.",
            capabilities: .init(tools: .init(listChanged: false)))
        let tools = MCPTools(service: service)
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: MCPTools.definitions) }
        await server.withMethodHandler(CallTool.self) { parameters in
            await tools.call(parameters.name, arguments: parameters.arguments ?? [:])
        }
        try await server.start(transport: transport)
        await server.waitUntilCompleted()
    }
}

/// The tools' definitions and how each call runs.
struct MCPTools: Sendable {
    let service: QuiverService

    static let definitions = [
        Tool(name: "cypher", description: "Run a Cypher query on the served graph and return {columns, rows, truncated, statistics, error} as JSON. Read `schema` first for the labels, relationship types and properties.",
             inputSchema: schema(["query": .object(["type": "string", "description": "The Cypher query."]),
                                  "params": .object(["type": "object", "description": "Parameters, as {\"name\": value}."]),
                                  "timeout": .object(["type": "number", "description": "Seconds the query may run."]),
                                  "max_rows": .object(["type": "integer", "description": "Rows returned at most."])],
                                 required: ["query"])),
        Tool(name: "schema", description: "Describe the served graph: node and relationship counts, labels, relationship types, (label)-[type]->(label) patterns and property keys.",
             inputSchema: schema([:], required: [])),
        Tool(name: "ask", description: "Answer a question from the served knowledge graph: the ranked passages with the paths that reached them (and an answer when the server has a model).",
             inputSchema: schema(["question": .object(["type": "string"]),
                                  "method": .object(["type": "string", "enum": ["bm25", "spreading", "ppr", "hybrid"]]),
                                  "limit": .object(["type": "integer", "description": "Passages returned, 1 to 100."])],
                                 required: ["question"])),
        Tool(name: "score_sql", description: "Score text-to-SQL predictions against gold queries by execution on the server's SQLite databases (and exact match with its tables.json); one record per item, as `quiver score sql --out`.",
             inputSchema: schema(["items": .object(["type": "array", "items": .object([
                                      "type": "object",
                                      "properties": .object(["id": .object(["type": ["string", "integer"]]), "prediction": .object(["type": "string"]),
                                                             "gold": .object(["type": "string"]), "db_id": .object(["type": "string"])]),
                                      "required": ["prediction", "gold", "db_id"]])]),
                                  "options": .object(["type": "object", "description": "semantics (strict, spider-test-suite, bird), timeout, max_rows, keep_distinct, no_determinism_check, ves."])],
                                 required: ["items"])),
    ]

    private static func schema(_ properties: [String: MCP.Value], required: [MCP.Value]) -> MCP.Value {
        .object(["type": "object", "properties": .object(properties), "required": .array(required), "additionalProperties": false])
    }

    /// Runs a tool; every failure is a result with `isError`, never a protocol error.
    func call(_ name: String, arguments: [String: MCP.Value]) async -> CallTool.Result {
        var arguments = arguments
        // An agent reads every row it gets: a few hundred by default, not the HTTP API's cap.
        if name == "cypher" && arguments["max_rows"] == nil { arguments["max_rows"] = .int(min(200, service.limits.maxRows)) }
        do {
            let body = try JSONEncoder().encode(arguments)
            let text: [UInt8]
            switch name {
            case "cypher":
                let request = try CypherRequest(body: Array(body), limits: service.limits)
                let sink = CollectedBytes()
                try await service.pool.run { try service.runCypher(request, into: sink) }
                text = sink.bytes
            case "schema":
                _ = try JSONObject(body: Array(body), allowed: [])
                text = Array(try await service.pool.run { service.schema() }.utf8)
            case "ask":
                text = try await service.ask(AskRequest(JSONObject(body: Array(body), allowed: AskRequest.fields)))
            case "score_sql":
                text = try await service.pool.run { try service.score(.sql, body: Array(body)) }
            default:
                throw ServiceError(status: 404, code: "UnknownTool", message: "no tool \(name); the tools are cypher, schema, ask, score_sql")
            }
            return CallTool.Result(content: [.text(text: String(decoding: text, as: UTF8.self), annotations: nil, _meta: nil)], isError: false)
        } catch let error as ServiceError {
            return CallTool.Result(content: [.text(text: error.json, annotations: nil, _meta: nil)], isError: true)
        } catch {
            return CallTool.Result(content: [.text(text: ServiceError(status: 500, code: "InternalError", message: "\(error)").json, annotations: nil, _meta: nil)], isError: true)
        }
    }
}
