import Cypher
import Foundation
import LLM
import PropertyGraph
import QuiverCore
import Retrieval

/// Everything `quiver serve` and `quiver mcp` answer, without HTTP or MCP: the served graph (one
/// writer, readers on snapshots), the knowledge graph for questions, the reward scorers, and the
/// worker threads that run them.
///
/// Every method that blocks (queries, scoring) is meant to run on ``pool``; the HTTP and MCP layers
/// hop there so that no event loop and no cooperative thread waits on a query.
///
/// ```swift
/// let service = try QuiverService(ServiceConfiguration(graph: "people.qgraph"))
/// let sink = CollectedBytes()
/// try await service.pool.run { try service.runCypher(request, into: sink) }
/// ```
public final class QuiverService: Sendable {
    /// What the service was started with.
    public let configuration: ServiceConfiguration
    /// The served graph: readers on snapshots, one writer at a time.
    public let database: GraphDatabase
    /// Indexes and constraints declared by schema commands, for as long as the server runs.
    public let schemaCatalog = SchemaCatalog()
    /// The knowledge graph for `/ask`, when the served graph is one.
    public let knowledge: KnowledgeBase?
    /// `/score/sql`.
    public let sql: SQLRewards
    /// `/score/cypher`.
    public let cypher: CypherRewards
    /// `/score/ged`.
    public let ged: GEDRewards
    /// `/score/triples`.
    public let triples = TripleRewards()
    /// The threads blocking work runs on.
    public let pool: BlockingPool
    /// The model that writes answers for `/ask`, if one is configured.
    public let llm: LLMConfiguration?
    private let started = ContinuousClock.now
    /// `GET /schema` of the last snapshot asked about.
    private let schemas = SnapshotCache<String>()
    /// The last snapshot read as a knowledge graph for `/kgqa` (rebuilt after a write).
    private let entityGraphs = SnapshotCache<EntityGraph>()

    /// Loads everything `configuration` names, or fails with a one-line message before any request is served.
    public init(_ configuration: ServiceConfiguration) throws(ServiceSetupError) {
        self.configuration = configuration
        let served = try configuration.graph.map { path throws(ServiceSetupError) in try ServedGraph.load(path) } ?? ServedGraph()
        knowledge = served.knowledge
        database = GraphDatabase(served.store)
        sql = try SQLRewards(databaseRoot: configuration.databaseRoot, tables: configuration.tables)
        cypher = try CypherRewards(catalog: configuration.cypherGraphs, served: database)
        ged = GEDRewards(schemas: sql.schemas)
        llm = configuration.llm
        pool = BlockingPool(threads: configuration.limits.workers, queueLimit: configuration.limits.queueLimit)
    }

    /// The limits requests run under.
    public var limits: ServiceLimits { configuration.limits }

    /// `GET /health`: `{"status": "ok", "nodes", "relationships", "knowledge_graph", "sql", "uptime_seconds", "waiting"}`.
    public func health() -> String {
        let snapshot = database.snapshot()
        let uptime = (ContinuousClock.now - started).inSeconds
        return #"{"status":"ok","nodes":\#(snapshot.nodeCount),"relationships":\#(snapshot.relationshipCount),"#
            + #""knowledge_graph":\#(knowledge != nil),"sql":\#(sql.factory != nil),"#
            + #""uptime_seconds":\#(String(format: "%.1f", uptime)),"waiting":\#(pool.waiting)}"#
    }

    /// `GET /schema` of the current snapshot (computed once per snapshot; blocking on a large graph).
    public func schema() -> String {
        schemas.value(for: database.snapshot()) { GraphSchema(snapshot: $0).json }
    }

    /// Runs a Cypher request and writes its JSON document into `sink` as rows come (blocking).
    /// Throws only when nothing was written: the HTTP layer turns that into a 4xx.
    public func runCypher(_ request: CypherRequest, into sink: any ChunkSink) throws(ServiceError) {
        try CypherRun(request: request, database: database, schema: schemaCatalog, limits: limits, readOnly: configuration.readOnly, sink: sink).run()
    }

