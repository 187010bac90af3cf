/// The named rules for deciding whether a predicted result equals the gold result.
///
/// - `spider-test-suite`: the official Spider test-suite evaluator (taoyds/test-suite-sql-eval @ e97acc5):
///   bag of rows, any column permutation, row order only when the gold text contains `order by`
///   anywhere (a substring test, so a subquery's ORDER BY counts), DISTINCT stripped from both
///   queries unless `keepDistinct`, both empty = match, `1 == 1.0`, `'1' != 1`.
/// - `bird`: BIRD mini-dev `evaluation_ex.py`: `set(pred) == set(gold)` over row tuples: duplicates and
///   row order ignored (even under ORDER BY or DISTINCT), column order significant, both empty = match.
/// - `strict` (Quiver's default): bag of rows; row order when the gold's *top-level* query has ORDER BY;
///   columns matched by value signature (any order, found without trying n! permutations); numbers
///   equal within a relative 1e-9 after canonicalisation; and flags for empty, failing, timed-out
///   and non-deterministic gold results instead of silent verdicts.
///
/// ```swift
/// let semantics = ComparisonSemantics(rawValue: "spider-test-suite")
/// ```
public enum ComparisonSemantics: String, Sendable, Hashable, CaseIterable, Codable {
    case spiderTestSuite = "spider-test-suite"
    case bird
    case strict
}
