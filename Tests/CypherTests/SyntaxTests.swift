import QuiverCore
import Testing
@testable import Cypher

/// A compact, fully parenthesised rendering of an expression, for asserting tree shapes.
func sexpr(_ e: Expression) -> String {
    switch e.kind {
    case .literal(.null): return "null"
    case .literal(.boolean(let b)): return "\(b)"
    case .literal(.integer(let i)): return "\(i)"
    case .literal(.float(let f)): return "\(f)f"
    case .literal(.string(let s)): return "'\(s)'"
    case .parameter(let p): return "$\(p)"
    case .variable(let v): return v
    case .property(let s, let k): return "\(sexpr(s)).\(k)"
    case .subscript(let s, let i): return "\(sexpr(s))[\(sexpr(i))]"
    case .slice(let s, let a, let b): return "\(sexpr(s))[\(a.map(sexpr) ?? "")..\(b.map(sexpr) ?? "")]"
    case .hasLabels(let s, let l): return "\(sexpr(s)):\(l.joined(separator: ":"))"
    case .unary(let op, let x): return "(\(op.rawValue) \(sexpr(x)))"
    case .binary(let op, let l, let r): return "(\(sexpr(l)) \(op.rawValue) \(sexpr(r)))"
    case .isNull(let x, let n): return "(\(sexpr(x)) IS \(n ? "NOT " : "")NULL)"
    case .list(let xs): return "[" + xs.map(sexpr).joined(separator: ", ") + "]"
    case .functionCall(let c):
        return (c.namespace + [c.name]).joined(separator: ".") + "(" + (c.distinct ? "DISTINCT " : "")
            + c.arguments.map(sexpr).joined(separator: ", ") + ")"
    case .countStar: return "count(*)"
    default: return "<\(e.kind)>".prefix(40).description
    }
}

@Suite("Cypher syntax")
struct SyntaxTests {
    @Test("operator precedence and associativity", arguments: [
        ("1 + 2 * 3", "(1 + (2 * 3))"),
        ("1 - 2 - 3", "((1 - 2) - 3)"),
        ("2 ^ 3 ^ 2", "((2 ^ 3) ^ 2)"),
        ("-2 ^ 2", "(-2 ^ 2)"),
        ("- x ^ 2", "((- x) ^ 2)"),
        ("a OR b XOR c AND NOT d", "(a OR (b XOR (c AND (NOT d))))"),
        ("NOT a = b", "(NOT (a = b))"),
        ("a < b < c", "((a < b) AND (b < c))"),
        ("a = b <> c", "((a = b) AND (b <> c))"),
        ("x IN [1, 2] AND y IS NOT NULL", "((x IN [1, 2]) AND (y IS NOT NULL))"),
        ("a + b STARTS WITH c", "((a + b) STARTS WITH c)"),
        ("n.name =~ 'A.*' OR n:Person:Admin", "((n.name =~ 'A.*') OR n:Person:Admin)"),
        ("a.b.c[0][1..2]", "a.b.c[0][1..2]"),
        ("list[..3]", "list[..3]"),
        ("count(DISTINCT x) + count(*)", "(count(DISTINCT x) + count(*))"),
        ("a.b.c(1)", "a.b.c(1)"),
        ("n['k'] % 2", "(n['k'] % 2)"),
    ])
    func precedence(text: String, expected: String) throws {
        #expect(sexpr(try CypherParser.parseExpression(text)) == expected)
    }

    @Test("number and string literals", arguments: [
        ("0x1F", "31"), ("0o17", "15"), ("-9223372036854775808", "-9223372036854775808"),
        ("1e3", "1000.0f"), (".5", "0.5f"), ("1.5e-1", "0.15f"), ("-0x8000000000000000", "-9223372036854775808"),
        ("'a\\'b'", "'a'b'"), ("\"tab\\there\"", "'tab\there'"), ("'\\u00e9'", "'é'"),
    ])
    func literals(text: String, expected: String) throws {
        #expect(sexpr(try CypherParser.parseExpression(text)) == expected)
    }

