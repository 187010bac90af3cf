extension KnowledgeGraph {
    /// Sets every entity's category from the evidence the graph holds: its IS_A classes ("was an
    /// astronomer" → person), its title's disambiguation ("(band)" → organisation), the class noun in its
    /// name ("Norrholm Observatory", "Treaty of Tessaly"), the roles its relations give it (the subject
    /// of BORN_IN is a person, the object a place), and the personal pronouns that refer to it ("She
    /// founded …"). The strongest evidence wins; none leaves `other`.
    ///
    /// ```swift
    /// graph.inferCategories()
    /// graph.entities.filter { $0.category == .person }.map(\.name)
    /// ```
    public mutating func inferCategories() {
        var votes = [[EntityCategory: Float]](repeating: [:], count: entities.count)
        for relation in relations {
            let subject = Int(relation.subject), object = Int(relation.object)
            if relation.type == RelationType.isA {
                let head = entities[object].key.split(separator: " ").last.map(String.init) ?? ""
                if let category = EntityCategory.of(classNoun: head) {
                    votes[subject][category, default: 0] += relation.confidence
                }
                continue
            }
            for (role, category) in Self.roleCategories(of: relation.type) {
                votes[role == .subject ? subject : object][category, default: 0] += 0.5
            }
        }
        for (entity, count) in personalReferenceCounts() {
            votes[Int(entity)][.person, default: 0] += Float(min(count, 3))
        }
        for index in entities.indices {
            let entity = entities[index]
            switch entity.kind {
            case .date:
                entities[index].category = .date
                continue
            case .number:
                entities[index].category = .number
                continue
            case .concept:
                entities[index].category = .other
                continue
            case .title, .name, .quoted:
                break
            }
            if let word = LinkSupport.disambiguation(of: entity.name).last, let category = EntityCategory.of(classNoun: word) {
                votes[index][category, default: 0] += 2
            }
            let words = entity.key.split(separator: " ").map(String.init)
            if words.count > 1, let last = words.last, let category = EntityCategory.of(classNoun: last),
                category != .person
            {
                votes[index][category, default: 0] += 1.5
            } else if words.count > 2, words[1] == "of", let category = EntityCategory.of(classNoun: words[0]) {
                votes[index][category, default: 0] += 1.5
            }
            let best = votes[index].max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }
            entities[index].category = best?.key ?? .other
        }
        shareCategoriesWithFullNames()
        categorizeByGivenNames()
    }

    /// A title and the fuller name its passage opens with ("Rose McGowan" and "Rose Arianna McGowan (born
    /// 1973) is …") are one thing: the one without a category takes the other's.
    private mutating func shareCategoriesWithFullNames() {
        for mention in mentions where mention.start == 0 && mention.end > 0 {
            let title = Int(titleEntity[Int(mention.passage)]), subject = Int(mention.entity)
            guard title != subject, (entities[title].category == .other) != (entities[subject].category == .other),
                Set(entities[title].key.split(separator: " ")).isSubset(of: entities[subject].key.split(separator: " "))
            else { continue }
            if entities[title].category == .other {
                entities[title].category = entities[subject].category
            } else {
                entities[subject].category = entities[title].category
            }
        }
    }

    /// Names of two to four words whose first word the corpus uses as a given name become people: a
    /// first word that starts at least two people's names and less than half as many other categorised
    /// names ("Adriana" from "Adriana Caselotti"; not "New", which starts places). The corpus is its own
    /// list of given names.
    private mutating func categorizeByGivenNames() {
        var people: [Substring: Int] = [:], others: [Substring: Int] = [:]
        func shape(_ entity: Entity) -> Substring? {
            guard entity.kind == .name || entity.kind == .title else { return nil }
            let words = entity.name.split(separator: " ")
            guard (2...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }),
                !entity.name.contains("(")
            else { return nil }
            return words[0]
        }
        for entity in entities {
            guard let first = shape(entity) else { continue }
            switch entity.category {
            case .person: people[first, default: 0] += 1
            case .other, .date, .number: break
            default: others[first, default: 0] += 1
            }
        }
        for index in entities.indices where entities[index].category == .other {
            guard let first = shape(entities[index]), let count = people[first], count >= 2,
                count > 2 * (others[first] ?? 0)
            else { continue }
            entities[index].category = .person
        }
    }

    /// How often each entity is referred to by "he", "she", "his", "her" (references read by the extractor).
    private func personalReferenceCounts() -> [Int32: Int] {
        let personal: Set<[UInt8]> = [Array("he".utf8), Array("she".utf8), Array("his".utf8), Array("her".utf8)]
        var counts: [Int32: Int] = [:]
        var cachedPassage: Int32 = -1
        var bytes: [UInt8] = []
        for mention in mentions where (2...3).contains(mention.end - mention.start) {
            if mention.passage != cachedPassage {
                cachedPassage = mention.passage
                bytes = Array(passages[Int(mention.passage)].text.utf8)
            }
            guard Int(mention.end) <= bytes.count else { continue }
            let surface = bytes[Int(mention.start)..<Int(mention.end)].map { $0 | 0x20 }  // ASCII lower case
            if personal.contains(surface) { counts[mention.entity, default: 0] += 1 }
        }
        return counts
    }

    private enum Role { case subject, object }

    /// Verbs whose "VERB_IN" object is a place.
    private static let placingVerbs: Set<String> = [
        "located", "based", "headquartered", "situated", "lived", "settled", "resided", "born", "died", "buried",
        "raised", "grew", "moved", "emigrated", "relocated",
    ]
    /// Verbs whose object is a creative work.
    private static let creatingVerbs: Set<String> = ["directed", "wrote", "composed", "painted", "filmed", "illustrated"]

    /// What a relation type says of its subject and object ("BORN_IN": a person born in a place).
    private static func roleCategories(of type: String) -> [(Role, EntityCategory)] {
        switch type {
        case "BORN_IN", "DIED_IN", "BURIED_IN": return [(.subject, .person), (.object, .place)]
        case RelationType.bornOn, RelationType.diedOn, "MARRIED", "MARRIED_TO": return [(.subject, .person)]
        case "LOCATED_IN", "CAPITAL_OF": return [(.object, .place)]
        default:
            let words = type.split(separator: "_").map { $0.lowercased() }
            if words.count == 2, ["in", "at", "near"].contains(words[1]), placingVerbs.contains(words[0]) {
                return [(.object, .place)]  // BASED_IN, HEADQUARTERED_IN, LIVED_IN, SETTLED_IN
            }
            if words.count == 1, creatingVerbs.contains(words[0]) { return [(.object, .work)] }
            if words.count == 2, words[1] == "in", words[0] == "starred" { return [(.subject, .person), (.object, .work)] }
            if words.count == 2, words[1] == "in", ["appeared", "featured"].contains(words[0]) {
                return [(.object, .work)]  // a character appears in a work too
            }
            if words.count == 2, words[1] == "of", EntityCategory.of(classNoun: words[0]) == .person {
                return [(.subject, .person)]  // DAUGHTER_OF, FOUNDER_OF, EDITOR_OF
            }
            return []
        }
    }
}
