/// General English knowledge the offline reward uses: groups of words that name one idea across
/// common knowledge-graph domains (people, places, organisations, creative works, sport, time),
/// and the small closed classes of cue words (question words, round-trip cues, auxiliaries).
///
/// Nothing here knows any data set's relation names: a relation is matched through the words of its
/// own name, and a group only says that, say, "author" and "writer" or "kind" and "genre" are
/// interchangeable in ordinary English. Words are stored as ``WordKey`` keys.
///
/// ```swift
/// let lexicon = Lexicon.standard
/// lexicon.areSynonyms(WordKey.key("author"), WordKey.key("writer"))   // true
/// ```
public struct Lexicon: Sendable {
    /// Key → ids of the groups it belongs to.
    let groups: [String: [Int]]
    /// Keys of nouns that name people (answers to "who").
    public let personKeys: Set<String>
    /// Keys of words that ask for or name a time.
    public let timeKeys: Set<String>
    /// Keys of words that ask for or name a place.
    public let placeKeys: Set<String>
    /// Keys of words that say a relation is followed there and back ("share", "same", "co-").
    public let roundTripKeys: Set<String>
    /// Copulas and auxiliaries (lower-cased words): after the topic they open the main predicate.
    public let auxiliaries: Set<String>

    /// The built-in lexicon.
    public static let standard = Lexicon(groups: synonymGroups)

    /// A lexicon from groups of space-separated words.
    public init(groups wordGroups: [String]) {
        var groups: [String: [Int]] = [:]
        for (id, group) in wordGroups.enumerated() {
            for word in group.split(separator: " ") {
                let key = WordKey.key(String(word))
                if groups[key]?.contains(id) != true { groups[key, default: []].append(id) }
            }
        }
        self.groups = groups
        func keys(_ words: String) -> Set<String> { Set(words.split(separator: " ").map { WordKey.key(String($0)) }) }
        personKeys = keys(Self.personWords)
        timeKeys = keys(Self.timeWords)
        placeKeys = keys(Self.placeWords)
        roundTripKeys = keys(Self.roundTripWords)
        auxiliaries = Set(Self.auxiliaryWords.split(separator: " ").map(String.init))
    }

    /// Whether two keys share a group.
    public func areSynonyms(_ a: String, _ b: String) -> Bool {
        guard let left = groups[a], let right = groups[b] else { return false }
        return left.contains { right.contains($0) }
    }

    /// Groups of interchangeable words, one idea per line.
    static let synonymGroups = [
        // Creative work and performance.
        "act actor actress star appear perform performer performance cast costar play portray",
        "direct director filmmaker helm",
        "write writer author pen screenplay script screenwriter scriptwriter playwright novelist lyricist",
        "produce producer production",
        "compose composer music score soundtrack",
        "edit editor",
        "genre type kind sort category style classification",
        "tag label keyword term word topic subject theme describe description",
        "language speak tongue dialect",
        "release premiere debut publish publication issue launch",
        "rate rating score grade review opinion quality good",
        "vote popularity popular famous fame",
        "budget cost price gross revenue earn",
        "award prize honor honour win nominate nomination",
        "character role portray",
        "song track single",
        "album record",
        "sing singer vocalist",
        "book novel volume",
        "publish publisher",
        "instrument",
        "influence inspire",
        // People and their relations.
        "birth born birthplace native hometown",
        "death die dead deathplace",
        "spouse wife husband marry marriage partner",
        "parent father mother dad mom",
        "child son daughter kid offspring",
        "sibling brother sister",
        "gender sex",
        "ethnicity ethnic race",
        "religion faith belief",
        "profession occupation job career",
        "nationality citizen citizenship",
        "educate education school study attend graduate university college alma",
        "employ employer employee work job",
        "member membership belong affiliate affiliation",
        "nickname alias name call title",
        "height tall",
        "weight heavy",
        "age old",
        // Organisations.
        "found founder establish start",
        "create creator invent inventor design designer develop developer make maker build builder",
        "own owner possess",
        "lead leader head chief president chairman",
        "company firm organization organisation business corporation",
        "govern government rule ruler",
        // Places.
        "country nation",
        "location locate place site situate where",
        "capital seat",
        "contain include consist comprise",
        "population inhabitant",
        "area size",
        "currency money",
        "border neighbor neighbour adjacent",
        // Sport.
        "team club squad franchise",
        "coach manager trainer",
        "position",
        "number jersey shirt",
        "league division competition tournament",
        "stadium arena venue",
        "sport game",
        // Time.
        "time date year when day period era",
    ]

    static let personWords = """
        person people human individual someone somebody who whom man woman actor actress director writer author \
        producer composer singer artist player coach founder spouse wife husband parent father mother son \
        daughter child sibling brother sister member leader president king queen politician scientist editor \
        creator inventor designer developer owner manager employee teacher student musician screenwriter \
        scriptwriter playwright novelist lyricist performer costar
        """
    static let timeWords = "time date year when day month decade century period era birthday anniversary"
    static let placeWords = """
        place location where city country town region state province continent site address birthplace \
        hometown nation capital
        """
    static let roundTripWords = "same share together co also fellow common both jointly alongside mutual"
    static let auxiliaryWords = "is are was were be been being am did does do has have had will would can could should may might"
}
