extension KnowledgeGraph {
    /// Sets every entity's category from the evidence the graph holds: its IS_A classes ("was an
    /// astronomer" → person), its title's disambiguation ("(band)" → organisation), the class noun in its
    /// name ("Norrholm Observatory", "Treaty of Tessaly"), and the roles its relations give it (the subject
    /// of BORN_IN is a person, the object a place). The strongest evidence wins; none leaves `other`.
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
    }

    private enum Role { case subject, object }

    /// What a relation type says of its subject and object ("BORN_IN": a person born in a place).
    private static func roleCategories(of type: String) -> [(Role, EntityCategory)] {
        switch type {
        case "BORN_IN", "DIED_IN", "BURIED_IN": return [(.subject, .person), (.object, .place)]
        case RelationType.bornOn, RelationType.diedOn, "MARRIED", "MARRIED_TO": return [(.subject, .person)]
        case "LOCATED_IN", "CAPITAL_OF": return [(.object, .place)]
        default:
            let words = type.split(separator: "_").map { $0.lowercased() }
            if words.count == 2, words[1] == "of", EntityCategory.of(classNoun: words[0]) == .person {
                return [(.subject, .person)]  // DAUGHTER_OF, FOUNDER_OF, EDITOR_OF
            }
            return []
        }
    }
}
