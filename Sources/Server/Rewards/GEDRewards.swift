import QueryGraph
import QuiverCore
import SQL
import Scoring

/// `POST /score/ged`: graph edit distance between each prediction's and gold's query graphs, one
/// ``EditDistanceRecord`` per item (the line `quiver ged --pairs` prints, plus `id`).
///
/// Body: `{"items": [{"id"?, "prediction", "gold", "db_id"?}], "options"?: {"language", "semantics",
/// "time_limit", "max_expansions", "approximate"}}` with `quiver ged`'s defaults (cypher, exact,
/// 10 s, 10,000,000); for SQL, `db_id` picks the `--tables` schema that resolves unqualified columns.
///
/// ```swift
/// let json = try GEDRewards(schemas: nil).score(body, limits: ServiceLimits())
/// ```
public struct GEDRewards: Sendable {
    static let itemFields: Set<String> = ["id", "prediction", "gold", "db_id"]
    static let optionFields: Set<String> = ["language", "semantics", "time_limit", "max_expansions", "approximate"]

    /// SQL schemas by db_id, from `--tables`.
    public let schemas: [String: Schema]?

    /// GED scoring with these SQL schemas (optional).
    public init(schemas: [String: Schema]?) {
        self.schemas = schemas
    }

    /// Scores a request body; returns `{"items": [record, …]}` in item order.
    public func score(_ body: JSONObject, limits: ServiceLimits) throws(ServiceError) -> [UInt8] {
        let options = try body.optionalObject("options", allowed: Self.optionFields)
        let language = try options?.optionalChoice("language", from: QueryLanguage.allCases.map(\.rawValue))
            .flatMap(QueryLanguage.init(rawValue:)) ?? .cypher
        let semantics = try options?.optionalChoice("semantics", from: GraphEditDistance.Semantics.allCases.map(\.rawValue))
            .flatMap(GraphEditDistance.Semantics.init(rawValue:)) ?? .exact
        let timeLimit = try options?.optionalNumber("time_limit", in: 0.001...limits.maxTimeout) ?? min(10, limits.maxTimeout)
        let calculator = GraphEditDistance(
            costs: .unit,
            budget: SearchBudget(maxExpansions: try options?.optionalInteger("max_expansions", in: 1...Int.max) ?? 10_000_000,
                                 timeLimit: .milliseconds(Int64(timeLimit * 1_000))),
            semantics: semantics)
        let approximate = try options?.optionalBool("approximate") ?? false
        var records: [IdentifiedRecord<EditDistanceRecord>] = []
        for (index, value) in try body.list("items", limit: limits.maxItems).enumerated() {
            let item = try JSONObject(value, path: "items[\(index)]", allowed: Self.itemFields)
            let prediction = try item.string("prediction"), gold = try item.string("gold")
            let schema = try schema(language: language, databaseID: item.optionalString("db_id"))
            let record: EditDistanceRecord
            do {
                let g1 = try graph(prediction, "prediction", language: language, schema: schema)
                let g2 = try graph(gold, "gold", language: language, schema: schema)
                record = StackGuard.run(needing: StackGuard.queryStack) {
                    EditDistanceRecord.measure(index: index, g1, g2, calculator: calculator, approximate: approximate).record
                }
            } catch {
                record = EditDistanceRecord(index: index, error: error.description)
            }
            records.append(IdentifiedRecord(id: try item.itemID(), record: record))
        }
        return try RecordEncoding.encoded(records)
    }

    private func schema(language: QueryLanguage, databaseID: String?) throws(ServiceError) -> Schema? {
        guard language == .sql, let databaseID else { return nil }
        guard let schemas else { return nil }
        guard let schema = schemas[databaseID] else {
            throw ServiceError(status: 404, code: "UnknownDatabase", message: "db_id \(databaseID) is not in --tables")
        }
        return schema
    }

    private func graph(_ text: String, _ role: String, language: QueryLanguage, schema: Schema?) throws(ParseFailure) -> QueryGraph {
        do {
            return try StackGuard.run(needing: StackGuard.queryStack) { try language.graph(of: text, schema: schema) }
        } catch {
            var reason = "\(error)"
            if var queryError = error as? QueryError {
                queryError.excerpt = nil
                reason = "\(queryError)"
            }
            throw ParseFailure(description: "the \(role) is not \(language.displayName) Quiver can read: \(reason)")
        }
    }
}

/// A query that could not become a query graph: the record's `error`.
private struct ParseFailure: Error, CustomStringConvertible {
    var description: String
}
