import TextAnalysis

/// Noun-phrase relations: "X is a Y" (IS_A), appositions ("X, the capital of Y", "X, an American
/// actress,"), role nouns before a name ("the cartographer Ada Quill"), possessives ("Gorillaz's album
/// Demon Days", "His son Teodor Vane") and life dates ("Ada Quill (1849–1931)").
extension SentenceReading {
    /// Reads every noun-phrase relation of the sentence.
    mutating func readNominalRelations() {
        for position in view.items.indices where isName(position) {
            readCopulaClass(after: position)
            readApposition(after: position)
            readRoleNoun(before: position)
            readPossessive(after: position)
        }
        readLifeDates()
    }

    /// "X is a glass factory", "X was a cartographer and navigator": X IS_A each class.
    mutating func readCopulaClass(after name: Int) {
        // Only the sentence's subject: in "Ganzhou, Jiangxi province, China is a pavilion" China is not.
        guard name == subject || view.mention(name).map({ mentions[$0].kind == .title }) == true else { return }
        var probe = name + 1
        if view.isMark(probe, .openParenthesis) {
            while probe < view.items.count, !view.isMark(probe, .closeParenthesis) { probe += 1 }
            probe += 1
        }
        while isLowerWord(probe, .adverb) { probe += 1 }
        guard let copula = view.word(probe), WordClass.copulas.contains(copula) else { return }
        probe += 1
        while isLowerWord(probe, .adverb) { probe += 1 }
        readClasses(of: name, from: probe, confidence: 0.9)
    }

    /// ", a member of Y", ", the capital of Y": a noun and a preposition before a name; ", an American
    /// actress,": a class.
    mutating func readApposition(after name: Int) {
        var probe = name + 1
        if view.isMark(probe, .openParenthesis) {
            while probe < view.items.count, !view.isMark(probe, .closeParenthesis) { probe += 1 }
            probe += 1
        }
        guard view.isMark(probe, .comma), let article = view.word(probe + 1), WordClass.of(article) == .determiner,
            article != "its", article != "his", article != "her", article != "their"
        else { return }
        let start = probe + 1
        var end = start + 1
        while end < start + 5, isLowerWord(end, .other) { end += 1 }
        guard end > start + 1, let noun = view.word(end - 1) else { return }
        if let preposition = view.word(end), WordClass.of(preposition) == .preposition,
            let object = objects(after: end).first, isName(object)
        {
            // "born in Caldmere, the daughter of …" speaks of the sentence's subject, not of Caldmere.
            var head = name
            if let governing = governingWord(of: name), ["in", "at", "near", "on", "from", "to"].contains(governing) {
                guard EntityCategory.of(classNoun: noun) == .person, let subject, subject < name else { return }
                head = subject
            }
            relate(head, object, RelationType.nounRelation(noun, preposition), phrase: text(start, end), confidence: 0.85)
        } else if article == "a" || article == "an", view.isMark(end, .comma) || view.word(end) == "who" {
            classify(name, words: (start + 1)...(end - 1), phrase: text(start, end - 1), confidence: 0.85)
        }
    }

    /// "the cartographer Ada Quill", "harbour master Hendrik Vane": the name IS_A the role.
    mutating func readRoleNoun(before name: Int) {
        guard let role = view.word(name - 1), !view.isCapitalized(name - 1), WordClass.of(role) == .other,
            EntityCategory.of(classNoun: role) == .person
        else { return }
        var first = name - 1
        if isLowerWord(first - 1, .other), view.word(first - 2).map({ WordClass.of($0) == .determiner }) == true {
            first -= 1  // "the harbour master"
        }
        guard view.word(first - 1).map({ WordClass.of($0) == .determiner }) == true || first == 0 else { return }
        classify(name, words: first...(name - 1), phrase: text(first, name - 1), confidence: 0.8)
    }

    /// "Gorillaz's second studio album Demon Days" → ALBUM_OF; "His son Teodor Vane" and "Its first
    /// editor was Ruth Calloway" → SON_OF, EDITOR_OF the passage's subject.
    mutating func readPossessive(after name: Int) {
        guard let owner = view.mention(name) else { return }
        let isDeterminer = WordClass.possessives.contains(mentions[owner].surface.lowercased())
        var probe = name + 1
        if !isDeterminer {
            guard view.isMark(probe, .possessive) else { return }
            probe += 1
        }
        let first = probe
        // "Her most famous student": adverbs and adjectives, then the noun.
        while probe < first + 5, isNounLike(probe) || isLowerWord(probe, .adverb) { probe += 1 }
        guard probe > first, isNounLike(probe - 1), let plural = view.word(probe - 1) else { return }
        let noun = Self.singular(plural)
        var next = probe
        if view.isMark(next, .comma) { next += 1 }
        if let copula = view.word(next), WordClass.copulas.contains(copula), isDeterminer { next += 1 }
        let objects = objects(after: next - 1)
        guard let object = objects.first, isName(object), next == probe || isDeterminer || object == next else { return }
        let normalized = RelationType.nounRelation(noun, "of")
        for object in objects where isName(object) {
            relate(object, name, normalized, phrase: text(name, probe - 1), confidence: 0.85)
        }
    }

