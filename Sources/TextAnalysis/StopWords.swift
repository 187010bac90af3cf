/// English stop-word lists.
///
/// `lucene` is the 33-word list of Lucene/Elasticsearch (and of bm25s' `"en"`), the right one for
/// BM25 scoring; `extended` is a longer list of function words, used where content words must be
/// picked out (entity mentions, question keywords).
public enum StopWords {
    /// The Lucene / Elasticsearch English stop words (as used by bm25s).
    public static let lucene: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
        "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to",
        "was", "will", "with",
    ]

    /// A longer English list of function words (pronouns, auxiliaries, determiners, prepositions,
    /// question words).
    public static let extended: Set<String> = lucene.union([
        "about", "above", "after", "again", "against", "all", "also", "am", "any", "because", "been", "before",
        "being", "below", "between", "both", "can", "could", "did", "do", "does", "doing", "down", "during",
        "each", "few", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
        "herself", "him", "himself", "his", "how", "i", "its", "itself", "just", "me", "more", "most", "my",
        "myself", "nor", "now", "off", "once", "only", "other", "our", "ours", "ourselves", "out", "over",
        "own", "same", "she", "should", "so", "some", "than", "theirs", "them", "themselves", "those",
        "through", "too", "under", "until", "up", "very", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "whose", "why", "would", "you", "your", "yours", "yourself", "yourselves",
        "s", "t", "d", "ll", "m", "re", "ve", "shall", "may", "might", "must", "upon", "within", "without",
        "whether", "yet", "onto", "via", "per", "many", "much", "one", "ones",
    ])
}
