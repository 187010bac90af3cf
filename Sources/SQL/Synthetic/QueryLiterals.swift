/// The literals that queries compare columns with, and the columns they join, read from query text.
///
/// A synthetic database filled with these values makes the queries' filters and joins hit, so their
/// results are not trivially empty. The reading is lexical: `col op literal`, `literal op col`,
/// `col [NOT] IN (literals)`, `col [NOT] BETWEEN a AND b`, `col [NOT] LIKE pattern`, and `a.x = b.y`
/// for joins. Columns are keyed by their lower-cased name, without the table: a literal compared with
/// `T1.name` is offered to every column called `name`.
///
/// ```swift
/// var literals = QueryLiterals(columnNames: ["name", "age"])
/// literals.add(query: "SELECT * FROM singer WHERE name = 'Joe' AND age > 30")
/// literals.values["name"]   // [.string("Joe")]
/// ```
public struct QueryLiterals: Sendable {
    /// A literal as written in the query.
    public enum Literal: Sendable, Hashable {
        case integer(Int64)
        case real(Double)
        case string(String)
    }

    /// Lower-cased names of the schema's columns; other words are not columns (e.g. aliases).
    public let columnNames: Set<String>
    /// Literals by lower-cased column name, in first-seen order, without repeats.
    public private(set) var values: [String: [Literal]] = [:]
    /// Pairs of lower-cased column names compared with `=` (joins), in first-seen order.
    public private(set) var joins: [(String, String)] = []

    /// An empty collection for a schema with these (lower-cased) column names.
    public init(columnNames: Set<String>) {
        self.columnNames = columnNames
    }

    /// Adds the literals and joins of one query; text that does not tokenize is skipped.
    public mutating func add(query: String) {
        guard let tokens = try? SQLLexer.tokenize(query) else { return }
        var index = 0
        while index < tokens.count {
            if let column = columnName(tokens, index) {
                harvest(after: index, column: column, tokens: tokens)
            } else if let literal = literal(tokens, index) {
                // `literal op column`: a signed number is two tokens, and the column may be qualified.
                let end = tokens[index].isSymbol("-") ? index + 1 : index
                if end + 2 < tokens.count, tokens[end + 1].kind == .symbol, Self.comparisons.contains(tokens[end + 1].text),
                    let column = columnName(tokens, lastTokenOfColumn(tokens, end + 2))
                {
                    insert(literal, for: column)
                }
                index = end
            }
            index += 1
        }
    }

    static let comparisons: Set<String> = ["=", "==", "!=", "<>", "<", ">", "<=", ">="]

    /// The column whose reference ends at `index` (`name`, `t.name`, `` `a b` ``), if it is one of the schema's.
    func columnName(_ tokens: [SQLToken], _ index: Int) -> String? {
        let token = tokens[index]
        switch token.kind {
        case .word, .quotedIdentifier(.backtick), .quotedIdentifier(.bracket), .quotedIdentifier(.double):
            let name = token.text.lowercased()
            // `t.col` is a column; a word followed by `.` is a table qualifier.
            if index + 1 < tokens.count, tokens[index + 1].isSymbol(".") { return nil }
            return columnNames.contains(name) ? name : nil
        default:
            return nil
        }
    }

    /// The literal at `index`: a number (with its sign), a string, or a double-quoted text that names no column.
    func literal(_ tokens: [SQLToken], _ index: Int) -> Literal? {
        let token = tokens[index]
        switch token.kind {
        case .integer: return Int64(token.text).map(Literal.integer) ?? Self.real(token.text)
        case .real: return Self.real(token.text)
        case .string: return .string(token.text)
        case .quotedIdentifier(.double): return columnNames.contains(token.text.lowercased()) ? nil : .string(token.text)
        case .symbol where token.text == "-" && index + 1 < tokens.count:
            switch literal(tokens, index + 1) {
            case .integer(let value): return .integer(-value)
            case .real(let value): return .real(-value)
            default: return nil
            }
        default: return nil
        }
    }

    /// A finite real: `1e999` overflows to infinity, which has no SQL literal to write back.
    private static func real(_ text: String) -> Literal? {
        Double(text).flatMap { $0.isFinite ? .real($0) : nil }
    }

    private mutating func harvest(after index: Int, column: String, tokens: [SQLToken]) {
        var next = index + 1
        guard next < tokens.count else { return }
        if tokens[next].isWord("not") { next += 1 }
        guard next < tokens.count else { return }
        let token = tokens[next]
        if token.kind == .symbol, Self.comparisons.contains(token.text), next + 1 < tokens.count {
            if let value = literal(tokens, next + 1) {
                insert(value, for: column)
            } else if token.text == "=" || token.text == "==", let other = columnName(tokens, lastTokenOfColumn(tokens, next + 1)) {
                joins.append((column, other))
            }
        } else if token.isWord("in"), next + 1 < tokens.count, tokens[next + 1].isSymbol("(") {
            var item = next + 2
            while item < tokens.count, let value = literal(tokens, item) {
                insert(value, for: column)
                item += tokens[item].isSymbol("-") ? 2 : 1
                guard item < tokens.count, tokens[item].isSymbol(",") else { break }
                item += 1
            }
        } else if token.isWord("between"), next + 1 < tokens.count, let low = literal(tokens, next + 1) {
            insert(low, for: column)
            let and = next + (tokens[next + 1].isSymbol("-") ? 3 : 2)
            if and + 1 < tokens.count, tokens[and].isWord("and"), let high = literal(tokens, and + 1) { insert(high, for: column) }
        } else if token.isWord("like") || token.isWord("glob"), next + 1 < tokens.count, case .string(let pattern)? = literal(tokens, next + 1) {
            insert(.string(Self.instance(ofPattern: pattern, glob: token.isWord("glob"))), for: column)
        }
    }

    /// The index of the last token of a (possibly qualified) column reference starting at `index`.
    private func lastTokenOfColumn(_ tokens: [SQLToken], _ index: Int) -> Int {
        var end = index
        while end + 2 < tokens.count, tokens[end + 1].isSymbol(".") { end += 2 }
        return end
    }

    /// A text that matches a LIKE (or GLOB) pattern: wildcards matching anything are dropped, single-character ones become `x`.
    static func instance(ofPattern pattern: String, glob: Bool) -> String {
        let many: Character = glob ? "*" : "%"
        let one: Character = glob ? "?" : "_"
        return String(pattern.compactMap { $0 == many ? nil : ($0 == one ? "x" : $0) })
    }

    private mutating func insert(_ literal: Literal, for column: String) {
        if values[column]?.contains(literal) == true { return }
        values[column, default: []].append(literal)
    }
}
