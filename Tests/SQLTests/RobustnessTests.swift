import QuiverCore
import Testing

@testable import SQL

/// Broken input yields a typed error, never a crash: every prefix of real queries, cut at each token.
@Suite("Parser robustness", .enabled(if: DataSetQueries.available, "skipped: QUIVER_DATA not found"))
struct RobustnessTests {
    @Test("every token prefix of sampled gold queries parses or throws a SyntaxError with a location")
    func prefixes() throws {
        let queries = DataSetQueries.spiderGold().enumerated().filter { $0.offset % 10 == 0 }.map(\.element)
            + DataSetQueries.birdGold().enumerated().filter { $0.offset % 25 == 0 }.map(\.element)
        var attempts = 0
        var located = 0
        for query in queries {
            let tokens = try SQLLexer.tokenize(query)
            for token in tokens.dropLast() {
                let prefix = query.utf8Slice(0, token.start)
                attempts += 1
                do {
                    let tree = try SQLParser.parse(prefix)
                    _ = SQLPrinter(dialect: .postgres).print(tree)
                    located += 1
                } catch {
                    if error.category == .syntaxError, error.location != nil { located += 1 }
                }
            }
        }
        #expect(attempts > 1000)
        #expect(located == attempts)
    }
}
