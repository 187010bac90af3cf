/// One line of a `quiver score triples` input file (`schemas/triples-input.schema.json`):
/// `{"id": "q1", "gold": [["s","r","o"]], "prediction": [["s","r","o"]], "initial": [["s","r","o"]]}`.
///
/// `initial` is optional: when given, `prediction` is read as its revision and SC-Captioner's
/// revision reward is computed too.
public struct TripletExample: Codable, Hashable, Sendable {
    /// An identifier echoed in the output (a string or a number in the input).
    public var id: String?
    /// The gold triplets.
    public var gold: [Triplet]
    /// The predicted (or revised) triplets.
    public var prediction: [Triplet]
    /// The triplets before revision, if the prediction is a revision.
    public var initial: [Triplet]?

    /// An example from its parts.
    public init(id: String? = nil, gold: [Triplet], prediction: [Triplet], initial: [Triplet]? = nil) {
        self.id = id
        self.gold = gold
        self.prediction = prediction
        self.initial = initial
    }

    private enum CodingKeys: String, CodingKey { case id, gold, prediction, initial }

    /// Decodes a line; `id` may be a string or an integer.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try? c.decodeIfPresent(String.self, forKey: .id) {
            id = text
        } else if let number = try? c.decodeIfPresent(Int.self, forKey: .id) {
            id = String(number)
        } else {
            id = nil
        }
        gold = try c.decode([Triplet].self, forKey: .gold)
        prediction = try c.decode([Triplet].self, forKey: .prediction)
        initial = try c.decodeIfPresent([Triplet].self, forKey: .initial)
    }
}

/// The scores of one example (`schemas/triples-output.schema.json`).
public struct TripletScores: Codable, Hashable, Sendable {
    /// R1-SGG-style node, edge, hard-edge and weighted total.
    public struct SceneGraph: Codable, Hashable, Sendable {
        /// Node reward.
        public var node: Double
        /// Soft edge recall.
        public var edge: Double
        /// Hard edge recall.
        public var edgeHard: Double
        /// Weighted total.
        public var total: Double
        private enum CodingKeys: String, CodingKey {
            case node, edge, total
            case edgeHard = "edge_hard"
        }
    }

    /// CheXPO-v2 Jaccard reward and its F1 variant.
    public struct KnowledgeGraph: Codable, Hashable, Sendable {
        /// `½ · [J(entities) + J(triplets)]`.
        public var jaccard: Double
        /// `½ · [F1(entities) + F1(triplets)]`.
        public var f1: Double
    }

    /// SC-Captioner's revision reward.
    public struct Revision: Codable, Hashable, Sendable {
        /// The reward in (−0.5, 0.5).
        public var reward: Double
        /// Its soft term.
        public var soft: Double
        /// Its bonus/penalty term.
        public var bonus: Double
    }

    /// The example's id.
    public var id: String?
    /// R1-SGG-style scores.
    public var r1sgg: SceneGraph
    /// CheXPO-v2 scores.
    public var chexpo: KnowledgeGraph
    /// SC-Captioner scores, when the example has `initial`.
    public var scCaptioner: Revision?

    private enum CodingKeys: String, CodingKey {
        case id, r1sgg, chexpo
        case scCaptioner = "sc_captioner"
    }

    /// Encodes every key, with `null` for a missing id or revision score, so each line has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(r1sgg, forKey: .r1sgg)
        try c.encode(chexpo, forKey: .chexpo)
        try c.encode(scCaptioner, forKey: .scCaptioner)
    }
}

/// Computes all triplet-set rewards for an example.
///
/// ```swift
/// let scores = TripletScorer(similarity: .tokenOverlap).score(example)
/// ```
public struct TripletScorer: Sendable {
    /// How names are compared by the R1-SGG and SC-Captioner rewards (CheXPO-v2 is exact by design).
    public var similarity: TextSimilarity
    /// R1-SGG node weight.
    public var nodeWeight: Double
    /// R1-SGG edge weight.
    public var edgeWeight: Double

    /// A scorer with the given similarity and R1-SGG weights (default 2 and 5).
    public init(similarity: TextSimilarity = .exact, nodeWeight: Double = 2, edgeWeight: Double = 5) {
        self.similarity = similarity
        self.nodeWeight = nodeWeight
        self.edgeWeight = edgeWeight
    }

    /// The scores of one example.
    public func score(_ example: TripletExample) -> TripletScores {
        let sg = SceneGraphReward(similarity: similarity, nodeWeight: nodeWeight, edgeWeight: edgeWeight)
            .score(prediction: example.prediction, gold: example.gold)
        let kg = TripletScores.KnowledgeGraph(
            jaccard: KnowledgeGraphJaccard.jaccard(prediction: example.prediction, gold: example.gold),
            f1: KnowledgeGraphJaccard.f1(prediction: example.prediction, gold: example.gold))
        var revision: TripletScores.Revision?
        if let initial = example.initial {
            let r = RevisionReward(similarity: similarity).score(
                initial: RevisionItems(triplets: initial), revised: RevisionItems(triplets: example.prediction),
                reference: RevisionItems(triplets: example.gold))
            revision = .init(reward: r.reward, soft: r.soft, bonus: r.bonus)
        }
        return TripletScores(
            id: example.id,
            r1sgg: .init(node: sg.node, edge: sg.edge, edgeHard: sg.edgeHard, total: sg.total),
            chexpo: kg, scCaptioner: revision)
    }
}
