import KnowledgeGraph
import TextAnalysis

/// Follows the typed relations a question names, from the entities it names: "the founder of the school
/// where Ada Quill studied" walks Ada Quill —[STUDIED_AT]→ Elsin Maritime Institute ←[FOUNDED]— Mira
/// Tavoss. Each relation followed must match a question word not used yet on the path (see
/// `RelationCues`); a path's score is the number of question words it has used. The walk keeps the best
/// `walkBeam` paths per step and stops after `walkDepth` relations.
///
/// ```swift
/// let ends = RelationWalk(index: index, depth: 3, beam: 32).walk(from: [ada], cues: cues)
/// ends[caldmere]?.score   // 3: "studied", "founder", "born"
/// ```
public struct RelationWalk: Sendable {
    /// The index.
    public let index: RetrievalIndex
    /// The most relations a path follows.
    public let depth: Int
    /// The most paths kept per step.
    public let beam: Int

    /// Where a path ends: how many question words it used, and the relations followed.
    public struct End: Sendable, Hashable {
        /// The number of question words the path used.
        public var score: Int
        /// The relations followed (indices into `graph.relations`), in order.
        public var relations: [Int32]
    }

    /// A walk configuration.
    public init(index: RetrievalIndex, depth: Int, beam: Int) {
        self.index = index
        self.depth = depth
        self.beam = beam
    }

    private struct State {
        var entity: Int32
        var used: Set<Int>
        var relations: [Int32]
        var visited: Set<Int32>
    }

    /// The best path to every entity the walk reaches from `starts` (the starts themselves excluded).
    public func walk(from starts: [Int32], cues: RelationCues) -> [Int32: End] {
        guard !cues.words.isEmpty else { return [:] }
        var matchesByType: [String: [Int]] = [:]
        func matches(_ type: String) -> [Int] {
            if let known = matchesByType[type] { return known }
            let found = cues.matches(type)
            matchesByType[type] = found
            return found
        }
        let startSet = Set(starts)
        var frontier = starts.map { State(entity: $0, used: [], relations: [], visited: [$0]) }
        var ends: [Int32: End] = [:]
        for _ in 0..<depth {
            var next: [State] = []
            for state in frontier {
                for position in index.relations(ofEntity: state.entity) {
                    let relation = index.graph.relations[Int(position)]
                    let other = relation.subject == state.entity ? relation.object : relation.subject
                    guard !state.visited.contains(other), !startSet.contains(other) else { continue }
                    let matched = matches(relation.type).filter { !state.used.contains($0) }
                    guard !matched.isEmpty else { continue }
                    // One question word per word of the type: "MENTORED" reads "mentored", not also "mentor".
                    let fresh = Array(matched.prefix(typeWordCount(relation.type)))
                    var grown = state
                    grown.entity = other
                    grown.used.formUnion(fresh)
                    grown.relations.append(position)
                    grown.visited.insert(other)
                    next.append(grown)
                    if grown.used.count > (ends[other]?.score ?? 0) {
                        ends[other] = End(score: grown.used.count, relations: grown.relations)
                    }
                }
            }
            guard !next.isEmpty else { break }
            next.sort { ($0.used.count, -$0.relations.count, $1.entity) > ($1.used.count, -$1.relations.count, $0.entity) }
            frontier = Array(next.prefix(beam))
        }
        return ends
    }

    /// The content words of a type ("SUPPLIED_LENSES_OF" has two).
    private func typeWordCount(_ type: String) -> Int {
        max(1, type.lowercased().split(separator: "_").filter { WordClass.of(String($0)) != .preposition }.count)
    }
}
