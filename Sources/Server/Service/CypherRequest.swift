import Cypher
import QuiverCore

/// A `POST /cypher` request: `{"query", "params"?, "timeout"?, "max_rows"?, "draw"?}`.
///
/// `timeout` is in seconds (at most the server's `--max-timeout`, default the server's
/// `--timeout`); `max_rows` caps the rows returned (at most the server's `--max-rows`); `draw`
/// adds the picture of the returned nodes and relationships (`drawing`) after the rows.
///
/// ```swift
/// let request = try CypherRequest(body: Array(#"{"query": "MATCH (n) RETURN n LIMIT 5"}"#.utf8), limits: ServiceLimits())
/// ```
public struct CypherRequest: Sendable {
    /// The fields a body may have.
    public static let fields: Set<String> = ["query", "params", "timeout", "max_rows", "draw"]

    /// The Cypher text.
    public var query: String
    /// `$name` parameters.
    public var parameters: [String: Value]
    /// Seconds the query may run.
    public var timeout: Double
    /// Rows returned at most; a read query that would return more stops there (`truncated`).
    public var maxRows: Int
    /// Whether to add the drawing of the returned graph elements.
    public var draw: Bool

    /// A request built in code.
    public init(query: String, parameters: [String: Value] = [:], timeout: Double, maxRows: Int, draw: Bool = false) {
        self.query = query
        self.parameters = parameters
        self.timeout = timeout
        self.maxRows = maxRows
        self.draw = draw
    }

    /// Reads a request body, checking every field against `limits`.
    public init(body: [UInt8], limits: ServiceLimits) throws(ServiceError) {
        try self.init(JSONObject(body: body, allowed: Self.fields), limits: limits)
    }

    /// Reads a request from an object already parsed (an MCP tool's arguments, say).
    public init(_ object: JSONObject, limits: ServiceLimits) throws(ServiceError) {
        query = try object.string("query")
        switch object["params"] {
        case nil: parameters = [:]
        case .map(let map)?: parameters = map
        case let other?: throw .badRequest("`params` must be a JSON object of parameter values, not \(JSONObject.typeName(other))")
        }
        timeout = try object.optionalNumber("timeout", in: 0.001...limits.maxTimeout) ?? limits.defaultTimeout
        maxRows = try object.optionalInteger("max_rows", in: 1...limits.maxRows) ?? limits.maxRows
        draw = try object.optionalBool("draw") ?? false
    }
}
