/// Past and participle forms of common English irregular verbs, and a few irregular plurals,
/// mapped to their base form; general English, not tied to any data set. Forms that are also
/// common nouns or other verbs ("found", "ground", "left", "rose", "wound", "bound") are left out.
///
/// ```swift
/// IrregularForms.base["written"]   // "write"
/// ```
public enum IrregularForms {
    /// Inflected form → base form.
    public static let base: [String: String] = {
        var table: [String: String] = [:]
        for entry in verbs {
            let forms = entry.split(separator: " ").map(String.init)
            guard let head = forms.first else { continue }
            for form in forms.dropFirst() where form != head { table[form] = head }
        }
        for (plural, singular) in plurals { table[plural] = singular }
        return table
    }()

    /// "base past participle [other forms]".
    static let verbs = [
        "arise arose arisen", "awake awoke awoken", "be was were been", "bear bore borne",
        "beat beat beaten", "become became", "begin began begun", "bend bent", "bet bet",
        "bite bit bitten", "bleed bled", "blow blew blown", "break broke broken",
        "breed bred", "bring brought", "broadcast broadcast", "build built", "burn burnt", "buy bought",
        "catch caught", "choose chose chosen", "cling clung", "come came", "cost cost", "creep crept",
        "cut cut", "deal dealt", "dig dug", "do did done does", "draw drew drawn", "dream dreamt",
        "drink drank drunk", "drive drove driven", "eat ate eaten", "fall fell fallen", "feed fed",
        "feel felt", "fight fought", "flee fled", "fly flew flown", "forbid forbade forbidden",
        "forget forgot forgotten", "forgive forgave forgiven", "freeze froze frozen", "get got gotten",
        "give gave given", "go went gone goes", "grow grew grown", "hang hung",
        "have had has", "hear heard", "hide hid hidden", "hit hit", "hold held", "hurt hurt",
        "keep kept", "kneel knelt", "know knew known", "lay laid", "lead led", "lean leant",
        "leap leapt", "learn learnt", "lend lent", "let let",
        "light lit", "lose lost", "make made", "mean meant", "meet met", "pay paid", "prove proven",
        "put put", "quit quit", "read read", "ride rode ridden", "ring rang rung",
        "run ran", "say said", "see saw seen", "seek sought", "sell sold", "send sent", "set set",
        "sew sewn", "shake shook shaken", "shine shone", "shoot shot", "show showed shown",
        "shrink shrank shrunk", "shut shut", "sing sang sung", "sink sank sunk", "sit sat",
        "sleep slept", "slide slid", "speak spoke spoken", "speed sped", "spend spent", "spin spun",
        "split split", "spread spread", "spring sprang sprung", "stand stood", "steal stole stolen",
        "stick stuck", "sting stung", "stink stank stunk", "strike struck stricken", "string strung",
        "strive strove striven", "swear swore sworn", "sweep swept", "swim swam swum", "swing swung",
        "take took taken", "teach taught", "tear tore torn", "tell told", "think thought",
        "throw threw thrown", "tread trod trodden", "understand understood", "wake woke woken",
        "wear wore worn", "weave wove woven", "weep wept", "win won", "withdraw withdrew withdrawn",
        "write wrote written", "undertake undertook undertaken", "overcome overcame",
        "override overrode overridden", "oversee oversaw overseen", "rewrite rewrote rewritten",
        "cowrite cowrote cowritten", "uphold upheld", "foresee foresaw foreseen", "mislead misled",
    ]

    static let plurals: [String: String] = [
        "children": "child", "people": "person", "men": "man", "women": "woman", "feet": "foot",
        "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
        "knives": "knife", "leaves": "leaf", "halves": "half", "criteria": "criterion", "media": "medium",
        "data": "datum", "phenomena": "phenomenon", "alumni": "alumnus", "indices": "index",
    ]
}
