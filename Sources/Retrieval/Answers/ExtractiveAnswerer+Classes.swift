import KnowledgeGraph
import TextAnalysis

/// What class a candidate is of: the question's class noun in its name or IS_A classes, another kind of place,
/// a role name.
extension ExtractiveAnswerer {
    /// Class nouns of questions about a position someone holds, which a role name answers ("What government
    /// position …?" — "Chief of Protocol of the United States", "United States Senator").
    static let roleNouns: Set<String> = ["position", "office", "post", "title", "role", "rank", "job", "occupation", "profession"]

    /// Whether a name is a role: its head (the word before its first "of", else its last word) is a noun for
    /// a person in the singular ("chief", "senator", "secretary"; "United Artists" is no role).
    static func isRoleName(_ text: String) -> Bool {
        let words = EntityKey.tokenizer.tokenize(text).map(\.text)
        guard words.count > 1 else { return false }
        let head = words.firstIndex(of: "of").map { $0 > 0 ? words[$0 - 1] : "" } ?? words[words.count - 1]
        return !head.hasSuffix("s") && EntityCategory.of(classNoun: head, usingSuffixes: false) == .person
    }

    /// Kinds of places that answer for one another ("which city" may be answered by a town); every other place
    /// noun is a kind of its own, and the vague ones ("place", "area") any kind.
    static let placeKinds: [[String]] = [
        ["city", "town", "village", "hamlet", "suburb", "neighbourhood", "neighborhood", "borough", "municipality",
         "township", "commune", "settlement", "capital", "parish", "community"],
        ["country", "nation", "state", "kingdom", "empire", "republic"],
        ["county", "district", "province", "region", "territory"],
    ]
    static let vaguePlaceNouns: Set<String> = ["place", "location", "site", "area", "venue", "land", "point"]

    /// The kind of place a noun names (its group of `placeKinds`, or itself), nil for no place noun or a vague one.
    static func placeKind(_ noun: String) -> String? {
        let singular = AnswerExpectation.singular(noun)
        guard EntityCategory.placeNouns.contains(singular), !vaguePlaceNouns.contains(singular) else { return nil }
        return placeKinds.first { $0.contains(singular) }?.first ?? singular
    }

    /// Whether an entity is known to be another kind of place than the question's class noun: its name ends with,
    /// or one of its IS_A classes is, a place noun of another kind ("Fairfax County" for "which city").
    func isOtherKindOfPlace(_ entity: Int32, than noun: String) -> Bool {
        guard let asked = Self.placeKind(noun) else { return false }
        let graph = index.graph
        var kinds = Set<String>()
        if let last = graph.entities[Int(entity)].key.split(separator: " ").last, let kind = Self.placeKind(String(last)) {
            kinds.insert(kind)
        }
        for type in index.classes(of: entity) {
            if let last = graph.entities[Int(type)].key.split(separator: " ").last, let kind = Self.placeKind(String(last)) {
                kinds.insert(kind)
            }
        }
        return !kinds.isEmpty && !kinds.contains(asked)
    }

    /// The walk's best ends that are not of the class the question names ("the island where …" ended at a
    /// town) reach, through one relation that places them ("TOWN_OF", "LOCATED_IN"), an entity that is:
    /// that entity ends the walk one word further.
    func widen(_ walk: [Int32: RelationWalk.End], toClass noun: String) -> [Int32: RelationWalk.End] {
        guard let longest = walk.values.map(\.score).max() else { return walk }
        var result = walk
        for (entity, end) in walk where end.score == longest && !hasClass(entity, noun) {
            for position in index.relations(ofEntity: entity) {
                let relation = index.graph.relations[Int(position)]
                guard relation.subject == entity, Self.isPlacing(relation.type), hasClass(relation.object, noun),
                    (result[relation.object]?.score ?? 0) < longest + 1
                else { continue }
                result[relation.object] = RelationWalk.End(score: longest + 1, relations: end.relations + [position])
            }
        }
        return result
    }

    /// Whether a relation type places its subject in its object: LOCATED_IN, and "NOUN_OF" for a place noun.
    static func isPlacing(_ type: String) -> Bool {
        if type.hasPrefix("LOCATED_") { return true }
        let words = type.lowercased().split(separator: "_")
        return words.count == 2 && words[1] == "of" && EntityCategory.of(classNoun: String(words[0]), usingSuffixes: false) == .place
    }

    /// Whether an entity's name or one of its IS_A classes ends with the class noun, or the entity is the
    /// subject of a relation named by it ("Norrholm ISLAND_OF …" makes Norrholm an island).
    func hasClass(_ entity: Int32, _ noun: String) -> Bool {
        let graph = index.graph
        if graph.entities[Int(entity)].key.split(separator: " ").contains(Substring(noun)) { return true }
        if index.classes(of: entity).contains(where: { graph.entities[Int($0)].key.split(separator: " ").last.map(String.init) == noun }) {
            return true
        }
        let prefix = noun.uppercased() + "_"
        return index.relations(ofEntity: entity).contains {
            let relation = graph.relations[Int($0)]
            return relation.subject == entity && relation.type.hasPrefix(prefix)
        }
    }
}
