import Foundation

/// How a prepared statement runs: for its result, or to show its plan (`EXPLAIN`) or its plan with
/// what each operator did (`PROFILE`).
public enum PlanMode: Sendable, Hashable {
    /// Run the statement and return its rows.
    case run
    /// Plan the statement without running it; the result lists the operators.
    case explain
    /// Run the statement (writes included), drop its rows, and list each operator with the rows it
    /// produced and the time spent in it.
    case profile

    /// The mode a statement's leading `EXPLAIN` / `PROFILE` asks for, and the text with that word
    /// blanked out (so positions in error messages stay those of the original text).
    static func split(_ text: String) -> (PlanMode, String) {
        var index = text.startIndex
        while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
        for (word, mode) in [("EXPLAIN", PlanMode.explain), ("PROFILE", .profile)] {
            guard let end = text.index(index, offsetBy: word.count, limitedBy: text.endIndex),
                  text[index..<end].uppercased() == word,
                  end == text.endIndex || text[end].isWhitespace else { continue }
            return (mode, text.replacingCharacters(in: index..<end, with: String(repeating: " ", count: word.count)))
        }
        return (.run, text)
    }
}
