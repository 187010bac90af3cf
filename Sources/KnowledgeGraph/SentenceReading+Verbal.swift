import TextAnalysis

/// Verb-phrase relations, ReVerb-style: a relation phrase (auxiliaries, a verb, a particle, then
/// optionally up to three words and a preposition), the nearest name on its left as subject and the
/// name right after it as object. Subjects across a participle clause, a relative pronoun, an
/// apposition or a conjoined predicate are resolved by the rules below; anything else is left out.
extension SentenceReading {
    /// A relation phrase: item positions `start...end`.
    struct Phrase {
        var start: Int
        var end: Int
        /// Whether it opens with a participle (no auxiliary), as reduced relative clauses do.
        var isParticiple: Bool
    }

    /// Reads every verb-phrase relation of the sentence.
    mutating func readVerbalRelations() {
        var clauseSubjects: [Int] = subject.map { [$0] } ?? []
        var position = 0
        while position < view.items.count {
            guard let phrase = relationPhrase(at: position) else {
                position += 1
                continue
            }
            let subjects = subjects(of: phrase, clauseSubjects: clauseSubjects)
            let objects = objects(after: phrase.end)
            let words = (phrase.start...phrase.end).compactMap { view.word($0) }
            // "was found not guilty by": a negated phrase states no fact.
            let negated = words.contains { $0 == "not" || $0 == "never" || $0 == "no" }
            // "selected locations for the 2018 …": with words between verb and preposition, a date object
            // belongs to those words.
            let datedObject = objects.first.map { isDate($0) && words.count > 2 && !words.contains { WordClass.copulas.contains($0) } } ?? false
            if !subjects.isEmpty, !objects.isEmpty, !negated, !datedObject,
                let normalized = RelationType.normalize(words, objectIsDate: isDate(objects[0])),
                normalized.type != RelationType.isA
            {
                let adjacent = subjects.contains(phrase.start - 1)
                let confidence: Float = adjacent ? 0.85 : 0.7
                for subject in subjects {
                    for object in objects { relate(subject, object, normalized, phrase: text(phrase.start, phrase.end), confidence: confidence) }
                }
                // "founded in 1852 by Jonas Fell": a passive's agent after its date.
                if let last = objects.last, isDate(last), view.word(last + 1) == "by", let verb = words.first(where: { WordClass.of($0) == .verb }),
                    let agent = RelationType.normalize([verb, "by"]), agent.inverse
                {
                    for agentObject in self.objects(after: last + 1) where isName(agentObject) {
                        for subject in subjects { relate(subject, agentObject, agent, phrase: text(phrase.start, last + 1), confidence: confidence) }
                    }
                }
                // "starring Shirley Temple as Corliss Archer": the actor played the character.
                if normalized.type == "STARRED_IN", let last = objects.last, view.word(last + 1) == "as", isName(last + 2) {
                    let played = RelationType.Normalized(type: "PLAYED", inverse: false)
                    relate(last, last + 2, played, phrase: text(last + 1, last + 1), confidence: 0.8)
                }
            }
            if !subjects.isEmpty { clauseSubjects = subjects }
            position = phrase.end + 1
        }
    }

    /// The relation phrase that starts at a position, if a verb group starts there.
    func relationPhrase(at start: Int) -> Phrase? {
        guard let first = view.word(start), !view.isCapitalized(start) || start == 0 else { return nil }
        let firstClass = WordClass.of(first)
        guard firstClass == .verb || firstClass == .auxiliary else { return nil }
        // "the founding", "a record": a determiner before it makes it a noun.
        if let previous = view.word(start - 1), WordClass.of(previous) == .determiner { return nil }
        // "the harbour master", "a record label": a noun compound after a determiner.
        if isLowerWord(start - 1, .other), let before = view.word(start - 2), WordClass.of(before) == .determiner {
            return nil
        }
        var position = start
        var hasCopula = false
        while let word = view.word(position), WordClass.of(word) == .auxiliary || WordClass.of(word) == .adverb {
            if WordClass.copulas.contains(word) { hasCopula = true }
            position += 1
        }
        var mainVerb = false
        if let word = view.word(position), WordClass.of(word) == .verb, !view.isCapitalized(position) {
            // A bare "coach", "design", "own" with nothing before it is a noun far more often than a verb.
            let inflected = word != VerbForms.lemma(of: word) || VerbForms.isPastForm(word)
            guard inflected || position > start || view.word(start - 1) == "to" else { return nil }
            mainVerb = true
            position += 1
        }
        guard mainVerb || hasCopula else { return nil }
        while let word = view.word(position), WordClass.of(word) == .adverb || RelationType.particles.contains(word) {
            position += 1
        }
        var end = position - 1
        // Words then a preposition: "is a town in" (up to three after a copula), "studied navigation at"
        // (one after a verb: in "allowed 61 points to" the preposition belongs to the object).
        var probe = position
        // "served as ambassador to": "as" and a role noun belong to the phrase.
        let servesAs = mainVerb && view.word(position) == "as" && isLowerWord(position + 1, .other)
        if servesAs { probe += 1 }
        // "supplied the lenses of": a determiner and a noun before "of".
        let partOf = mainVerb && view.wordClass(position) == .determiner && isNounLike(position + 1) && view.word(position + 2) == "of"
        let limit = mainVerb && !servesAs && !partOf ? position + 2 : probe + 4
        while probe < limit, let word = view.word(probe), !view.isCapitalized(probe),
            !(mainVerb && word.first?.isNumber == true)
        {
            let wordClass = WordClass.of(word)
            if wordClass == .preposition {
                end = probe
                break
            }
            // "has linked it to Norrholm": an object pronoun between the verb and its preposition.
            let objectPronoun = mainVerb && probe == position && ["it", "them", "him", "her"].contains(word)
            guard wordClass == .other || wordClass == .determiner || wordClass == .adverb || objectPronoun else { break }
            probe += 1
        }
        guard mainVerb || view.word(end).map({ WordClass.of($0) == .preposition }) == true else { return nil }
        let participle = start == position - 1 && mainVerb && firstClass == .verb
        return Phrase(start: start, end: end, isParticiple: participle)
    }

