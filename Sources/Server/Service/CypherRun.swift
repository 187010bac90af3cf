import Cypher
import GraphDrawing
import PropertyGraph
import QuiverCore

/// Runs one `/cypher` request and writes its JSON document into a sink as the rows come:
/// `{"columns", "rows", "truncated", "statistics", "notes", "drawing"?, "error"}`.
///
/// Output is gathered up to ``flushSize`` bytes before the first chunk leaves, so a query that
/// fails early (a syntax error, a timeout before its first rows) is thrown as a ``ServiceError``
/// and the HTTP layer answers with its status; a failure after rows have left ends the document
/// with `"error": {…}` instead.
final class CypherRun {
    /// Bytes gathered before a chunk is sent.
    static let flushSize = 64 << 10

    let request: CypherRequest
    let database: GraphDatabase
    let schema: SchemaCatalog
    let limits: ServiceLimits
    let readOnly: Bool
    let sink: any ChunkSink

    /// The output so far, not yet sent.
    private var buffer: [UInt8] = []
    private var sentAny = false
    private var rowCount = 0
    private var truncated = false
    private var drawing: ResultDrawing?

    init(request: CypherRequest, database: GraphDatabase, schema: SchemaCatalog, limits: ServiceLimits, readOnly: Bool, sink: any ChunkSink) {
        self.request = request
        self.database = database
        self.schema = schema
        self.limits = limits
        self.readOnly = readOnly
        self.sink = sink
        drawing = request.draw ? ResultDrawing() : nil
    }

    /// Runs the query; throws only when nothing has been sent yet.
    func run() throws(ServiceError) {
        let prepared: PreparedQuery
        do {
            prepared = try CypherEngine.prepare(request.query, parameterNames: Set(request.parameters.keys))
        } catch {
            throw .query(error)
        }
        if readOnly && !prepared.isRead {
            throw ServiceError(status: 403, code: "ReadOnlyServer",
                               message: "this server was started with --read-only; the query writes to the graph or its schema")
        }
        let options = ExecutionOptions(timeout: .milliseconds(Int64(request.timeout * 1_000)), maxMemory: limits.maxMemory)
        let outcome = execute(prepared, options: options)
        switch outcome {
        case .success(let result):
            finish(result: result, error: nil)
        case .failure(let error) where error.code == Self.stopCode && truncated:
            finish(result: nil, error: nil)
        case .failure(let error):
            if error.code == Self.stopCode { return }  // the reader left
            guard sentAny else { throw .query(error) }
            finish(result: nil, error: error)
        }
    }

    /// The code of the error the row handler throws to stop a read at the row cap, or when the reader left.
    private static let stopCode = "QuiverServerStop"

    private func execute(_ prepared: PreparedQuery, options: ExecutionOptions) -> Result<QueryResult, QueryError> {
        let isRead = prepared.isRead
        // The engine calls the handler on this thread, one call at a time.
        let handler = RowHandler(columns: { [self] columns throws(QueryError) in
            begin(columns: columns)
            try flushIfFull()
        }, row: { [self] row throws(QueryError) in
            try take(row, isRead: isRead)
        })
        return Result { () throws(QueryError) in
            try CypherEngine.execute(prepared, parameters: request.parameters, on: database, schema: schema, options: options,
                                     streaming: handler)
        }
    }

    private func begin(columns: [String]) {
        append(#"{"columns":["# + columns.map(ValueJSON.string).joined(separator: ",") + #"],"rows":["#)
    }

    private func take(_ row: [Value], isRead: Bool) throws(QueryError) {
        guard rowCount < request.maxRows else {
            truncated = true
            // A read stops at the cap; a write runs to its end (stopping it would roll it back).
            if isRead { throw Self.stop("row cap reached") }
            return
        }
        append((rowCount == 0 ? "[" : ",[") + row.map(ValueJSON.encode).joined(separator: ",") + "]")
        rowCount += 1
        drawing?.add(row: row)
        try flushIfFull()
    }

    private func finish(result: QueryResult?, error: QueryError?) {
        if buffer.isEmpty && !sentAny {
            let columns = result?.columns ?? []
            append(#"{"columns":["# + columns.map(ValueJSON.string).joined(separator: ",") + #"],"rows":["#)
        }
        append(#"],"truncated":\#(truncated)"#)
        if let result {
            append(#","statistics":"# + StatisticsJSON.encode(result.statistics))
            append(#","notes":["# + result.notes.map(ValueJSON.string).joined(separator: ",") + "]")
        }
        if let drawing {
            append(#","drawing":"# + String(DrawingFormat.json.render(drawing.drawing).dropLast()))
        }
        append(#","error":"# + (error.map { ServiceError.query($0).errorObject } ?? "null") + "}")
        _ = sink.send(buffer)
        buffer = []
    }

    private func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private func flushIfFull() throws(QueryError) {
        guard buffer.count >= Self.flushSize else { return }
        sentAny = true
        let chunk = buffer
        buffer = []
        guard sink.send(chunk) else { throw Self.stop("the client went away") }
    }

    private static func stop(_ why: String) -> QueryError {
        QueryError(.resourceLimit, code: stopCode, phase: .runtime, message: why)
    }
}

/// The `statistics` object of a Cypher response, with the keys `quiver cypher --format json` writes.
enum StatisticsJSON {
    static func encode(_ s: QueryStatistics) -> String {
        #"{"nodesCreated":\#(s.nodesCreated),"nodesDeleted":\#(s.nodesDeleted),"relationshipsCreated":\#(s.relationshipsCreated),"#
            + #""relationshipsDeleted":\#(s.relationshipsDeleted),"propertiesSet":\#(s.propertiesSet),"#
            + #""labelsAdded":\#(s.labelsAdded),"labelsRemoved":\#(s.labelsRemoved)}"#
    }
}
