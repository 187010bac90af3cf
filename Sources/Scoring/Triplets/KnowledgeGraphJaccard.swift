/// CheXPO-v2's knowledge-graph consistency reward: the mean of the entity-set and triplet-set
/// Jaccard indices (`external_kg_jac` in `ecoxial2007/CheX-Phi4MM/plugin.py`, arXiv 2512.17213).
///
/// `R_KG = ½ · [J(E_p, E_g) + J(R_p, R_g)]`, `J(A, B) = |A ∩ B| / |A ∪ B|`, and `J = 1` when both
/// sets are empty. Entities are the subjects and objects of the triplets unless given explicitly
/// (CheXPO-v2 uses (span, type) pairs from its NER). Matching is exact string equality, as in
/// CheXPO-v2. The earlier F1 variant (`kgkg`) is ``f1``: `½ · [F1(E) + F1(R)]` with `F1 = 0` when
/// either side is empty (even both).
///
/// ```swift
/// KnowledgeGraphJaccard.jaccard(prediction: [Triplet("a", "r", "b")], gold: [Triplet("a", "r", "c")])
/// // entities 1/3, triplets 0 → 1/6
/// ```
public enum KnowledgeGraphJaccard {
    /// `½ · [J(entities) + J(triplets)]`.
    public static func jaccard(prediction: [Triplet], gold: [Triplet],
                               predictedEntities: [String]? = nil, goldEntities: [String]? = nil) -> Double {
        let e = index(Set(predictedEntities ?? Triplet.entities(of: prediction)), Set(goldEntities ?? Triplet.entities(of: gold)))
        return 0.5 * (e + index(Set(prediction), Set(gold)))
    }

    /// `½ · [F1(entities) + F1(triplets)]`, each F1 0 when either side is empty.
    public static func f1(prediction: [Triplet], gold: [Triplet],
                          predictedEntities: [String]? = nil, goldEntities: [String]? = nil) -> Double {
        let e = f1(Set(predictedEntities ?? Triplet.entities(of: prediction)), Set(goldEntities ?? Triplet.entities(of: gold)))
        return 0.5 * (e + f1(Set(prediction), Set(gold)))
    }

    /// The Jaccard index, 1 for two empty sets.
    public static func index<T: Hashable>(_ a: Set<T>, _ b: Set<T>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }

    /// F1 of `prediction` against `gold`, 0 when either is empty or nothing overlaps.
    public static func f1<T: Hashable>(_ prediction: Set<T>, _ gold: Set<T>) -> Double {
        guard !prediction.isEmpty, !gold.isEmpty else { return 0 }
        let common = Double(prediction.intersection(gold).count)
        let p = common / Double(prediction.count), r = common / Double(gold.count)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
}