    /// "X (1849–1931)", "X (born 8 October 1970)": BORN_ON and DIED_ON, for the sentence's subject when
    /// the sentence calls it a person (or says "born").
    mutating func readLifeDates() {
        guard let subject, view.isMark(subject + 1, .openParenthesis) else { return }
        var probe = subject + 2
        let saysBorn = view.word(probe) == "born"
        if saysBorn { probe += 1 }
        guard isDate(probe) else { return }
        let isPerson = saysBorn || found.contains { relation in
            guard relation.type == RelationType.isA, relation.subject == .mention(view.mention(subject) ?? -1),
                case .concept(let index) = relation.object, let head = concepts[index].key.split(separator: " ").last
            else { return false }
            return EntityCategory.of(classNoun: String(head)) == .person
        }
        guard isPerson else { return }
        let born = RelationType.Normalized(type: RelationType.bornOn, inverse: false)
        relate(subject, probe, born, phrase: text(subject + 1, probe), confidence: 0.9)
        if !saysBorn, view.isMark(probe + 1, .dash) || view.word(probe + 1) == "to", isDate(probe + 2) {
            let died = RelationType.Normalized(type: RelationType.diedOn, inverse: false)
            relate(subject, probe + 2, died, phrase: text(subject + 1, probe + 2), confidence: 0.9)
        }
    }

    /// Class phrases after "is"/"was": "a cartographer and navigator", "an American composer, conductor
    /// and pianist". Only indefinite articles make classes ("the capital" is a relation, not a class).
    private mutating func readClasses(of name: Int, from start: Int, confidence: Float) {
        guard let article = view.word(start), article == "a" || article == "an" else { return }
        var partStart = start + 1
        var probe = partStart
        // The phrase may run to the sentence's end: one step past the last item closes it.
        while probe <= view.items.count {
            if isClassWord(probe), probe < partStart + 8 {
                probe += 1
                continue
            }
            // "a men's tennis tournament", "an award–winning chef": possessives and joined words inside.
            let joined = view.isMark(probe, .dash) && view.isJoinedToNext(probe - 1, bytes: bytes)
            if probe > partStart, view.isMark(probe, .possessive) || joined, isClassWord(probe + 1) {
                probe += 1
                continue
            }
            // "a band hailing from …": an "-ing" form closing the phrase starts a clause.
            if probe - 1 > partStart, view.word(probe - 1)?.hasSuffix("ing") == true, !view.isJoinedToNext(probe - 2, bytes: bytes) {
                probe -= 1
            }
            guard probe > partStart, !view.isCapitalized(probe - 1), view.word(probe - 1) != nil,
                !view.isMark(probe, .openParenthesis)
            else { return }
            // "a large recreational and fishing lake": an adjective before "and" is no class of its own.
            let last = view.word(probe - 1) ?? ""
            let adjective = Self.isAdjective(last)
            var next = probe
            if view.isMark(next, .comma) { next += 1 }
            if view.word(next) == "and" { next += 1 }
            let continues = next > probe && isClassWord(next)
            // "a former White House secretary", "an independent, Uniting Church … school": an adjective
            // alone is no class; "a few miles" is an amount.
            let first = view.word(partStart) ?? ""
            if !adjective, !Self.quantities.contains(first), !Self.quantities.contains(last) {
                classify(name, words: partStart...(probe - 1), phrase: text(start, probe - 1), confidence: confidence)
            }
            // "a cartographer and navigator", "composer, conductor, and pianist".
            guard continues else { return }
            partStart = next
            probe = next
        }
    }

    /// A word of a class phrase: a lower-case noun or adjective (a bare verb form such as "award" is a noun
    /// here), a year, or a name used as a modifier ("American").
    private func isClassWord(_ position: Int) -> Bool {
        if let word = view.word(position), word.first?.isNumber == true { return false }
        if isNounLike(position) || isDate(position) || isModifierName(position) { return true }
        // "an unincorporated community": a past form before a noun is an adjective.
        if let word = view.word(position), !view.isCapitalized(position), VerbForms.isPastForm(word),
            isLowerWord(position + 1, .other)
        {
            return true
        }
        // "science fiction role-playing game", "best-selling author": words joined by a hyphen are part of a
        // compound.
        guard view.word(position) != nil, !view.isCapitalized(position) else { return false }
        return view.isJoinedToNext(position - 1, bytes: bytes) || view.isJoinedToNext(position, bytes: bytes)
    }

    static let adjectiveSuffixes = ["al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ary", "ese", "ish", "ern", "ent", "ant"]

    /// Adjectives that often open a class phrase and are no class by themselves.
    static let adjectives: Set<String> = [
        "former", "large", "small", "big", "little", "new", "old", "great", "major", "minor", "popular", "famous",
        "local", "long", "short", "young", "early", "late", "first", "second", "third", "last", "main", "leading",
        "prominent", "notable", "successful", "well", "best", "top", "senior", "junior", "chief", "high", "low",
        "private", "public", "independent", "free", "former", "current", "annual", "daily", "weekly", "monthly",
    ]

    /// Nouns of amount: "a few miles", "a number of", "a lot".
    static let quantities: Set<String> = [
        "few", "lot", "number", "couple", "total", "variety", "range", "majority", "handful", "kind", "type", "sort",
        "part", "piece", "series", "set", "group", "pair", "dozen", "bit",
    ]

    static func isAdjective(_ word: String) -> Bool {
        adjectives.contains(word) || (adjectiveSuffixes.contains { word.hasSuffix($0) } && word.count > 4
            && EntityCategory.of(classNoun: word) == nil)
    }

    /// A simple singular of a plural noun ("cities" → "city", "towns" → "town").
    static func singular(_ word: String) -> String {
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), word.count > 3 { return String(word.dropLast()) }
        return word
    }
}
