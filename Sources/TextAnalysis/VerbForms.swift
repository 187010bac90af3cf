/// English verb forms: recognises an inflected verb, gives its lemma and its past forms.
///
/// Relation types are named after the verb of the connecting phrase in one canonical form, whatever
/// form the text used ("directs", "directed", "directing" → `DIRECTED`), so the recognition leans on
/// a lexicon of common verbs and a table of irregular ones rather than on a tagger.
///
/// ```swift
/// VerbForms.lemma(of: "starring")     // "star"
/// VerbForms.past(of: "write")         // "wrote"
/// VerbForms.participle(of: "bear")    // "born"
/// VerbForms.lemma(of: "river")        // nil
/// ```
public enum VerbForms {
    /// The lemma of a lower-case word that is a form of a verb, or nil when it is not recognisably one.
    public static func lemma(of word: String) -> String? {
        if let irregular = irregularLemma[word] { return irregular }
        if nonVerbs.contains(word) { return nil }
        if common.contains(word) { return word }
        for (suffix, replacements) in suffixRules where word.hasSuffix(suffix) && word.count > suffix.count + 1 {
            let stem = String(word.dropLast(suffix.count))
            for replacement in replacements {
                let candidate = replacement.apply(to: stem)
                if common.contains(candidate) || irregularForms[candidate] != nil { return candidate }
            }
        }
        // An unknown "-ed" word of some length is a past form far more often than anything else.
        if word.hasSuffix("ed"), word.count >= 5 {
            let stem = String(word.dropLast(2))
            return doubled(stem) ? String(stem.dropLast()) : stem
        }
        return nil
    }

    /// Whether a lower-case word is a form of a verb.
    public static func isVerb(_ word: String) -> Bool { lemma(of: word) != nil }

    /// The simple past of a lemma ("write" → "wrote", "star" → "starred", "found" → "founded").
    public static func past(of lemma: String) -> String {
        if let forms = irregularForms[lemma] { return forms.past }
        return regularPast(lemma)
    }

    /// The past participle of a lemma ("write" → "written", "bear" → "born", "locate" → "located").
    public static func participle(of lemma: String) -> String {
        if let forms = irregularForms[lemma] { return forms.participle }
        return regularPast(lemma)
    }

    /// Whether the word is a past participle or simple past in form ("-ed", or an irregular past form).
    public static func isPastForm(_ word: String) -> Bool {
        if let lemma = irregularLemma[word], let forms = irregularForms[lemma] {
            return forms.past == word || forms.participle == word
        }
        return word.hasSuffix("ed") && lemma(of: word) != nil
    }

    /// Whether the word is an "-ing" form of a verb.
    public static func isPresentParticiple(_ word: String) -> Bool {
        word.hasSuffix("ing") && word.count > 4 && lemma(of: word) != nil
    }

    private static func regularPast(_ lemma: String) -> String {
        if lemma.hasSuffix("e") { return lemma + "d" }
        if lemma.hasSuffix("y"), let before = lemma.dropLast().last, !"aeiou".contains(before) {
            return lemma.dropLast() + "ied"
        }
        if doublesFinalConsonant.contains(lemma) { return lemma + String(lemma.last ?? "d") + "ed" }
        return lemma + "ed"
    }

    private static func doubled(_ stem: String) -> Bool {
        let letters = Array(stem)
        guard letters.count >= 3, let last = letters.last else { return false }
        return last == letters[letters.count - 2] && !"aeioulsz".contains(last)
    }

    private struct Replacement {
        var drop: Int
        var add: String
        func apply(to stem: String) -> String { String(stem.dropLast(drop)) + add }
    }

