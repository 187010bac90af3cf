/// The coarse type of an entity, as far as the text tells: what answer-type checks and Cypher labels use.
///
/// Categories come from class nouns: an entity that "is a town" is a place, one that "was an astronomer"
/// a person. `EntityCategory.of(classNoun:)` reads such a noun; `KnowledgeGraph` combines the evidence of
/// every IS_A fact, role noun, relation and name suffix of an entity.
///
/// ```swift
/// EntityCategory.of(classNoun: "astronomer")   // .person
/// EntityCategory.of(classNoun: "village")      // .place
/// EntityCategory.of(classNoun: "newspaper")    // .organization
/// ```
public enum EntityCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// A person (or a character, a deity).
    case person
    /// A place: a country, a city, a river, a building.
    case place
    /// An organisation: a company, a band, a team, a school, a newspaper.
    case organization
    /// A creative work: a film, a book, a song, a game, a series.
    case work
    /// An event: a battle, a war, a storm, a festival, a season.
    case event
    /// A date or a year.
    case date
    /// A number or an amount.
    case number
    /// Anything else, or unknown.
    case other

    /// The Cypher label written for the category (`Person`, `Place`, …), nil for `other`.
    public var label: String? {
        switch self {
        case .person: return "Person"
        case .place: return "Place"
        case .organization: return "Organization"
        case .work: return "Work"
        case .event: return "Event"
        case .date: return "Date"
        case .number: return "Number"
        case .other: return nil
        }
    }

    /// The category named by a lower-case class noun ("astronomer", "river", "company"), if known; with
    /// `usingSuffixes` false only listed nouns count (so the name "Nashville" is not read as "-ville").
    public static func of(classNoun noun: String, usingSuffixes: Bool = true) -> EntityCategory? {
        if let known = nouns[noun] { return known }
        let singular = noun.hasSuffix("s") && noun.count > 3 ? String(noun.dropLast()) : noun
        if let known = nouns[singular] { return known }
        // "countries", "cities", "companies".
        if noun.hasSuffix("ies"), noun.count > 4, let known = nouns[String(noun.dropLast(3)) + "y"] { return known }
        guard usingSuffixes else { return nil }
        for (suffix, category) in suffixes where noun.hasSuffix(suffix) && noun.count > suffix.count + 2 {
            return category
        }
        return nil
    }

    /// Suffixes of person nouns ("-ist", "-ian") and of place nouns.
    private static let suffixes: [(String, EntityCategory)] = [
        ("ist", .person), ("ian", .person), ("grapher", .person), ("maker", .person), ("wright", .person),
        ("smith", .person), ("man", .person), ("woman", .person), ("ess", .person), ("ologist", .person),
        ("town", .place), ("ville", .place),
    ]

    private static let nouns: [String: EntityCategory] = {
        var table: [String: EntityCategory] = [:]
        // A noun of two lists keeps the first ("church" is a building before it is a denomination).
        let lists: [(Set<String>, EntityCategory)] = [
            (personNouns, .person), (placeNouns, .place), (organizationNouns, .organization), (workNouns, .work),
            (eventNouns, .event),
        ]
        for (list, category) in lists {
            for word in list where table[word] == nil { table[word] = category }
        }
        return table
    }()

    /// Class nouns of people: occupations, roles, kinship.
    public static let personNouns: Set<String> = [
        "actor", "actress", "singer", "writer", "author", "novelist", "poet", "playwright", "screenwriter",
        "director", "producer", "composer", "musician", "songwriter", "rapper", "drummer", "guitarist", "bassist",
        "pianist", "vocalist", "painter", "sculptor", "artist", "photographer", "architect", "designer",
        "engineer", "scientist", "chemist", "physicist", "astronomer", "mathematician", "economist", "historian",
        "philosopher", "teacher", "professor", "lecturer", "scholar", "student", "pupil", "lawyer", "judge",
        "politician", "statesman", "diplomat", "ambassador", "president", "governor", "senator", "councillor",
        "councilor", "mayor", "minister", "chancellor", "king", "queen", "prince", "princess", "emperor",
        "empress", "duke", "duchess", "count", "countess", "earl", "lord", "lady", "knight", "pope", "bishop",
        "priest", "monk", "nun", "saint", "soldier", "general", "admiral", "officer", "commander", "captain",
        "colonel", "sergeant", "pilot", "navigator", "sailor", "shipwright", "merchant", "trader", "banker",
        "businessman", "businesswoman", "entrepreneur", "industrialist", "investor", "founder", "co-founder",
        "owner", "manager", "coach", "player", "footballer", "cricketer", "athlete", "boxer", "wrestler",
        "swimmer", "cyclist", "golfer", "jockey", "driver", "racer", "skater", "skier", "dancer", "comedian",
        "presenter", "host", "broadcaster", "journalist", "editor", "publisher", "critic", "model", "chef",
        "doctor", "physician", "surgeon", "nurse", "inventor", "explorer", "astronaut", "activist",
        "cartographer", "glassmaker", "master", "whaler", "fisherman", "farmer", "teenager",
        "child", "son", "daughter", "father", "mother", "brother", "sister", "wife", "husband", "widow",
        "uncle", "aunt", "nephew", "niece", "cousin", "grandson", "granddaughter", "grandfather",
        "grandmother", "parent", "spouse", "partner", "friend", "mentor", "apprentice", "successor",
        "predecessor", "heir", "member", "leader", "chairman", "chairwoman", "chair", "secretary", "treasurer",
        "delegate", "signatory", "exhibitor", "character", "person", "man", "woman", "girl", "boy", "people",
        "frontman", "conductor", "organist", "violinist", "cellist", "educator", "theologian",
        "missionary", "rabbi", "imam", "cardinal", "archbishop", "chief", "official", "administrator",
        "executive", "ceo", "biologist", "botanist", "zoologist", "geologist", "psychologist",
        "sociologist", "anthropologist", "linguist", "translator", "illustrator", "animator", "cartoonist",
        "youtuber", "filmmaker", "lyricist", "dj", "quarterback", "pitcher", "goalkeeper", "defender",
        "midfielder", "forward", "striker", "batsman", "bowler", "referee", "umpire",
    ]

    /// Class nouns of places.
    public static let placeNouns: Set<String> = [
        "country", "nation", "state", "province", "region", "county", "district", "city", "town", "village",
        "hamlet", "suburb", "neighbourhood", "neighborhood", "borough", "municipality", "parish", "township",
        "capital", "island", "archipelago", "peninsula", "continent", "river", "lake", "sea", "ocean", "bay",
        "strait", "channel", "mountain", "hill", "valley", "desert", "forest", "park", "coast", "beach",
        "street", "road", "highway", "square", "bridge", "tunnel", "causeway", "canal", "harbour", "harbor",
        "port", "airport", "station", "church", "cathedral", "chapel", "abbey", "monastery", "temple",
        "mosque", "castle", "palace", "fortress", "fort", "tower", "lighthouse", "building", "house",
        "mansion", "hotel", "casino", "stadium", "arena", "theatre", "theater", "museum", "gallery", "library",
        "observatory", "hospital", "prison", "cemetery", "monument", "memorial", "mall", "centre", "center",
        "area", "territory", "colony", "kingdom", "empire", "republic", "commune", "settlement", "waterfall",
        "falls", "volcano", "glacier", "reservoir", "dam", "mine", "farm", "estate", "garden", "zoo",
        "venue", "site", "location", "place", "land", "tributary", "creek", "stream", "cape", "point",
    ]

    /// Class nouns of organisations.
    public static let organizationNouns: Set<String> = [
        "company", "corporation", "firm", "business", "enterprise", "manufacturer", "brand", "label",
        "publisher", "newspaper", "magazine", "journal", "network", "channel", "broadcaster", "studio",
        "agency", "bank", "airline", "railway", "band", "group", "duo", "trio", "quartet", "orchestra",
        "choir", "ensemble", "team", "club", "franchise", "league", "conference", "association", "federation",
        "union", "society", "guild", "council", "committee", "commission", "assembly", "parliament",
        "congress", "senate", "government", "ministry", "department", "party", "army", "navy", "regiment",
        "school", "college", "university", "institute", "academy", "seminary", "foundation", "charity",
        "organisation", "organization", "institution", "order", "church", "denomination", "dynasty",
        "factory", "glassworks", "works", "shipyard", "brewery", "distillery", "retailer", "chain", "store",
        "restaurant", "court", "tribunal", "police", "bureau", "office", "board", "trust",
        "cooperative", "consortium", "conglomerate", "subsidiary", "division", "unit", "squadron",
    ]

    /// Class nouns of creative works and products.
    public static let workNouns: Set<String> = [
        "film", "movie", "documentary", "series", "show", "programme", "program", "episode", "season",
        "sitcom", "drama", "comedy", "novel", "book", "story", "poem", "play", "opera", "musical", "ballet",
        "song", "single", "album", "ep", "soundtrack", "track", "anthem", "symphony", "concerto", "painting",
        "sculpture", "game", "videogame", "manga", "anime", "comic", "comics", "cartoon", "chart", "charts",
        "map", "law", "act", "treaty", "bill", "constitution", "charter", "method", "process", "recipe",
        "technique", "franchise", "character", "ship", "barque", "vessel", "aircraft", "car", "locomotive",
        "currency", "coin", "language", "software", "website", "podcast", "newspaper", "magazine",
    ]

    /// Class nouns of events.
    public static let eventNouns: Set<String> = [
        "war", "battle", "siege", "campaign", "revolution", "rebellion", "uprising", "storm", "hurricane",
        "earthquake", "flood", "fire", "disaster", "fair", "festival", "exhibition", "expo", "tournament",
        "championship", "cup", "olympics", "games", "race", "election", "referendum", "conference", "summit",
        "ceremony", "award", "awards", "season", "tour", "concert", "match", "final", "massacre", "crisis",
        "pandemic", "epidemic", "famine", "coup", "invasion", "expedition", "voyage", "trial",
    ]
}
