import Foundation
import PropertyGraph
import QuiverCore
import Testing
@testable import Cypher

/// Seeded fuzzing: real queries (the TCK's, when QUIVER_DATA is there, and a built-in set) cut,
/// spliced, repeated and sprinkled with hostile tokens; random JSON parameters. Every input must
/// end in a result or a typed error — a crash ends the test process, a hang trips the time bound.
/// The seed is fixed, so a failure reproduces; QUIVER_FUZZ_SEED and QUIVER_FUZZ_CASES vary it.
@Suite("Fuzzing the engine")
struct FuzzTests {
    static let seed = UInt64(ProcessInfo.processInfo.environment["QUIVER_FUZZ_SEED"] ?? "") ?? 20_261_206
    static let cases = Int(ProcessInfo.processInfo.environment["QUIVER_FUZZ_CASES"] ?? "") ?? 4_000

    static let builtIn = [
        "MATCH (a:Person)-[:KNOWS]->(b) WHERE a.age > 30 RETURN b.name ORDER BY b.name LIMIT 3",
        "MATCH (a)-[r:KNOWS*1..3]->(b) RETURN a.name, count(DISTINCT b)",
        "UNWIND range(1, 10) AS x WITH x WHERE x % 2 = 0 RETURN collect(x) AS xs",
        "MATCH p = shortestPath((a {name: 'Ann'})-[*]-(b {name: 'Cid'})) RETURN length(p)",
        "RETURN [x IN range(1, 5) WHERE x > 2 | x * x] AS squares, reduce(s = 0, x IN [1, 2, 3] | s + x) AS total",
        "MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN labels(n), type(r), m",
        "MERGE (c:City {name: 'Rome'}) ON CREATE SET c.created = true RETURN c",
        "MATCH (p:Person) SET p.seen = coalesce(p.seen, 0) + 1 RETURN count(p)",
        "WITH 'a,b,,c' AS s RETURN split(s, ','), substring(s, 1, 2), replace(s, ',', ';'), toUpper(s)",
        "MATCH (a:Person) WHERE EXISTS { MATCH (a)-[:KNOWS]->(:Person) } RETURN a.name",
        "RETURN date('2015-07-21') + duration('P1M'), datetime({year: 2020, month: 2, day: 29})",
        "CALL db.labels() YIELD label RETURN label",
        "MATCH (a) DETACH DELETE a",
        "RETURN {a: [1, {b: 'x'}], c: null}.a[1].b AS deep, 9223372036854775807 + 1 AS overflow",
        "MATCH (p:Person) CALL (p) { MATCH (p)-[:KNOWS]->(f) RETURN count(f) AS c UNION RETURN 0 AS c } RETURN p.name, c",
        "MATCH (a:Person|City WHERE a.age > 1)-[:KNOWS]->{1,3}(b:!City) RETURN COUNT { MATCH (b)-->() RETURN 1 } AS n",
        "MATCH p = SHORTEST 1 (a:Person)-[:KNOWS]-+(b) RETURN COLLECT { UNWIND nodes(p) AS x RETURN x.name } AS names",
        "UNWIND range(1, 3) AS i FOREACH (j IN range(1, i) | CREATE (:T {v: 'a' || toString(j)})) WITH i WHERE i > 1 RETURN i",
        "RETURN point.distance(point({x: 1, y: 2}), point({longitude: 3, latitude: 4, crs: 'wgs-84'})) AS d, point({x: 1, y: 2}).srid",
        "PROFILE MATCH ((a)-[:KNOWS]->(b)){1,2} WITH count(*) AS case RETURN case, sum(duration('P1D')) AS total",
        "MATCH (p:Person) WHERE p.age IS :: INTEGER NOT NULL AND p.name :: STRING | LIST<STRING> RETURN p.name IS NOT TYPED ANY<DATE>",
        "MATCH (p:Person) RETURN p.name, p.age ORDER BY p.age DESC NULLS LAST, p.name ASC NULLS FIRST SKIP 1 LIMIT 2",
        "MATCH p = SHORTEST 3 GROUPS (a:Person)-[:KNOWS]-{1,4}(b:City) RETURN length(p), [n IN nodes(p) | n.name]",
        "PROFILE MATCH p = ANY 2 PATHS (a)-->+(b) RETURN collect(p) AS paths ORDER BY size(paths) NULLS FIRST",
        "MATCH p = (x:Person) ((a)-[r:KNOWS WHERE r.since > 1]->(b:Person) WHERE b.age > a.age){1,3} (y) RETURN [v IN a | v.name], size(r)",
        "MATCH ((a)-[:KNOWS]->(m:Person)-[:LIVES_IN]->(b))+ ((c)--(d)){,2} RETURN a, m, d, reduce(s = 0, n IN m | s + n.age)",
        "EXPLAIN MATCH (x) ((a {name: 'Ann'})-->(b WHERE b.age > 1))* (y) WHERE size(a) > 1 RETURN x, y, COUNT { (y)-->+() }",
    ]

    static let hostile = [
        "(", ")", "[", "]", "{", "}", ",", ".", ":", "-->", "<--", "*", "*..", "|", "'", "\"", "`", "\\", "$p", "$",
        "NOT", "AND", "OR", "+", "-", "^", "%", "/", "=~", "IN", "IS NULL", "CASE", "WHEN", "END", "RETURN", "WITH",
        "MATCH", "UNWIND", "CREATE", "DELETE", "SET", "MERGE", "OPTIONAL", "UNION", "CALL", "YIELD", "EXISTS",
        "9223372036854775808", "-9223372036854775808", "1e309", "0x", "0o9", "1.", ".5e", "NaN", "range(1, 100000)",
        "\u{0}", "\u{FEFF}", "é", "𝔘", "\n", "/*", "*/", "//", ";", "null", "[*]", "-[*]->", "reduce(", "[x IN ",
    ]