    /// Suffix → candidate lemmas, most likely first (checked against the lexicon).
    private static let suffixRules: [(String, [Replacement])] = [
        ("ies", [Replacement(drop: 0, add: "y")]),
        ("ied", [Replacement(drop: 0, add: "y")]),
        ("ing", [Replacement(drop: 0, add: ""), Replacement(drop: 0, add: "e"), Replacement(drop: 1, add: "")]),
        ("ed", [Replacement(drop: 0, add: ""), Replacement(drop: 0, add: "e"), Replacement(drop: 1, add: "")]),
        ("es", [Replacement(drop: 0, add: ""), Replacement(drop: 0, add: "e")]),
        ("s", [Replacement(drop: 0, add: "")]),
    ]

    /// Words that look like verb forms but are (almost always) something else.
    static let nonVerbs: Set<String> = [
        "hundred", "red", "bed", "seed", "speed", "need", "breed", "creed", "greed", "weed", "shed", "sled",
        "kindred", "sacred", "naked", "wicked", "rugged", "ragged", "beloved", "learned", "aged", "wretched",
        "during", "including", "according", "morning", "evening", "building", "king", "ring", "thing", "spring",
        "string", "wing", "ceiling", "nothing", "something", "anything", "everything", "sing", "swing", "bring",
        "series", "species", "news", "stables", "times", "lies", "ties", "notes", "works", "arts", "games", "sports",
        "states", "islands", "forces", "affairs", "ages", "rates", "goods", "sales", "wages",
        "is", "was", "has", "does", "as", "this", "his", "its", "us", "thus", "plus", "less", "various",
        "famous", "previous", "numerous", "serious", "always", "perhaps", "towards", "afterwards", "besides",
    ]

    /// Verbs whose final consonant doubles before "-ed" (stressed final syllable).
    static let doublesFinalConsonant: Set<String> = [
        "star", "stop", "plan", "ban", "drop", "ship", "step", "admit", "commit", "submit", "permit", "omit",
        "refer", "prefer", "occur", "control", "patrol", "compel", "expel", "rob", "tag", "wed", "pin", "shop",
        "chop", "grab", "dub", "scan", "trap", "tap", "map", "nod", "rub", "slam", "span", "strip", "top", "trek",
        "transfer", "confer", "deter", "infer", "regret", "equip", "quiz", "sum", "swap", "spot", "knit", "fit",
    ]

