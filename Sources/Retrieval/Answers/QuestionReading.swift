import KnowledgeGraph
import TextAnalysis

/// What the extractive answerer reads from a question once, before it reads the passages: its terms and words,
/// the entities it names, its cue, whether it asks about a birth or a death, the class phrase
/// matcher, and the relation walk from its entities.
struct QuestionReading {
    let analysis: AnswerExpectation
    /// The analysed terms of the question's main clause.
    let questionTerms: Set<String>
    /// The entities the question names.
    let questionEntities: Set<Int32>
    /// The question's words outside its names: "Norrholm" may answer a question about the Norrholm Causeway.
    let questionWords: Set<String>
    /// The analysed terms of the cue.
    let cueWords: [String]
    let asksBirth: Bool
    let asksDeath: Bool
    var description: ClassDescription
    /// The ends of the relation walks from the question's entities.
    let walk: [Int32: RelationWalk.End]
    /// The score of the longest walk.
    let longest: Double
    private let index: RetrievalIndex
    private let parameters: AnswerParameters

    init(_ analysis: AnswerExpectation, seeds: Seeds, answerer: ExtractiveAnswerer) {
        let index = answerer.index, parameters = answerer.parameters
        self.analysis = analysis
        questionTerms = Set(index.analyzer.terms(analysis.mainClause))
        questionEntities = Set(seeds.entities.map(\.entity))
        let nameWords = Set(seeds.entities.flatMap { index.graph.entities[Int($0.entity)].key.split(separator: " ").map(String.init) })
        questionWords = Set(analysis.words).subtracting(nameWords)
        cueWords = index.analyzer.terms(analysis.cue)
        asksBirth = analysis.words.contains { ExtractiveAnswerer.birthWords.contains($0) }
        asksDeath = analysis.words.contains { ExtractiveAnswerer.deathWords.contains($0) }
        description = ClassDescription(index: index, phrase: analysis.classPhrase, radius: parameters.descriptionRadius)
        let names = seeds.entities.map { index.graph.entities[Int($0.entity)].name }
        var walk = RelationWalk(index: index, depth: parameters.walkDepth, beam: parameters.walkBeam)
            .walk(from: seeds.entities.map(\.entity), cues: RelationCues(question: analysis.mainClause, excluding: names))
        if let noun = analysis.classNoun { walk = answerer.widen(walk, toClass: noun) }
        self.walk = walk
        longest = Double(walk.values.map(\.score).max() ?? 0)
        self.index = index
        self.parameters = parameters
    }

    /// The walk's gain for an entity. An end of a shorter walk read only part of what the longest walk read: it
    /// loses what it lacks. An end that is not of the expected category keeps `walkMisfitShare` of it.
    func walked(_ entity: Int32) -> Double {
        guard entity >= 0, let end = walk[entity] else { return 0 }
        let fits = analysis.expected.category.map { index.graph.entities[Int(entity)].category == $0 } ?? true
        return parameters.walkWeight * (3 * Double(end.score) - 2 * longest) * (fits ? 1 : parameters.walkMisfitShare)
    }
}
