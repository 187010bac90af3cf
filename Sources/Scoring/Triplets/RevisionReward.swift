import Foundation

/// SC-Captioner's reward for a self-correction: bonus for what a revision removed or added
/// correctly, penalty for what it removed or added wrongly, judged against a reference
/// (Zhang et al., ICCV 2025, arXiv 2508.06125; `compute_rewards` in `train/sc/trainer.py`).
///
/// With objects O and per-object attributes A of the initial (c0), revised (c1) and reference
/// versions: removed `O⁻ = O(c0) \ O(c1)`, added `O⁺ = O(c1) \ O(c0)`; a removed/added pair with
/// similarity > 0.75 is a rephrasing and leaves both sets. Attributes likewise per object key
/// (`A⁻_k`, `A⁺_k`), skipping objects that were themselves removed or added, and only for keys the
/// reference has. For an object, `s` = its best similarity to a reference object; for an attribute
/// of key k, to an attribute of k in the reference.
/// ```
/// soft  = mean_{O⁻}(0.6 − s) + mean_{O⁺}(s − 0.55)                   (mean of nothing = 0)
/// bonus = + min(0.25·#{O⁻: s<0.6}, 0.75) − min(0.25·#{O⁻: s>0.7}, 0.75)
///         − min(0.25·#{O⁺: s<0.6}, 0.75) + min(0.25·#{O⁺: s>0.7}, 0.75)
///         − Σ_k min(0.15·#{A⁻_k: s>0.7}, 0.45) + Σ_k min(0.15·#{A⁺_k: s>0.7}, 0.45)
/// bonus = −1 when the revision equals the initial version (no correction)
/// r     = sigmoid(2·soft + bonus) − 0.5        ∈ (−0.5, 0.5)
/// ```
/// SC-Captioner compares words with a text encoder's cosine; Quiver uses a ``TextSimilarity``.
/// Its intended −3 for a revision more than twice as long is not applied in its code, nor here.
/// For triplet sets, ``RevisionItems/init(triplets:)`` takes entities as objects and each
/// subject's "relation object" phrases as its attributes.
public struct RevisionReward: Sendable {
    /// How objects and attributes are compared.
    public var similarity: TextSimilarity

    /// A reward with the given similarity.
    public init(similarity: TextSimilarity = .exact) {
        self.similarity = similarity
    }

    /// The reward and its parts.
    public struct Result: Hashable, Sendable, Codable {
        /// `sigmoid(2·soft + bonus) − 0.5`.
        public var reward: Double
        /// The soft term.
        public var soft: Double
        /// The bonus/penalty term.
        public var bonus: Double
        /// Objects the revision removed (after dropping rephrasings).
        public var removed: [String]
        /// Objects the revision added (after dropping rephrasings).
        public var added: [String]
    }

    /// Scores the change from `initial` to `revised` against `reference`.
    public func score(initial: RevisionItems, revised: RevisionItems, reference: RevisionItems) -> Result {
        let before = Set(initial.objects), after = Set(revised.objects)
        var removed = initial.objects.filter { !after.contains($0) }.uniqued()
        var added = revised.objects.filter { !before.contains($0) }.uniqued()
        let rephrased = removed.flatMap { r in added.filter { similarity.score(r, $0) > 0.75 }.map { (r, $0) } }
        let droppedRemoved = Set(rephrased.map(\.0)), droppedAdded = Set(rephrased.map(\.1))
        removed.removeAll { droppedRemoved.contains($0) }
        added.removeAll { droppedAdded.contains($0) }

        let removedScores = removed.map { best($0, among: reference.objects) }
        let addedScores = added.map { best($0, among: reference.objects) }
        let soft = mean(removedScores.map { 0.6 - $0 }) + mean(addedScores.map { $0 - 0.55 })
        let goodRemovals = capped(removedScores.filter { $0 < 0.6 }.count, 0.25, 0.75)
        let badRemovals = capped(removedScores.filter { $0 > 0.7 }.count, 0.25, 0.75)
        let badAdditions = capped(addedScores.filter { $0 < 0.6 }.count, 0.25, 0.75)
        let goodAdditions = capped(addedScores.filter { $0 > 0.7 }.count, 0.25, 0.75)
        var bonus: Double = goodRemovals - badRemovals - badAdditions + goodAdditions
        let changedObjects = Set(removed).union(added)
        let keys = Set(initial.attributes.keys).union(revised.attributes.keys)
        for key in keys.sorted() where !changedObjects.contains(key) {
            guard let referenceAttributes = reference.attributes[key] else { continue }
            let a0 = initial.attributes[key] ?? [], a1 = revised.attributes[key] ?? []
            let lost = a0.subtracting(a1).map { best($0, among: Array(referenceAttributes)) }
            let gained = a1.subtracting(a0).map { best($0, among: Array(referenceAttributes)) }
            bonus -= capped(lost.filter { $0 > 0.7 }.count, 0.15, 0.45)
            bonus += capped(gained.filter { $0 > 0.7 }.count, 0.15, 0.45)
        }
        if initial == revised { bonus = -1 }
        let reward = 1 / (1 + exp(-(2 * soft + bonus))) - 0.5
        return Result(reward: reward, soft: soft, bonus: bonus, removed: removed, added: added)
    }

    /// `min(step · count, cap)`: SC-Captioner's saturating count.
    private func capped(_ count: Int, _ step: Double, _ cap: Double) -> Double {
        min(step * Double(count), cap)
    }

    private func best(_ item: String, among others: [String]) -> Double {
        others.map { similarity.score(item, $0) }.max() ?? 0
    }

    private func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}

/// The objects and per-object attributes of one version (initial, revised or reference).
public struct RevisionItems: Hashable, Sendable {
    /// The objects mentioned.
    public var objects: [String]
    /// Attributes per object.
    public var attributes: [String: Set<String>]

    /// Items from explicit objects and attributes.
    public init(objects: [String], attributes: [String: Set<String>] = [:]) {
        self.objects = objects
        self.attributes = attributes
    }

    /// Items of a triplet set: its entities as objects; each subject's "relation object" phrases as attributes.
    public init(triplets: [Triplet]) {
        var attributes: [String: Set<String>] = [:]
        for t in triplets { attributes[t.subject, default: []].insert("\(t.relation) \(t.object)") }
        self.init(objects: Triplet.entities(of: triplets), attributes: attributes)
    }

    /// Equal when the object sets and the non-empty attribute sets are equal (order and repeats ignored).
    public static func == (lhs: RevisionItems, rhs: RevisionItems) -> Bool {
        Set(lhs.objects) == Set(rhs.objects) && lhs.attributes.filter { !$0.value.isEmpty } == rhs.attributes.filter { !$0.value.isEmpty }
    }

    /// Hashes the object set, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(Set(objects)) }
}

extension Array where Element: Hashable {
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