    /// Irregular verbs: lemma → (simple past, past participle).
    static let irregularForms: [String: (past: String, participle: String)] = [
        "be": ("was", "been"), "have": ("had", "had"), "do": ("did", "done"), "bear": ("bore", "born"),
        "become": ("became", "become"), "begin": ("began", "begun"), "bite": ("bit", "bitten"),
        "blow": ("blew", "blown"), "break": ("broke", "broken"), "bring": ("brought", "brought"),
        "build": ("built", "built"), "burn": ("burnt", "burnt"), "buy": ("bought", "bought"),
        "catch": ("caught", "caught"), "choose": ("chose", "chosen"), "come": ("came", "come"),
        "cost": ("cost", "cost"), "cut": ("cut", "cut"), "deal": ("dealt", "dealt"), "dig": ("dug", "dug"),
        "draw": ("drew", "drawn"), "drink": ("drank", "drunk"), "drive": ("drove", "driven"),
        "eat": ("ate", "eaten"), "fall": ("fell", "fallen"), "feed": ("fed", "fed"), "feel": ("felt", "felt"),
        "fight": ("fought", "fought"), "find": ("found", "found"), "fly": ("flew", "flown"),
        "forbid": ("forbade", "forbidden"), "forget": ("forgot", "forgotten"), "freeze": ("froze", "frozen"),
        "get": ("got", "got"), "give": ("gave", "given"), "go": ("went", "gone"), "grow": ("grew", "grown"),
        "hang": ("hung", "hung"), "hear": ("heard", "heard"), "hide": ("hid", "hidden"), "hit": ("hit", "hit"),
        "hold": ("held", "held"), "hurt": ("hurt", "hurt"), "keep": ("kept", "kept"), "know": ("knew", "known"),
        "lay": ("laid", "laid"), "lead": ("led", "led"), "leave": ("left", "left"), "lend": ("lent", "lent"),
        "let": ("let", "let"), "lie": ("lay", "lain"), "light": ("lit", "lit"), "lose": ("lost", "lost"),
        "make": ("made", "made"), "mean": ("meant", "meant"), "meet": ("met", "met"), "pay": ("paid", "paid"),
        "put": ("put", "put"), "quit": ("quit", "quit"), "read": ("read", "read"), "ride": ("rode", "ridden"),
        "ring": ("rang", "rung"), "rise": ("rose", "risen"), "run": ("ran", "run"), "say": ("said", "said"),
        "see": ("saw", "seen"), "seek": ("sought", "sought"), "sell": ("sold", "sold"), "send": ("sent", "sent"),
        "set": ("set", "set"), "shake": ("shook", "shaken"), "shine": ("shone", "shone"),
        "shoot": ("shot", "shot"), "show": ("showed", "shown"), "shut": ("shut", "shut"), "sing": ("sang", "sung"),
        "sink": ("sank", "sunk"), "sit": ("sat", "sat"), "sleep": ("slept", "slept"), "speak": ("spoke", "spoken"),
        "spend": ("spent", "spent"), "split": ("split", "split"), "spread": ("spread", "spread"),
        "stand": ("stood", "stood"), "steal": ("stole", "stolen"), "stick": ("stuck", "stuck"),
        "strike": ("struck", "struck"), "swim": ("swam", "swum"), "take": ("took", "taken"),
        "teach": ("taught", "taught"), "tear": ("tore", "torn"), "tell": ("told", "told"),
        "think": ("thought", "thought"), "throw": ("threw", "thrown"), "understand": ("understood", "understood"),
        "wake": ("woke", "woken"), "wear": ("wore", "worn"), "win": ("won", "won"), "write": ("wrote", "written"),
        "undertake": ("undertook", "undertaken"), "overtake": ("overtook", "overtaken"),
        "withdraw": ("withdrew", "withdrawn"), "oversee": ("oversaw", "overseen"), "rebuild": ("rebuilt", "rebuilt"),
        "rewrite": ("rewrote", "rewritten"), "co-write": ("co-wrote", "co-written"), "cowrite": ("cowrote", "cowritten"),
        "foresee": ("foresaw", "foreseen"), "mistake": ("mistook", "mistaken"), "overcome": ("overcame", "overcome"),
        "uphold": ("upheld", "upheld"), "withhold": ("withheld", "withheld"), "broadcast": ("broadcast", "broadcast"),
        "forecast": ("forecast", "forecast"), "bid": ("bid", "bid"), "bind": ("bound", "bound"),
        "flee": ("fled", "fled"), "sweep": ("swept", "swept"), "swing": ("swung", "swung"),
        "wind": ("wound", "wound"), "slay": ("slew", "slain"), "spin": ("spun", "spun"), "sew": ("sewed", "sewn"),
        "leap": ("leapt", "leapt"), "dwell": ("dwelt", "dwelt"), "spell": ("spelt", "spelt"),
    ]

    /// Every irregular form → its lemma.
    static let irregularLemma: [String: String] = {
        var table: [String: String] = [:]
        for (lemma, forms) in irregularForms {
            for form in [lemma, forms.past, forms.participle, lemma + "s", lemma + "ing", lemma + "es"]
            where table[form] == nil {
                table[form] = lemma
            }
        }
        // Forms the simple rules above would get wrong.
        let extra: [String: String] = [
            "is": "be", "are": "be", "am": "be", "were": "be", "being": "be", "has": "have", "having": "have",
            "does": "do", "doing": "do", "making": "make", "taking": "take", "writing": "write", "giving": "give",
            "driving": "drive", "riding": "ride", "leaving": "leave", "becoming": "become", "coming": "come",
            "running": "run", "winning": "win", "beginning": "begin", "sitting": "sit", "getting": "get",
            "setting": "set", "cutting": "cut", "putting": "put", "hitting": "hit", "dying": "die", "lying": "lie",
            "died": "die", "dies": "die", "founded": "found", "founding": "found", "founds": "found",
        ]
        for (form, lemma) in extra { table[form] = lemma }
        table["found"] = "find"
        return table
    }()