    static var corpus: [String] {
        var queries = builtIn
        if let root = DataLocation.item("opencypher-tck/tck/features") {
            queries += TCKQuery.load(root: root, excluding: []).map(\.query).filter { $0.utf8.count < 600 }
        }
        return queries
    }

    /// One mutation of `query`: cut, duplicate, repeat, splice in a hostile token, or truncate.
    static func mutate(_ query: String, _ rng: inout SeededGenerator) -> String {
        var characters = Array(query)
        guard !characters.isEmpty else { return hostile.randomElement(using: &rng) ?? "" }
        let a = Int.random(in: 0..<characters.count, using: &rng)
        let b = min(characters.count, a + Int.random(in: 1...12, using: &rng))
        switch Int.random(in: 0..<7, using: &rng) {
        case 0: characters.removeSubrange(a..<b)
        case 1: characters.insert(contentsOf: characters[a..<b], at: b)
        case 2:
            // Repeat a span many times: deep nesting and long chains.
            let times = [10, 300, 1_200, 5_000].randomElement(using: &rng) ?? 10
            let span = Array(characters[a..<b])
            characters.insert(contentsOf: Array(repeating: span, count: times).joined(), at: b)
        case 3:
            let token = " " + (hostile.randomElement(using: &rng) ?? "") + " "
            characters.insert(contentsOf: token, at: a)
        case 4: characters.removeSubrange(a..<characters.count)
        case 5:
            let c = Int.random(in: 0..<characters.count, using: &rng)
            let moved = Array(characters[a..<b])
            characters.removeSubrange(a..<b)
            characters.insert(contentsOf: moved, at: min(c, characters.count))
        default:
            let token = hostile.randomElement(using: &rng) ?? ""
            characters.replaceSubrange(a..<b, with: token)
        }
        return String(characters)
    }

    @Test("mutated queries end in a result or a typed error, within their timeout")
    func mutatedQueries() throws {
        var rng = SeededGenerator(seed: Self.seed)
        let corpus = Self.corpus
        let options = ExecutionOptions(timeout: .milliseconds(300), maxMemory: 64 << 20)
        var outcomes: [String: Int] = [:]
        var slowest: (Duration, String) = (.zero, "")
        let clock = ContinuousClock()
        for _ in 0..<Self.cases {
            var query = corpus.randomElement(using: &rng) ?? ""
            for _ in 0..<Int.random(in: 1...3, using: &rng) { query = Self.mutate(query, &rng) }
            let graph = try sampleGraph()
            let started = clock.now
            do {
                _ = try CypherEngine.execute(query, parameters: ["p": 1], on: graph, options: options)
                outcomes["result", default: 0] += 1
            } catch {
                outcomes[error.category.rawValue, default: 0] += 1
                #expect(error.code != "InternalError", "\(error) for \(query.prefix(200))")
            }
            let elapsed = clock.now - started
            if elapsed > slowest.0 { slowest = (elapsed, String(query.prefix(200))) }
        }
        // A hang, not a slow query: ten times the timeout, far beyond any check interval.
        #expect(slowest.0 < .seconds(10), "slowest case took \(slowest.0): \(slowest.1)")
        #expect(outcomes["result", default: 0] > 0)
        #expect(outcomes["SyntaxError", default: 0] > 0)
    }

    /// Random JSON text: objects, lists, strings with escapes, numbers at the edges, and cuts.
    static func json(_ depth: Int, _ rng: inout SeededGenerator) -> String {
        if depth > 6 { return "1" }
        switch Int.random(in: 0..<9, using: &rng) {
        case 0: return "{" + (0..<Int.random(in: 0...3, using: &rng)).map { "\"k\($0)\": " + json(depth + 1, &rng) }.joined(separator: ",") + "}"
        case 1: return "[" + (0..<Int.random(in: 0...3, using: &rng)).map { _ in json(depth + 1, &rng) }.joined(separator: ",") + "]"
        case 2: return ["\"plain\"", "\"esc\\n\\t\\\"\\u00e9\"", "\"\\ud83d\"", "\"\\u12\"", "\"unterminated"].randomElement(using: &rng) ?? "\"\""
        case 3: return ["0", "-0", "1e308", "1e309", "-1e-400", "9223372036854775807", "9223372036854775808", "1.5", "-", "1e"].randomElement(using: &rng) ?? "0"
        case 4: return ["true", "false", "null", "nul", "tru"].randomElement(using: &rng) ?? "null"
        case 5: return "{\"$float\": " + ["\"NaN\"", "\"Inf\"", "1", "\"x\""].randomElement(using: &rng)! + "}"
        case 6: return "{\"$date\": \"" + ["2015-07-21", "2015-13-40", "x"].randomElement(using: &rng)! + "\"}"
        case 7: return String(repeating: "[", count: Int.random(in: 0...40, using: &rng))
        default: return "{\"$map\": " + json(depth + 1, &rng) + "}"
        }
    }

    @Test("random JSON parameters are a value or a typed error")
    func randomJSON() {
        var rng = SeededGenerator(seed: Self.seed &+ 1)
        var values = 0, errors = 0
        for _ in 0..<2_000 {
            var text = Self.json(0, &rng)
            if Bool.random(using: &rng), !text.isEmpty {
                text = String(text.prefix(Int.random(in: 0...text.count, using: &rng)))
            }
            do {
                _ = try ValueJSON.decode(text)
                values += 1
            } catch {
                errors += 1
                #expect(!error.message.isEmpty)
            }
        }
        #expect(values > 0 && errors > 0)
    }
}
