import Foundation
import PropertyGraph
import QuiverCore
import Scoring

/// `POST /score/cypher`: a batch of text-to-Cypher predictions scored by ``CypherEvaluation``
/// (the code path of `quiver score cypher`), each on a read snapshot, so records are that
/// command's `--out` lines (plus `id`).
///
/// Body: `{"items": [{"id"?, "prediction", "gold", "db_id"?}], "options"?: {"semantics", "timeout"}}`.
/// Queries run on the graph of `db_id` in `--cypher-graphs` (a folder of graph folders, as
/// `score cypher --graph`), or on the served graph when the server has no `--cypher-graphs`.
///
/// ```swift
/// let rewards = try CypherRewards(catalog: "text2cypher/graphs", served: database)
/// ```
public final class CypherRewards: Sendable {
    static let itemFields: Set<String> = ["id", "prediction", "gold", "db_id"]
    static let optionFields: Set<String> = ["semantics", "timeout"]

    private let catalog: CypherGraphCatalog?
    private let served: GraphDatabase
    /// Graphs of the catalog loaded so far, by location: loaded once, then read on snapshots.
    private let loaded = Locked<[String: Result<GraphSnapshot, FileError>]>([:])

    /// Scoring on the graphs of `catalog` (a path as `score cypher --graph` takes), or on `served`.
    public init(catalog path: String?, served: GraphDatabase) throws(ServiceSetupError) {
        do {
            catalog = try path.map { path throws(FileError) in try CypherGraphCatalog(path: path) }
        } catch {
            throw ServiceSetupError("--cypher-graphs: \(error)")
        }
        self.served = served
    }

    /// Scores a request body; returns `{"items": [record, …]}` in item order.
    public func score(_ body: JSONObject, limits: ServiceLimits) throws(ServiceError) -> [UInt8] {
        let options = try body.optionalObject("options", allowed: Self.optionFields)
        let semantics = try options?.optionalChoice("semantics", from: CypherComparisonSemantics.allCases.map(\.rawValue))
        let timeout = try options?.optionalNumber("timeout", in: 0.001...limits.maxTimeout) ?? min(10, limits.maxTimeout)
        let evaluation = CypherEvaluation(catalog: nil, options: CypherEvaluationOptions(
            semantics: semantics.flatMap(CypherComparisonSemantics.init(rawValue:)) ?? .strict,
            timeout: .milliseconds(Int64(timeout * 1_000))))
        var records: [IdentifiedRecord<CypherExampleResult>] = []
        for (index, value) in try body.list("items", limit: limits.maxItems).enumerated() {
            let item = try JSONObject(value, path: "items[\(index)]", allowed: Self.itemFields)
            let example = CypherExample(index: index, gold: try item.string("gold"), database: try item.optionalString("db_id"))
            let prediction = try item.string("prediction")
            let (snapshot, graphError) = graph(for: example.database)
            records.append(IdentifiedRecord(id: try item.itemID(),
                                            record: evaluation.score(example, prediction: prediction, graph: snapshot, graphError: graphError)))
        }
        return try RecordEncoding.encoded(records)
    }

    /// The snapshot an example runs on, or why there is none (the messages of `score cypher`).
    private func graph(for database: String?) -> (GraphSnapshot?, String?) {
        guard let catalog else { return (served.snapshot(), nil) }
        guard let location = catalog.location(for: database) else {
            return (nil, "no graph for database '\(database ?? "")' under \(catalog.path) (it has \(catalog.databases?.joined(separator: ", ") ?? ""))")
        }
        let outcome = loaded.withLock { graphs in
            if let found = graphs[location] { return found }
            let result = Result { () throws(FileError) in try CypherGraphLoader.load(location).snapshot() }
            graphs[location] = result
            return result
        }
        switch outcome {
        case .success(let snapshot): return (snapshot, nil)
        case .failure(let error): return (nil, "the graph could not be loaded: \(error)")
        }
    }
}