    /// The subjects of a relation phrase (positions of name mentions), or none.
    func subjects(of phrase: Phrase, clauseSubjects: [Int]) -> [Int] {
        var probe = phrase.start - 1
        while let word = view.word(probe), WordClass.of(word) == .adverb { probe -= 1 }
        if let word = view.word(probe), word == "and" || word == "but" { return clauseSubjects }
        var relative = false
        if let word = view.word(probe), ["who", "which", "that"].contains(word) {
            relative = true
            probe -= 1
        }
        if view.isMark(probe, .closeParenthesis), let open = openingParenthesis(before: probe) { probe = open - 1 }
        if view.isMark(probe, .comma) {
            if relative { probe -= 1 } else if phrase.isParticiple {
                // ", earning Goulding her …": an "-ing" clause after a comma speaks of the whole clause.
                if view.word(phrase.start)?.hasSuffix("ing") == true { return [] }
                return participleSubject(beforeComma: probe).map { [$0] } ?? []
            } else {
                guard let head = appositionHead(endingAt: probe) else { return [] }
                probe = head
            }
        }
        if view.isMark(probe, .closeParenthesis), let open = openingParenthesis(before: probe) { probe = open - 1 }
        if isName(probe) {
            // "a set of charts of the Halvard Strait published by …": the participle belongs to the head.
            if phrase.isParticiple, probe == phrase.start - 1, isPrepositionObject(probe) {
                return reducedRelativeSubject(before: probe).map { [$0] } ?? []
            }
            // "the trains to San Francisco were discontinued": the subject is the head, not the name.
            if isPrepositionObject(probe) { return [] }
            return coordinated(endingAt: probe)
        }
        if phrase.isParticiple { return reducedRelativeSubject(before: phrase.start).map { [$0] } ?? [] }
        return []
    }

    /// "A, B and C": the names coordinated with the one at `last`, in order.
    func coordinated(endingAt last: Int) -> [Int] {
        // "Kansas City, Missouri was founded": a name after a comma qualifies the one before it.
        if view.isMark(last - 1, .comma), isName(last - 2), view.word(last - 3) != "and" {
            var head = last - 2
            while view.isMark(head - 1, .comma), isName(head - 2) { head -= 2 }
            return [head]
        }
        var result = [last]
        // "the shipwright Benedikt Lune and the engineer Piet Osterhage": role words before each name.
        func roleStart(_ name: Int) -> Int {
            var start = name
            while start - 1 >= 0, start > name - 3, isLowerWord(start - 1, .other) { start -= 1 }
            if let word = view.word(start - 1), WordClass.of(word) == .determiner { start -= 1 }
            return start
        }
        var probe = roleStart(last) - 1
        while probe > 0 {
            guard view.word(probe) == "and" || view.isMark(probe, .comma) else { break }
            var candidate = probe - 1
            if view.word(probe) == "and", view.isMark(candidate, .comma) { candidate -= 1 }
            guard isName(candidate) else { break }
            result.insert(candidate, at: 0)
            probe = roleStart(candidate) - 1
        }
        return result
    }

