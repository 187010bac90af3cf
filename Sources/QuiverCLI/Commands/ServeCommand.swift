import ArgumentParser
import Cypher
import Foundation
import LLM
import QuiverCore
import Server

/// `quiver serve`: the HTTP API, the reward server and the web explorer over one graph.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a graph over HTTP: Cypher, ask, reward endpoints for RL, and a web explorer at /.",
        discussion: """
            Endpoints: POST /cypher {"query", "params", "timeout"} (rows streamed), POST /ask \
            {"question"}, GET /schema, GET /health, and the reward endpoints POST /score/sql, \
            /score/cypher, /score/ged, /score/triples taking {"items": [{"id", "prediction", "gold", \
            "db_id"}], "options": {…}} and returning {"items": […]}, one `quiver score … --out` \
            record per item. GET /openapi.json describes them; GET / is the explorer.

            Reads run at once on snapshots of the graph, writes one at a time (in memory: the \
            graph file is never written). Listens on 127.0.0.1 unless given a token (--token or \
            QUIVER_TOKEN), which clients send as `Authorization: Bearer <token>`. SIGTERM or \
            SIGINT stops it after the requests in flight have been answered.

            Example: quiver serve --graph people.qgraph --db-root spider/database --tables spider/tables.json
            """)

    @OptionGroup var served: ServedOptions

    @Option(help: "Graphs for /score/cypher by db_id, as `score cypher --graph` takes them; default the served graph.")
    var cypherGraphs: String?

    @Option(help: "The address to listen on; anything but loopback needs a token.")
    var host = "127.0.0.1"

    @Option(parsing: .unconditional, help: "The port (0: any free port, printed on stderr).")
    var port = 7878

    @Option(help: "A bearer token clients must send (default: QUIVER_TOKEN, if set).")
    var token: String?

    @Option(parsing: .unconditional, help: "The longest timeout a request may ask for, in seconds.")
    var maxTimeout: Double = 300

    @Option(parsing: .unconditional, help: "Rows one /cypher response returns at most.")
    var maxRows = 100_000

    @Option(parsing: .unconditional, help: "The largest request body, e.g. 16M.")
    var maxBody = "16M"

    @Option(parsing: .unconditional, help: "Items one reward batch holds at most.")
    var maxItems = 10_000

    @Option(parsing: .unconditional, help: "Memory one query may hold, e.g. 1G.")
    var maxMemory = "1G"

    @Option(parsing: .unconditional, help: "Worker threads for queries and scoring (default: the cores, at least 2).")
    var workers = max(2, ProcessInfo.processInfo.activeProcessorCount)

    @Option(help: "A model endpoint for /ask answers (default: QUIVER_LLM_BASE_URL, if set).")
    var llmBaseURL: String?

    @Option(help: "The model name (default: QUIVER_LLM_MODEL).")
    var llmModel: String?

    func validate() throws {
        try TimeoutSeconds.validate(maxTimeout, option: "--max-timeout")
        if served.timeout > maxTimeout { throw ValidationError("--timeout \(served.timeout) is longer than --max-timeout \(maxTimeout)") }
        try CountOption.validate(port, "--port", in: 0...65_535, meaning: "0 picks a free port")
        try CountOption.validate(maxRows, "--max-rows", in: 1...100_000_000)
        try CountOption.validate(maxItems, "--max-items", in: 1...10_000_000)
        try CountOption.validate(workers, "--workers", in: 1...CountOption.maximumJobs)
        for (option, value) in [("--max-body", maxBody), ("--max-memory", maxMemory)] where ByteCount.parse(value) == nil {
            throw ValidationError("\(option) must be a size such as 512K, 16M or 1G; got \(value)")
        }
    }

    /// The service's configuration from the options.
    func serviceConfiguration() throws -> ServiceConfiguration {
        var limits = ServiceLimits()
        limits.defaultTimeout = served.timeout
        limits.maxTimeout = maxTimeout
        limits.maxRows = maxRows
        limits.maxItems = maxItems
        limits.maxBodyBytes = ByteCount.parse(maxBody) ?? limits.maxBodyBytes
        limits.maxMemory = ByteCount.parse(maxMemory) ?? limits.maxMemory
        limits.workers = workers
        var llm: LLMConfiguration?
        if llmBaseURL != nil || llmModel != nil || ProcessInfo.processInfo.environment["QUIVER_LLM_BASE_URL"] != nil {
            do {
                llm = try LLMConfiguration.fromEnvironment(baseURL: llmBaseURL, model: llmModel)
            } catch {
                throw ValidationError("--llm-base-url / --llm-model: \(error)")
            }
        }
        var configuration = served.configuration(limits: limits)
        configuration.cypherGraphs = cypherGraphs
        configuration.llm = llm
        return configuration
    }

    func run() async throws {
        let token = self.token ?? ProcessInfo.processInfo.environment["QUIVER_TOKEN"]
        let server: QuiverHTTPServer
        do {
            // Checked before the graph loads: a refused address should not wait for a large graph.
            try ListenAddress(host: host, port: port).check(token: token)
            let service = try QuiverService(try serviceConfiguration())
            server = try QuiverHTTPServer(service: service, address: ListenAddress(host: host, port: port), token: token)
        } catch let error as ServiceSetupError {
            throw ValidationError(error.description)
        }
        let snapshot = server.service.database.snapshot()
        try await server.run { host, port in
            FileHandle.standardError.write(Data((
                "quiver serve: \(snapshot.nodeCount) nodes, \(snapshot.relationshipCount) relationships"
                    + "\(server.service.knowledge != nil ? ", knowledge graph" : "")\(server.service.sql.factory != nil ? ", SQL databases" : "")"
                    + "; listening on http://\(host.contains(":") ? "[\(host)]" : host):\(port)\n").utf8))
        }
        FileHandle.standardError.write(Data("quiver serve: stopped\n".utf8))
    }
}

