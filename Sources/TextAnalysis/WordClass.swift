/// A coarse part of speech for lower-case English words, read from closed-class word lists and verb forms.
///
/// Closed classes (determiners, auxiliaries, prepositions, pronouns, conjunctions) are listed; verbs
/// are recognised by `VerbForms`; adverbs by list and by "-ly"; everything else is `other` (nouns,
/// adjectives, numbers). That is enough to read the phrase that connects two names in a sentence.
///
/// ```swift
/// WordClass.of("was")        // .auxiliary
/// WordClass.of("directed")   // .verb
/// WordClass.of("capital")    // .other
/// ```
public enum WordClass: Sendable, Hashable {
    /// "the", "a", "an", "this", "its", …
    case determiner
    /// Forms of "be", "have", "do" and the modals.
    case auxiliary
    /// "of", "in", "by", "for", …
    case preposition
    /// Personal, relative and demonstrative pronouns.
    case pronoun
    /// "and", "or", "but", …
    case conjunction
    /// "also", "later", "first", "-ly" words, …
    case adverb
    /// A form of a verb.
    case verb
    /// Anything else: nouns, adjectives, numbers.
    case other

    /// The class of a lower-case word.
    public static func of(_ word: String) -> WordClass {
        if determiners.contains(word) { return .determiner }
        if auxiliaries.contains(word) { return .auxiliary }
        if prepositions.contains(word) { return .preposition }
        if pronouns.contains(word) { return .pronoun }
        if conjunctions.contains(word) { return .conjunction }
        if adverbs.contains(word) || (word.hasSuffix("ly") && word.count > 4 && !notAdverbs.contains(word)) {
            return .adverb
        }
        if VerbForms.isVerb(word) { return .verb }
        return .other
    }

    /// Determiners and possessive determiners.
    public static let determiners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your",
        "each", "every", "some", "any", "no", "another", "both", "either", "neither",
    ]
    /// Possessive determiners (which name a previously mentioned subject).
    public static let possessives: Set<String> = ["its", "his", "her", "their"]
    /// Forms of "be", "have", "do", and modal verbs.
    public static let auxiliaries: Set<String> = [
        "is", "was", "are", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does",
        "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    ]
    /// Forms of the copula and its near synonyms, which introduce a class or a role ("X is a Y").
    public static let copulas: Set<String> = [
        "is", "was", "are", "were", "be", "been", "being", "became", "become", "becomes", "remains", "remained",
    ]
    /// Prepositions and verb particles.
    public static let prepositions: Set<String> = [
        "of", "in", "on", "at", "by", "for", "to", "from", "with", "into", "onto", "near", "under", "after",
        "before", "during", "between", "against", "through", "about", "as", "across", "around", "over",
        "since", "until", "within", "without", "behind", "beside", "besides", "among", "along", "throughout",
        "towards", "toward", "via", "upon", "off", "out", "up", "down", "alongside", "outside", "inside",
        "beyond", "above", "below", "opposite", "despite", "like", "unlike", "per",
    ]
    /// Pronouns.
    public static let pronouns: Set<String> = [
        "he", "she", "it", "they", "him", "them", "who", "whom", "whose", "which", "what", "we", "i", "you",
        "one", "himself", "herself", "itself", "themselves",
    ]
    /// Conjunctions.
    public static let conjunctions: Set<String> = [
        "and", "or", "but", "nor", "so", "yet", "while", "whereas", "although", "though", "because", "if",
        "when", "where", "whether", "than", "once", "unless",
    ]
    /// Adverbs that do not end in "-ly", and common "-ly" words listed for speed.
    public static let adverbs: Set<String> = [
        "also", "later", "then", "first", "still", "now", "already", "never", "often", "once", "again",
        "soon", "subsequently", "originally", "currently", "formerly", "previously", "jointly", "mainly",
        "mostly", "primarily", "widely", "best", "well", "most", "more", "not", "only", "just", "even",
        "ever", "further", "together", "eventually", "finally", "initially", "briefly", "officially",
        "famously", "reportedly", "since", "thereafter", "afterwards", "too", "very", "much", "long",
        "largely", "partly", "recently", "shortly", "successfully", "additionally", "nearly", "almost", "all",
    ]
    private static let notAdverbs: Set<String> = [
        "italy", "family", "july", "assembly", "early", "only", "daily", "weekly", "monthly", "yearly",
        "supply", "reply", "apply", "fly", "ally", "rally", "belly", "bully", "holy", "lily", "emily", "kelly",
        "sally", "billy", "molly", "polly", "holly", "dolly", "jolly", "silly", "hilly", "wily", "anomaly",
        "monopoly", "homily", "friendly", "lonely", "lovely", "elderly", "orderly", "ugly", "likely",
    ]
}
