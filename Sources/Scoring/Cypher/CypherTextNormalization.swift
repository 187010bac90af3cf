/// The normal form of a Cypher query's text for exact match: outside string literals and backtick
/// names, case folded and whitespace dropped (kept as one space only between two word
/// characters, as in `RETURN n`); a trailing `;` dropped.
///
/// So `MATCH (n:Movie) RETURN n.title;` and `match (n:movie)\n  return n.title` match, while
/// `'Heat'` and `'heat'` do not. Labels fold too: a query differing only in a label's case is
/// counted as equal text (execution match tells them apart).
///
/// ```swift
/// CypherTextNormalization.normalize("MATCH (n) RETURN n ;")   // "match(n)return n"
/// ```
public enum CypherTextNormalization {
    public static func normalize(_ query: String) -> String {
        var out = ""
        var quote: Character?
        var escaped = false
        var pendingSpace = false
        func isWord(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" } ?? false }
        for c in query {
            if let q = quote {
                out.append(c)
                if escaped { escaped = false } else if c == "\\" && q != "`" { escaped = true } else if c == q { quote = nil }
                continue
            }
            if c.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace && isWord(out.last) && isWord(c) { out.append(" ") }
            pendingSpace = false
            if c == "'" || c == "\"" || c == "`" {
                quote = c
                out.append(c)
            } else {
                out.append(contentsOf: c.lowercased())
            }
        }
        while out.hasSuffix(";") { out.removeLast() }
        return out
    }

    /// Whether two queries are equal in normal form.
    public static func equal(_ a: String, _ b: String) -> Bool { normalize(a) == normalize(b) }
}