    /// Answers a question: retrieval on a worker thread, then (with a model) an answer written from the passages.
    public func ask(_ request: AskRequest) async throws -> [UInt8] {
        guard let knowledge else {
            throw ServiceError(status: 404, code: "NoKnowledgeGraph",
                               message: "the served graph is not a knowledge graph; start the server with --graph on a graph built by `quiver build` (or a corpus)")
        }
        let found = try await pool.run { request.retrieve(from: knowledge) }
        guard let llm else { return found.json(answer: nil, answerError: nil) }
        do {
            let answer = try await AnswerGenerator(client: LLMClient(configuration: llm)).answer(request.question, passages: found.passages)
            return found.json(answer: answer, answerError: nil)
        } catch {
            return found.json(answer: nil, answerError: "\(error)")
        }
    }

    /// Answers a question by relation-path search on the current snapshot (blocking); 404 when no
    /// node of the served graph has a `name` to link the question's topics to.
    public func kgqa(_ request: KGQARequest) throws(ServiceError) -> [UInt8] {
        try request.answer(on: entityGraph())
    }

    /// The current snapshot as a knowledge graph, built once per snapshot.
    private func entityGraph() throws(ServiceError) -> EntityGraph {
        try entityGraphs.value(for: database.snapshot()) { snapshot throws(ServiceError) in
            do {
                return try EntityGraph(store: snapshot.store)
            } catch {
                throw ServiceError(status: 404, code: "NoEntityNames",
                                   message: "no node of the served graph has a `name` to answer with; serve a graph of triples (`quiver import`, or a graph built by `quiver build`)")
            }
        }
    }

    /// Scores a reward batch at `path` (`/score/sql`, `/score/cypher`, `/score/ged`, `/score/triples`); blocking.
    public func score(_ kind: RewardKind, body: [UInt8]) throws(ServiceError) -> [UInt8] {
        let object = try JSONObject(body: body, allowed: ["items", "options"])
        switch kind {
        case .sql: return try sql.score(object, limits: limits)
        case .cypher: return try cypher.score(object, limits: limits)
        case .ged: return try ged.score(object, limits: limits)
        case .triples: return try triples.score(object, limits: limits)
        }
    }
}

/// The reward endpoints, by the last part of their path.
public enum RewardKind: String, Sendable, CaseIterable {
    case sql, cypher, ged, triples
}

/// What `quiver serve` and `quiver mcp` were asked to load, and the limits they run under.
///
/// ```swift
/// let configuration = ServiceConfiguration(graph: "people.qgraph", databaseRoot: "spider/database")
/// ```
public struct ServiceConfiguration: Sendable {
    /// A snapshot, a knowledge graph, or a corpus to serve; nil serves an empty graph.
    public var graph: String?
    /// The folder of `<db_id>/<db_id>.sqlite` files for `/score/sql`.
    public var databaseRoot: String?
    /// A Spider/BIRD tables.json for exact match and schema linking.
    public var tables: String?
    /// Graphs for `/score/cypher` by database (as `score cypher --graph`); nil scores on the served graph.
    public var cypherGraphs: String?
    /// Refuse queries that write.
    public var readOnly: Bool
    /// The model that writes `/ask` answers.
    public var llm: LLMConfiguration?
    /// Limits per request.
    public var limits: ServiceLimits

    /// A configuration; everything is optional.
    public init(
        graph: String? = nil, databaseRoot: String? = nil, tables: String? = nil, cypherGraphs: String? = nil,
        readOnly: Bool = false, llm: LLMConfiguration? = nil, limits: ServiceLimits = ServiceLimits()
    ) {
        self.graph = graph
        self.databaseRoot = databaseRoot
        self.tables = tables
        self.cypherGraphs = cypherGraphs
        self.readOnly = readOnly
        self.llm = llm
        self.limits = limits
    }
}