/// `quiver mcp`: the Model Context Protocol server on stdin/stdout.
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve a graph to LLM agents over the Model Context Protocol (stdio): tools cypher, schema, ask, score_sql.",
        discussion: """
            Add it to an MCP client's configuration as a command, e.g. \
            {"command": "quiver", "args": ["mcp", "--graph", "people.qgraph"]}. Tools take the \
            JSON the HTTP endpoints take (see `quiver serve`) and return the same JSON as text.
            """)

    @OptionGroup var served: ServedOptions

    func run() async throws {
        var limits = ServiceLimits()
        limits.defaultTimeout = served.timeout
        limits.maxTimeout = max(served.timeout, limits.maxTimeout)
        let service: QuiverService
        do {
            service = try QuiverService(served.configuration(limits: limits))
        } catch {
            throw ValidationError(error.description)
        }
        try await QuiverMCPServer(service: service).runOnStandardIO()
    }
}

/// What `serve` and `mcp` both load: the graph, the SQL databases and schemas, and the query rules.
struct ServedOptions: ParsableArguments {
    @Option(help: "The graph: a snapshot (quiver import / quiver cypher --save), a knowledge graph (quiver build), or a corpus; default an empty graph.")
    var graph: String?

    @Option(help: "Folder of <db_id>/<db_id>.sqlite files for SQL scoring (Spider's and BIRD's layout).")
    var dbRoot: String?

    @Option(help: "Spider/BIRD tables.json: exact match and schema linking in SQL scoring, SQL schemas in GED.")
    var tables: String?

    @Flag(help: "Refuse queries that write to the graph.")
    var readOnly = false

    @Option(parsing: .unconditional, help: "Seconds a query runs when the request gives no timeout.")
    var timeout: Double = 30

    func validate() throws {
        try TimeoutSeconds.validate(timeout)
    }

    /// The service's configuration, with these options and `limits`.
    func configuration(limits: ServiceLimits) -> ServiceConfiguration {
        ServiceConfiguration(graph: graph, databaseRoot: dbRoot, tables: tables, readOnly: readOnly, limits: limits)
    }
}