    /// Common regular verbs of encyclopaedic text (lemmas).
    static let common: Set<String> = [
        "accept", "accompany", "accuse", "achieve", "acquire", "act", "adapt", "add", "address", "administer",
        "adopt", "advise", "affect", "air", "aim", "allow", "announce", "appear", "apply", "appoint", "approve",
        "arrange", "arrest", "arrive", "assassinate", "assign", "assist", "associate", "attach", "attack",
        "attempt", "attend", "attract", "award", "back", "base", "battle", "beat", "believe", "belong", "border",
        "borrow", "bury", "call", "campaign", "capture", "carry", "cause", "celebrate", "challenge", "change",
        "charge", "chart", "claim", "close", "coach", "coin", "collaborate", "collect", "combine", "command",
        "commission", "compete", "compile", "complete", "compose", "conduct", "connect", "consider", "consist",
        "construct", "contain", "continue", "contribute", "control", "convert", "co-found", "cofound",
        "co-star", "costar", "co-produce", "co-direct", "cover", "create", "credit", "crown", "date", "debut",
        "decide", "declare", "decline", "dedicate", "defeat", "defend", "define", "deliver", "demolish",
        "depict", "derive", "describe", "design", "destroy", "develop", "die", "direct", "disband",
        "discover", "display", "dissolve", "distribute", "divide", "document", "donate", "dominate", "draft",
        "earn", "edit", "educate", "elect", "emerge", "employ", "enact", "encompass", "end", "endorse",
        "engineer", "enjoy", "enter", "establish", "exhibit", "expand", "explore", "export", "extend",
        "face", "feature", "fill", "film", "finance", "finish", "focus", "follow", "form", "found", "fund",
        "gain", "govern", "graduate", "guide", "head", "help", "honor", "honour", "host", "house", "identify",
        "illustrate", "import", "include", "incorporate", "influence", "inherit", "inspire", "install",
        "introduce", "invade", "invent", "invest", "invite", "involve", "issue", "join", "kill", "label",
        "land", "last", "launch", "learn", "license", "like", "link", "list", "live", "locate", "look",
        "love", "maintain", "manage", "manufacture", "mark", "marry", "mention", "merge", "model",
        "move", "murder", "name", "narrate", "navigate", "nominate", "note", "number", "observe", "obtain",
        "occupy", "occur", "offer", "open", "operate", "oppose", "order", "organise", "organize", "originate",
        "own", "paint", "partner", "pass", "perform", "photograph", "pilot", "place", "plan", "play", "portray",
        "position", "possess", "post", "precede", "premiere", "prepare", "present", "preserve", "preside",
        "print", "proclaim", "produce", "promote", "propose", "protect", "prove", "provide", "publish",
        "purchase", "pursue", "race", "rank", "reach", "receive", "recognise", "recognize", "record",
        "recruit", "reduce", "refer", "reform", "regard", "reign", "reject", "release", "relocate", "remain",
        "remove", "rename", "renovate", "repair", "replace", "report", "represent", "require", "rescue",
        "research", "reside", "resign", "restore", "retire", "return", "reveal", "review", "rule", "sail",
        "save", "score", "sculpt", "seat", "select", "separate", "serve", "settle", "share", "sign",
        "situate", "specialise", "specialize", "sponsor", "sport", "star", "start", "station", "stay",
        "study", "succeed", "suffer", "suggest", "supply", "support", "surround", "survey", "survive",
        "suspend", "team", "tour", "trade", "train", "transfer", "translate", "travel", "treat", "try",
        "turn", "unite", "use", "vary", "visit", "voice", "vote", "want", "wed", "work", "script", "temper",
        "mentor", "damage", "map", "drop", "stop", "admit", "commit", "submit", "permit", "omit", "prefer",
        "ship", "step", "ban", "assume", "attain", "consecrate", "dub", "entitle", "helm", "stage", "tie",
    ]
}
