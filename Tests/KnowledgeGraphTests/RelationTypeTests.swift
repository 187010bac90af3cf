import Testing
@testable import KnowledgeGraph

@Suite struct RelationTypeTests {
    @Test(arguments: [
        (["was", "born", "in"], false, "BORN_IN", false), (["was", "directed", "by"], false, "DIRECTED", true),
        (["is", "the", "capital", "of"], false, "CAPITAL_OF", false), (["is", "a", "town", "in"], false, "LOCATED_IN", false),
        (["was", "founded", "in"], true, "FOUNDED_ON", false), (["starring"], false, "STARRED_IN", true),
        (["served", "as", "ambassador", "to"], false, "AMBASSADOR_TO", false), (["wrote"], false, "WROTE", false),
        (["studied", "navigation", "at"], false, "STUDIED_AT", false), (["supplied", "the", "lenses", "of"], false, "SUPPLIED_LENSES_OF", false),
        (["took", "part", "in"], false, "TOOK_PART_IN", false), (["was", "renamed"], false, "RENAMED_AS", false),
    ])
    func phrasesNormaliseToOneTypePerMeaning(words: [String], date: Bool, type: String, inverse: Bool) throws {
        let normalized = try #require(RelationType.normalize(words, objectIsDate: date))
        #expect(normalized.type == type)
        #expect(normalized.inverse == inverse)
    }

    @Test(arguments: [["and"], ["represented", "the", "merchants", "in"], ["was", "found", "guilty"]])
    func phrasesThatStateNoRelationAreNone(words: [String]) {
        #expect(RelationType.normalize(words) == nil)
    }

    @Test func freePhrasesOfAModelGetTheSameTypes() {
        #expect(RelationType.normalize(phrase: "was born in")?.type == "BORN_IN")
        #expect(RelationType.normalize(phrase: "directed by") == RelationType.Normalized(type: "DIRECTED", inverse: true))
        #expect(RelationType.normalize(phrase: "seen from")?.type == "SEEN_FROM")
        #expect(RelationType.name(["co-founded", "by"]) == "CO_FOUNDED_BY")
    }
}

@Suite struct SentencePatternTests {
    func relations(_ text: String, title: String) -> Set<String> {
        let extraction = OfflineExtractor().extract(text: text, title: title)
        return Set(extraction.relations.map {
            "\(extraction.mentions[$0.subject].key) \($0.type) \(extraction.mentions[$0.object].key)"
        })
    }

    @Test func lifeDatesCopulaAndParticipleClause() {
        let found = relations("Orla Menz (1855–1940) was an astronomer, born in Brannock.", title: "Orla Menz")
        #expect(found.isSuperset(of: ["orla menz BORN_ON 1855", "orla menz DIED_ON 1940", "orla menz IS_A astronomer",
                                      "orla menz BORN_IN brannock"]))
    }

    @Test func pronounsAndPossessivesStandForTheArticlesSubject() {
        let found = relations("Hendrik Vane was a harbour master. His son Teodor Vane became a councillor. He led the fire crews.",
                              title: "Hendrik Vane")
        #expect(found.contains("teodor vane SON_OF hendrik vane"))
        #expect(found.contains("hendrik vane IS_A harbour master"))
    }

    @Test func appositionsCoordinationAndPassiveAgents() {
        let found = relations("The Harrow & Lune Shipping Company is a firm in Port Elsin, founded in 1849 by the merchant Lise Harrow and the shipwright Benedikt Lune.",
                              title: "Harrow & Lune Shipping Company")
        #expect(found.isSuperset(of: ["lise harrow FOUNDED harrow lune shipping company", "benedikt lune FOUNDED harrow lune shipping company",
                                      "harrow lune shipping company FOUNDED_ON 1849", "harrow lune shipping company LOCATED_IN port elsin"]))
        #expect(found.contains("lise harrow IS_A merchant"))
    }

    @Test func negatedAndModifierReadingsStateNothing() {
        #expect(relations("Robert Durst was found not guilty by a Galveston County Jury.", title: "Robert Durst").isEmpty)
        // "American" modifies "actor": it is no subject.
        #expect(!relations("He is an American actor known for Heat.", title: "Al Pacino").contains { $0.hasPrefix("american") })
    }
}