    @Test("literal errors carry the TCK codes", arguments: [
        ("RETURN 9223372036854775808", "IntegerOverflow"),
        ("RETURN -9223372036854775809", "IntegerOverflow"),
        ("RETURN 0x", "InvalidNumberLiteral"),
        ("RETURN 12ab", "InvalidNumberLiteral"),
        ("RETURN 1e999", "FloatingPointOverflow"),
        ("RETURN '\\uZZ'", "InvalidUnicodeLiteral"),
        ("RETURN 1 \u{2014} 2", "InvalidUnicodeCharacter"),
        ("MATCH (a)-[:T*-1]->(b) RETURN a", "InvalidRelationshipPattern"),
    ])
    func literalErrors(text: String, code: String) {
        #expect {
            _ = try CypherParser.parse(text)
        } throws: { error in
            (error as? QueryError)?.code == code && (error as? QueryError)?.category == .syntaxError
        }
    }

    @Test("syntax errors give line, column and what was expected")
    func errorPositions() throws {
        let text = "MATCH (n)\nRETURN n.name AS"
        let error = try #require(throws: QueryError.self) { try CypherParser.parse(text) }
        #expect(error.location?.line == 2)
        #expect(error.location?.column == 17)
        #expect(error.message.contains("expected a variable name"))
        #expect(error.message.contains("end of input"))
        #expect(error.excerpt?.contains("^") == true)
        #expect(error.phase == .compileTime)
    }

    @Test("projection items keep their text as written")
    func projectionText() throws {
        let query = try CypherParser.parse("MATCH (n)\nRETURN n.name, count( * ), a  +  1 AS x, (n.age)")
        guard case .return(let ret) = query.first.clauses.last else {
            Issue.record("expected RETURN")
            return
        }
        #expect(ret.projection.items.map(\.columnName) == ["n.name", "count( * )", "x", "(n.age)"])
        #expect(ret.projection.items[2].text == "a  +  1")
        #expect(ret.projection.items[0].range.start.line == 2)
        #expect(ret.projection.items[0].range.start.column == 8)
    }

    @Test("patterns: variable length, types, directions, named paths")
    func patterns() throws {
        let query = try CypherParser.parse(
            "MATCH p = (a:A:B {k: 1})-[r:X|Y*1..3]->(b)<-[:Z*]-(c)--(d), q = shortestPath((a)-[*..5]-(d)) RETURN p")
        guard case .match(let match) = query.first.clauses[0] else {
            Issue.record("expected MATCH")
            return
        }
        let part = match.pattern.parts[0]
        #expect(part.variable?.name == "p")
        #expect(part.element.start.labels == ["A", "B"])
        let rels = part.element.relationships
        #expect(rels.map(\.direction) == [.outgoing, .incoming, .both])
        #expect(rels[0].types == ["X", "Y"])
        #expect(rels[0].length?.minimum == 1 && rels[0].length?.maximum == 3)
        #expect(rels[1].length != nil && rels[1].length?.minimum == nil && rels[1].length?.maximum == nil)
        #expect(rels[2].length == nil)
        let second = match.pattern.parts[1]
        #expect(second.selector == .shortestPath)
        #expect(second.element.relationships[0].length?.maximum == 5)
        #expect(second.element.relationships[0].length?.minimum == nil)
    }

    @Test("clauses: UNION, MERGE actions, SET forms, CALL, comments, case-insensitive keywords")
    func clauses() throws {
        let query = try CypherParser.parse("""
            // a comment
            merge (n:L {id: 1}) ON CREATE SET n.c = 1 on match set n += {m: 2}, n:X:Y /* block */
            SET n = {a: 1} REMOVE n.a, n:X DETACH DELETE n
            UNION ALL
            CALL db.labels() YIELD label AS l WHERE l <> 'x' RETURN l
            """)
        #expect(query.unions.count == 1 && query.unions[0].all)
        let clauses = query.first.clauses
        #expect(clauses.map(\.name) == ["MERGE", "SET", "REMOVE", "DETACH DELETE"])
        guard case .merge(let merge) = clauses[0] else { return }
        #expect(merge.actions.map(\.trigger) == [.onCreate, .onMatch])
        #expect(merge.actions[1].items.count == 2)
        guard case .call(let call) = query.unions[0].query.clauses[0] else {
            Issue.record("expected CALL")
            return
        }
        #expect(call.qualifiedName == "db.labels")
        #expect(call.arguments == [])
        #expect(call.yield?.items.first?.boundName == "l")
    }

    @Test("scripts split on semicolons outside strings and comments")
    func scripts() throws {
        let script = "CREATE (:A {s: 'a;b'}); // c;\n;MATCH (n) /* ; */ RETURN n\n"
        let queries = try CypherParser.parseScript(script)
        #expect(queries.count == 2)
        #expect(queries[1].range.start.line == 2)
        #expect(try CypherParser.parseScript("  ").isEmpty)
        #expect(throws: QueryError.self) { try CypherParser.parseScript("RETURN 1 ) RETURN 2") }
    }

    @Test("comprehensions, quantifiers, reduce, CASE, map projection, EXISTS")
    func complexExpressions() throws {
        let kinds = try [
            "[x IN list WHERE x > 1 | x * 2]", "[(a)-->(b) WHERE b.k | b.name]", "any(x IN l WHERE x)",
            "reduce(s = 0, x IN l | s + x)", "CASE WHEN a THEN 1 ELSE 2 END", "CASE a WHEN 1 THEN 'one' END",
            "n{.name, k: 1, .*, m}", "EXISTS { MATCH (n)-->(m) RETURN m }", "exists((n)-->())",
            "`weird name`.`key`", "COUNT { (n)-[:T]->(m) WHERE m.x > 1 }",
        ].map { try CypherParser.parseExpression($0).kind }
        if case .listComprehension(let c) = kinds[0] { #expect(c.predicate != nil && c.projection != nil) } else {
            Issue.record("list comprehension")
        }
        if case .patternComprehension(let c) = kinds[1] { #expect(c.pattern.steps.count == 1) } else {
            Issue.record("pattern comprehension")
        }
        if case .quantifier(let q) = kinds[2] { #expect(q.kind == .any) } else { Issue.record("quantifier") }
        if case .reduce(let r) = kinds[3] { #expect(r.accumulator.name == "s") } else { Issue.record("reduce") }
        if case .caseExpression(let c) = kinds[4] { #expect(c.subject == nil && c.defaultValue != nil) } else {
            Issue.record("generic CASE")
        }
        if case .caseExpression(let c) = kinds[5] { #expect(c.subject != nil) } else { Issue.record("simple CASE") }
        if case .mapProjection(let m) = kinds[6] { #expect(m.items.count == 4) } else { Issue.record("map projection") }
        if case .existsSubquery(let q) = kinds[7] { #expect(q.first.clauses.count == 2) } else {
            Issue.record("EXISTS subquery")
        }
        if case .functionCall(let f) = kinds[8], case .pattern = f.arguments.first?.kind {} else {
            Issue.record("exists(pattern)")
        }
        if case .property(let subject, let key) = kinds[9], case .variable("weird name") = subject.kind {
            #expect(key == "key")
        } else {
            Issue.record("quoted names")
        }
        if case .functionCall(let size) = kinds[10], size.name == "size",
           case .patternComprehension(let c) = size.arguments.first?.kind {
            #expect(c.predicate != nil && c.pattern.steps.count == 1)
        } else {
            Issue.record("COUNT { } as size of a pattern comprehension")
        }
    }
}

@Suite("Cypher syntax robustness", .enabled(if: DataLocation.root() != nil, "skipped: QUIVER_DATA not found"))
struct SyntaxRobustnessTests {
    /// Every prefix of real queries either parses or fails with a positioned QueryError; never crashes.
    @Test("truncated queries fail cleanly with a position")
    func truncatedQueries() throws {
        let sample = SyntaxTCKTests.corpus.enumerated().filter { $0.offset % 10 == 0 }.map(\.element.query)
            .filter { $0.count <= 160 }
        var checked = 0
        for query in sample {
            for length in stride(from: 0, to: query.count, by: 3) {
                let prefix = String(query.prefix(length))
                do {
                    _ = try SemanticAnalyzer.compile(prefix)
                } catch let error as QueryError {
                    #expect(error.location != nil, "no position for error in \(prefix)")
                    #expect(error.phase == .compileTime)
                }
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test("deep nesting is an error, not a crash")
    func deepNesting() throws {
        let text = "RETURN " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(throws: QueryError.self) { try CypherParser.parse(text) }
        let nots = "RETURN " + String(repeating: "NOT ", count: 5000) + "true"
        #expect(throws: QueryError.self) { try CypherParser.parse(nots) }
        let lists = "RETURN " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(throws: QueryError.self) { try CypherParser.parse(lists) }
        let sum = "RETURN " + Array(repeating: "1", count: 20000).joined(separator: " + ") + " AS s"
        #expect(throws: QueryError.self) { try SemanticAnalyzer.compile(sum) }
        // Just under the limit, the analyser's recursion must still fit the stack.
        let deepest = "RETURN " + Array(repeating: "1", count: NestingLimit.depth - 10).joined(separator: " + ")
            + " AS s, " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + " AS l"
        #expect(try SemanticAnalyzer.compile(deepest).columns == ["s", "l"])
    }
}
