import QuiverCore
import Testing

@testable import SQL

/// SQL nested deeper than `NestingLimit.depth` is a `NestingLimit` error at the token where the
/// limit was crossed, never a stack overflow: not while parsing, not while freeing the tree.
@Suite struct NestingLimitTests {
    /// `open` repeated `count` times around `inner`, then `close` as often.
    static func nest(_ open: String, _ close: String, _ count: Int, around inner: String = "1") -> String {
        String(repeating: open, count: count) + inner + String(repeating: close, count: count)
    }

    /// One recursive part of the grammar, nested as deep as asked.
    enum Shape: String, CaseIterable, CustomTestStringConvertible {
        case parentheses, unclosedParentheses, plusChain, concatenationChain, productChain, lessThanChain
        case equalityChain, isNullChain, andChain, orChain, notPrefixes, minusPrefixes, collateChain
        case functionCalls, casts, cases, inLists, windowPartitions, scalarSubqueries, exists
        case fromSubqueries, parenthesizedFrom, joinChain, unionChain, commonTableExpressions

        var testDescription: String { rawValue }

        func sql(_ count: Int) -> String {
            func chain(_ first: String, _ link: String) -> String { first + String(repeating: link, count: count) }
            switch self {
            case .parentheses: return "SELECT " + nest("(", ")", count)
            case .unclosedParentheses: return "SELECT " + String(repeating: "(", count: count) + "1"
            case .plusChain: return chain("SELECT 1", " + 1")
            case .concatenationChain: return chain("SELECT 'a'", " || 'a'")
            case .productChain: return chain("SELECT 2", " * 2")
            case .lessThanChain: return chain("SELECT 1", " < 1")
            case .equalityChain: return chain("SELECT 1", " = 1")
            case .isNullChain: return chain("SELECT 1", " IS NULL")
            case .andChain: return chain("SELECT 1 FROM t WHERE a = 1", " AND a = 1")
            case .orChain: return chain("SELECT 1 FROM t WHERE a = 1", " OR a = 1")
            case .notPrefixes: return "SELECT " + String(repeating: "NOT ", count: count) + "1"
            case .minusPrefixes: return "SELECT " + String(repeating: "- ", count: count) + "1"
            case .collateChain: return chain("SELECT 'a'", " COLLATE nocase")
            case .functionCalls: return "SELECT " + nest("abs(", ")", count)
            case .casts: return "SELECT " + nest("CAST(", " AS INTEGER)", count)
            case .cases: return "SELECT " + nest("CASE WHEN ", " THEN 1 END", count)
            case .inLists: return "SELECT " + nest("1 IN (", ")", count)
            case .windowPartitions: return "SELECT " + nest("row_number() OVER (PARTITION BY ", ")", count)
            case .scalarSubqueries: return "SELECT " + nest("(SELECT ", ")", count)
            case .exists: return "SELECT " + nest("EXISTS (SELECT ", ")", count)
            case .fromSubqueries: return "SELECT 1 FROM " + nest("(SELECT 1 FROM ", ")", count, around: "t")
            case .parenthesizedFrom: return "SELECT 1 FROM " + nest("(", ")", count, around: "t")
            case .joinChain: return chain("SELECT 1 FROM t", " JOIN t ON 1")
            case .unionChain: return chain("SELECT 1", " UNION SELECT 1")
            case .commonTableExpressions: return nest("WITH a AS (", ") SELECT 1", count, around: "SELECT 1")
            }
        }
    }

    @Test(arguments: Shape.allCases.map { ($0, 10 * NestingLimit.depth) }
        + [Shape.parentheses, .unclosedParentheses, .plusChain].map { ($0, 100_000) })
    func inputFarPastTheLimitIsANestingLimitError(shape: Shape, levels: Int) throws {
        let sql = shape.sql(levels)
        let error = try #require(throws: QueryError.self) { try SQLParser.parse(sql) }
        #expect(error.code == "NestingLimit")
        #expect(error.category == .resourceLimit)
        #expect(error.message.contains("1,000"))
        let location = try #require(error.location)
        #expect(location.line == 1 && location.column > 1 && location.offset < sql.utf8.count)
    }

    @Test(arguments: Shape.allCases.filter { $0 != .unclosedParentheses })
    func inputWellInsideTheLimitParsesAndPrintsBack(shape: Shape) throws {
        // Every printer option too: a printer that printed a sub-tree twice per level would take
        // 2^250 steps here.
        let tree = try SQLParser.parse(shape.sql(NestingLimit.depth / 4))
        #expect(try SQLParser.parse(SQLPrinter().print(tree)) == tree)
        let postgres = SQLPrinter(dialect: .postgres, quoteAllIdentifiers: true, knownColumns: [], lowercaseIdentifiers: true)
        #expect(!postgres.print(tree).isEmpty)
    }

    @Test func theLimitCountsLevelsExactly() throws {
        // `SELECT` is one level and each parenthesised expression one more.
        let deepest = NestingLimit.depth - 1
        _ = try SQLParser.parse("SELECT " + Self.nest("(", ")", deepest - 1))
        let error = try #require(throws: QueryError.self) { try SQLParser.parse("SELECT " + Self.nest("(", ")", deepest)) }
        #expect(error.code == "NestingLimit")
    }

    @Test func theErrorPointsAtTheTokenThatCrossedTheLimit() throws {
        let sql = "SELECT\n  1" + String(repeating: " + 1", count: 5_000)
        let error = try #require(throws: QueryError.self) { try SQLParser.parse(sql) }
        let location = try #require(error.location)
        #expect(location.line == 2)
        // SELECT and its column take two levels; the `+` that would make level 1,001 is the
        // (depth - 1)th, and the k-th `+` is at column 5 + 4 (k - 1).
        #expect(location.column == 5 + 4 * (NestingLimit.depth - 2))
    }

    @Test func longFlatListsAreNotNesting() throws {
        let items = (0..<50_000).map(String.init).joined(separator: ", ")
        let tree = try SQLParser.parse("SELECT \(items) FROM t WHERE a IN (\(items))")
        #expect(SQLPrinter().print(tree).count > 500_000)
    }
}
