import Foundation
import QuiverCore
import SQL
import SQLExecution
import Scoring

/// `POST /score/sql`: a batch of text-to-SQL predictions scored by ``SQLEvaluation``, the code
/// path of `quiver score sql`, so each record is that command's `--out` line (plus `id`).
///
/// Body: `{"items": [{"id"?, "prediction", "gold", "db_id", "difficulty"?}], "options"?: {"semantics",
/// "timeout", "max_rows", "keep_distinct", "no_determinism_check", "ves"}}`, the options being
/// `score sql`'s flags with `_` for `-`. Databases are `<db-root>/<db_id>/<db_id>.sqlite`.
///
/// ```swift
/// let rewards = try SQLRewards(databaseRoot: "spider/database", tables: "spider/tables.json")
/// let json = try rewards.score(body, limits: ServiceLimits())
/// ```
public struct SQLRewards: Sendable {
    static let itemFields: Set<String> = ["id", "prediction", "gold", "db_id", "difficulty"]
    static let optionFields: Set<String> = ["semantics", "timeout", "max_rows", "keep_distinct", "no_determinism_check", "ves"]

    /// Where the databases are; nil when the server has no `--db-root`.
    public let factory: SQLiteDatabaseFactory?
    /// The schemas of `--tables`, by db_id.
    public let schemas: [String: Schema]?
    private let structural: StructuralScorer

    /// Reward scoring on the databases under `databaseRoot`, with the schemas of a Spider/BIRD
    /// `tables` file for exact match and schema linking; both optional.
    public init(databaseRoot: String?, tables: String?) throws(ServiceSetupError) {
        if let databaseRoot {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: databaseRoot, isDirectory: &isFolder), isFolder.boolValue else {
                throw ServiceSetupError("--db-root \(databaseRoot) is not a folder; give the folder of <db_id>/<db_id>.sqlite files")
            }
        }
        factory = databaseRoot.map { SQLiteDatabaseFactory(root: URL(fileURLWithPath: $0)) }
        if let tables {
            do {
                schemas = try SpiderTables.load(from: URL(fileURLWithPath: tables))
            } catch {
                throw ServiceSetupError("--tables: cannot read '\(tables)' as Spider/BIRD tables.json: \(error)")
            }
        } else {
            schemas = nil
        }
        structural = StructuralScoring.scorer(schemas: schemas)
    }

    /// Scores a request body; returns `{"items": [record, …]}` in item order.
    public func score(_ body: JSONObject, limits: ServiceLimits) throws(ServiceError) -> [UInt8] {
        guard let factory else {
            throw ServiceError(status: 404, code: "NoDatabases",
                               message: "this server has no SQL databases; start it with --db-root DIR (and --tables FILE)")
        }
        var options = try Self.options(body.optionalObject("options", allowed: Self.optionFields), limits: limits)
        let values = try body.list("items", limit: limits.maxItems)
        var examples: [SQLExample] = [], predictions: [String] = [], ids: [ItemID?] = []
        for (index, value) in values.enumerated() {
            let item = try JSONObject(value, path: "items[\(index)]", allowed: Self.itemFields)
            examples.append(SQLExample(index: index, databaseID: try item.string("db_id"), gold: try item.string("gold"),
                                       difficulty: try item.optionalString("difficulty")))
            predictions.append(try item.string("prediction"))
            ids.append(try item.itemID())
        }
        let missing = Set(examples.map(\.databaseID)).filter { !FileManager.default.fileExists(atPath: factory.path(for: $0)) }.sorted()
        if !missing.isEmpty {
            throw ServiceError(status: 404, code: "UnknownDatabase",
                               message: "no database for db_id \(missing.prefix(5).joined(separator: ", ")) under --db-root (looked for '\(factory.path(for: missing[0]))')")
        }
        // A large batch gets several threads; small ones (the usual RL batch) one, beside other requests.
        options.jobs = min(limits.workers, max(1, examples.count / 64))
        let results = SQLEvaluation(executors: factory, options: options, structural: structural).run(examples: examples, predictions: predictions)
        return try RecordEncoding.encoded(zip(ids, results).map { IdentifiedRecord(id: $0, record: $1) })
    }

    /// The options of a batch, with `quiver score sql`'s defaults; the timeout at most the server's.
    static func options(_ object: JSONObject?, limits: ServiceLimits) throws(ServiceError) -> SQLEvaluationOptions {
        let semantics = try object?.optionalChoice("semantics", from: ComparisonSemantics.allCases.map(\.rawValue))
        let timeout = try object?.optionalNumber("timeout", in: 0.001...limits.maxTimeout) ?? min(30, limits.maxTimeout)
        return SQLEvaluationOptions(
            semantics: semantics.flatMap(ComparisonSemantics.init(rawValue:)) ?? .strict,
            timeout: .milliseconds(Int64(timeout * 1_000)),
            maxRows: try object?.optionalInteger("max_rows", in: 1...Int.max) ?? 1_000_000,
            jobs: 1,
            keepDistinct: try object?.optionalBool("keep_distinct") ?? false,
            checkDeterminism: !(try object?.optionalBool("no_determinism_check") ?? false),
            efficiencyIterations: try object?.optionalInteger("ves", in: 0...1_000) ?? 0)
    }
}

/// Why the server cannot start: a one-line message naming the option and what to give instead.
public struct ServiceSetupError: Error, Sendable, CustomStringConvertible {
    /// The message.
    public var description: String

    /// An error with this message.
    public init(_ description: String) { self.description = description }
}