    /// The subject of ", founded in 1852 by X": the name before the comma when it is not the object of
    /// a preposition; the sentence's subject when that name is the object of a place preposition
    /// ("is a factory in Caldmere, founded …"); nothing when it is ambiguous.
    func participleSubject(beforeComma comma: Int) -> Int? {
        var probe = comma - 1
        if view.isMark(probe, .closeParenthesis), let open = openingParenthesis(before: probe) { probe = open - 1 }
        if isName(probe) {
            if !isPrepositionObject(probe) { return probe }
            // "a factory in Caldmere, founded …", "an album by Ellie Goulding, released …": the head.
            if let word = governingWord(of: probe), ["in", "at", "on", "near", "by"].contains(word), let subject,
                subject < probe
            {
                return subject
            }
            return nil
        }
        // "X was a cartographer and navigator, born in …": across a copula to the subject. Any other
        // noun before the comma ("the football rivalry, renamed …") is what the participle speaks of.
        while probe >= 0 {
            if let word = view.word(probe) {
                if WordClass.copulas.contains(word) {
                    var head = probe - 1
                    if view.isMark(head, .closeParenthesis), let open = openingParenthesis(before: head) { head = open - 1 }
                    return isName(head) && head == subject ? head : nil
                }
                let wordClass = WordClass.of(word)
                guard wordClass == .other || wordClass == .determiner || word == "and" || word == "of" else { return nil }
            } else if view.mention(probe) != nil, isName(probe) {
                return nil
            }
            probe -= 1
        }
        return nil
    }

    /// The subject of a reduced relative without comma: "X is a 1945 film starring Y", "X is a comet
    /// discovered in 1891": across a copula and a short noun phrase.
    func reducedRelativeSubject(before start: Int) -> Int? {
        var probe = start - 1
        var steps = 0
        while probe >= 0, steps < 9 {
            if let word = view.word(probe) {
                if WordClass.copulas.contains(word) {
                    var head = probe - 1
                    if view.isMark(head, .closeParenthesis), let open = openingParenthesis(before: head) { head = open - 1 }
                    return isName(head) ? head : nil
                }
                let wordClass = WordClass.of(word)
                guard isNounLike(probe) || wordClass == .determiner || word == "of" || word == "and" else { return nil }
            } else if !(isDate(probe) || isModifierName(probe)) {
                // Only a year or a name used as an adjective ("a 1945 American comedy film") may stand here.
                return nil
            }
            probe -= 1
            steps += 1
        }
        return nil
    }

    /// The name before ", the founder of X," when the comma at `comma` closes such an apposition.
    func appositionHead(endingAt comma: Int) -> Int? {
        var probe = comma - 1
        var steps = 0
        while probe >= 0, steps < 10 {
            if view.isMark(probe, .comma) {
                let head = probe - 1
                guard isName(head), let first = view.word(probe + 1), WordClass.of(first) == .determiner else { return nil }
                return head
            }
            if let word = view.word(probe), WordClass.of(word) == .verb || WordClass.of(word) == .auxiliary { return nil }
            probe -= 1
            steps += 1
        }
        return nil
    }

    /// The objects right after a phrase: a name (or a date), after at most a determiner and three
    /// lower-case words ("by the merchant Lise Harrow"), with the names coordinated with it.
    func objects(after end: Int) -> [Int] {
        guard let first = object(from: end + 1) else { return [] }
        // "founded Gorillaz's album": the name is a possessor, not the object.
        if view.isMark(first + 1, .possessive) { return [] }
        var result = [first]
        var probe = first + 1
        var sawAnd = false
        while view.word(probe) == "and" || view.isMark(probe, .comma) {
            var next = probe + 1
            if view.isMark(probe, .comma), view.word(next) == "and" { next += 1 }
            // "…, and the Osterhage Lighthouse stands …": a name that starts a new clause is no object.
            guard let another = object(from: next), isDate(another) == isDate(first),
                !(view.wordClass(another + 1) == .verb || view.wordClass(another + 1) == .auxiliary)
            else { break }
            result.append(another)
            if view.word(next - 1) == "and" { sawAnd = true }
            probe = another + 1
        }
        // "Radford High School, Honolulu, Hawaii": a list without "and" is one place, qualified.
        return sawAnd ? result : [first]
    }

    private func object(from start: Int) -> Int? {
        var probe = start
        if let word = view.word(probe), WordClass.of(word) == .determiner { probe += 1 }
        var skipped = 0
        // "the 1945 film Kiss and Tell", "American country music artist Charley Pride": modifiers first.
        while skipped < 5 {
            let isWord = isLowerWord(probe, .other)
            let isModifier = view.mention(probe) != nil && !isName(probe)
                && (isLowerWord(probe + 1, .other) || isName(probe + 1) || (isDate(probe) && view.mention(probe + 1) != nil))
            guard isWord || isModifier else { break }
            probe += 1
            skipped += 1
        }
        // "the village of Brannock".
        if skipped > 0, view.word(probe) == "of", let noun = view.word(probe - 1),
            EntityCategory.of(classNoun: noun) == .place
        {
            probe += 1
        }
        guard view.mention(probe) != nil, isName(probe) || isDate(probe) else { return nil }
        return probe
    }
}
