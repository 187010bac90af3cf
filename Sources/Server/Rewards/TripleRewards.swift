import QuiverCore
import Scoring

/// `POST /score/triples`: triplet-set rewards (R1-SGG, CheXPO-v2, SC-Captioner) per item, by
/// ``TripletScorer`` as `quiver score triples` computes them; records are that command's lines.
///
/// Body: `{"items": [{"id"?, "gold": [[s, r, o]], "prediction": [[s, r, o]], "initial"?: [[s, r, o]]}],
/// "options"?: {"similarity", "node_weight", "edge_weight"}}`.
///
/// ```swift
/// let json = try TripleRewards().score(body, limits: ServiceLimits())
/// ```
public struct TripleRewards: Sendable {
    static let itemFields: Set<String> = ["id", "gold", "prediction", "initial"]
    static let optionFields: Set<String> = ["similarity", "node_weight", "edge_weight"]

    /// Triplet scoring.
    public init() {}

    /// Scores a request body; returns `{"items": [record, …]}` in item order.
    public func score(_ body: JSONObject, limits: ServiceLimits) throws(ServiceError) -> [UInt8] {
        let options = try body.optionalObject("options", allowed: Self.optionFields)
        let similarity = try options?.optionalChoice("similarity", from: TextSimilarity.allCases.map(\.rawValue))
        let scorer = TripletScorer(
            similarity: similarity.flatMap(TextSimilarity.init(rawValue:)) ?? .exact,
            nodeWeight: try options?.optionalNumber("node_weight", in: 0...Double.greatestFiniteMagnitude) ?? 2,
            edgeWeight: try options?.optionalNumber("edge_weight", in: 0...Double.greatestFiniteMagnitude) ?? 5)
        var records: [TripletScores] = []
        for (index, value) in try body.list("items", limit: limits.maxItems).enumerated() {
            let item = try JSONObject(value, path: "items[\(index)]", allowed: Self.itemFields)
            // The CLI's reader keeps ids as text (an integer id becomes its digits); so does this.
            let id: String? = switch try item.itemID() {
            case .string(let text)?: text
            case .integer(let number)?: String(number)
            case nil: nil
            }
            let example = TripletExample(id: id, gold: try triplets(item, "gold"), prediction: try triplets(item, "prediction"),
                                         initial: item["initial"] == nil ? nil : try triplets(item, "initial"))
            records.append(scorer.score(example))
        }
        return try RecordEncoding.encoded(records)
    }

    private func triplets(_ item: JSONObject, _ key: String) throws(ServiceError) -> [Triplet] {
        let bad = ServiceError.badRequest("`\(key)` in \(item.path) must be an array of [subject, relation, object] string triples",
                                          code: "WrongType")
        guard case .list(let list)? = item[key] else {
            if item[key] == nil { throw .badRequest("\(item.path) needs `\(key)` (an array of triples)", code: "MissingField") }
            throw bad
        }
        var out: [Triplet] = []
        for entry in list {
            guard case .list(let parts) = entry, parts.count == 3,
                  case .string(let subject) = parts[0], case .string(let relation) = parts[1], case .string(let object) = parts[2]
            else { throw bad }
            out.append(Triplet(subject, relation, object))
        }
        return out
    }
}
