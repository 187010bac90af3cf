import QuiverCore

/// A hand-written recursive-descent parser from Cypher text to a `Query`.
///
/// Errors are `QueryError`s of category `SyntaxError`, phase compile time, with the line and
/// column of the offending token and a message saying what was expected and what was found.
///
/// ```swift
/// let query = try CypherParser.parse("MATCH (n:Person) WHERE n.age > 30 RETURN n.name")
/// ```
public struct CypherParser {
    let utf8: [UInt8]
    var tokens: [Token]
    var position = 0
    /// The end of the last consumed token, for closing node ranges.
    var lastEnd: SourceLocation
    /// The depth of the syntax tree being built at the current token: nesting (parentheses, lists,
    /// subqueries, prefixes) plus the links of every operator chain it sits in, bounded by
    /// ``NestingLimit/depth`` so that no later pass (or the tree's deallocation) can exhaust the stack.
    var depth = 0
    /// Clauses and pattern elements read so far: each is a level of recursion when the query runs.
    var pipelineSteps = 0
    /// Token positions where a path pattern was tried and failed (see `parsePathPattern`).
    var failedPathStarts: Set<Int> = []
    /// Whether the pattern being read is matched (each element a level of the matcher's recursion),
    /// rather than created.
    var matchingPattern = true

    init(_ text: String) throws {
        utf8 = Array(text.utf8)
        tokens = try Lexer.tokenize(text)
        lastEnd = tokens[0].start
    }

    /// Parses one Cypher statement (an optional trailing `;` is allowed).
    ///
    /// - Throws: `QueryError` with category `.syntaxError` (e.g. code `UnexpectedSyntax`,
    ///   `IntegerOverflow`, `InvalidNumberLiteral`), with its excerpt filled from `text`.
    public static func parse(_ text: String) throws -> Query {
        try QueryStack.run(for: text) {
            do {
                var parser = try CypherParser(text)
                let query = try parser.parseQuery()
                _ = parser.acceptSymbol(";")
                guard parser.current.kind == .endOfInput else {
                    throw parser.unexpected("a clause, UNION or the end of the query")
                }
                return query
            } catch let error as QueryError {
                throw error.withSource(text)
            }
        }
    }

    /// Parses a script of statements separated by `;` (strings and comments may hold `;`).
    ///
    /// ```swift
    /// let queries = try CypherParser.parseScript("CREATE (:A); MATCH (n) RETURN n;")   // 2 queries
    /// ```
    /// Each query's `range` locates its text in the script.
    public static func parseScript(_ text: String) throws -> [Query] {
        try QueryStack.run(for: text) {
            do {
                var parser = try CypherParser(text)
                var queries: [Query] = []
                while true {
                    while parser.acceptSymbol(";") {}
                    if parser.current.kind == .endOfInput { return queries }
                    queries.append(try parser.parseQuery())
                    guard parser.acceptSymbol(";") || parser.current.kind == .endOfInput else {
                        throw parser.unexpected("a clause, UNION, ';' or the end of the script")
                    }
                }
            } catch let error as QueryError {
                throw error.withSource(text)
            }
        }
    }

    /// Parses a single expression, e.g. for tests or for tools that take expressions.
    public static func parseExpression(_ text: String) throws -> Expression {
        try QueryStack.run(for: text) {
            do {
                var parser = try CypherParser(text)
                let expression = try parser.parseExpression()
                guard parser.current.kind == .endOfInput else { throw parser.unexpected("the end of the expression") }
                return expression
            } catch let error as QueryError {
                throw error.withSource(text)
            }
        }
    }

    // MARK: Cursor

    var current: Token { tokens[position] }

    func peek(_ ahead: Int = 1) -> Token {
        tokens[min(position + ahead, tokens.count - 1)]
    }

    mutating func advance() {
        lastEnd = tokens[position].range.end
        if position < tokens.count - 1 { position += 1 }
    }

    mutating func acceptKeyword(_ word: String) -> Bool {
        guard current.isKeyword(word) else { return false }
        advance()
        return true
    }

    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expectKeyword(_ word: String) throws {
        guard acceptKeyword(word) else { throw unexpected(word) }
    }

    mutating func expectSymbol(_ symbol: String) throws {
        guard acceptSymbol(symbol) else { throw unexpected("'\(symbol)'") }
    }

    /// Goes one level deeper into the syntax tree, failing past ``NestingLimit/depth``; the caller
    /// undoes it (`depth -= 1`) when the level is done.
    mutating func descend() throws {
        depth += 1
        guard depth <= NestingLimit.depth else { throw NestingLimit.exceeded("this expression", at: current.start) }
    }

    /// Counts one clause or pattern element of the query, failing past ``NestingLimit/depth``.
    mutating func addPipelineStep() throws {
        pipelineSteps += 1
        guard pipelineSteps <= NestingLimit.depth else {
            throw NestingLimit.tooLong("this query", at: current.start,
                                       advice: "split it into several queries, or UNWIND a list instead of repeating clauses")
        }
    }

    func unexpected(_ expected: String) -> QueryError {
        QueryError(.syntaxError, code: "UnexpectedSyntax", phase: .compileTime,
                   message: "expected \(expected), found \(current.display)", location: current.start)
    }

    func error(_ code: String, _ message: String, at location: SourceLocation) -> QueryError {
        QueryError(.syntaxError, code: code, phase: .compileTime, message: message, location: location)
    }

    func range(from start: SourceLocation) -> SourceRange {
        SourceRange(start: start, end: lastEnd)
    }

    /// The source text of `range`, exactly as written.
    func text(of range: SourceRange) -> String {
        let lower = max(0, min(range.start.offset, utf8.count))
        let upper = max(lower, min(range.end.offset, utf8.count))
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }

    /// A name: a bare identifier (keywords allowed) or a backtick-quoted one.
    mutating func parseName(_ what: String) throws -> String {
        guard current.kind == .identifier || current.kind == .quotedIdentifier else { throw unexpected(what) }
        let name = current.text
        advance()
        return name
    }

    mutating func parseVariable() throws -> Variable {
        let start = current.start
        let name = try parseName("a variable name")
        return Variable(name: name, range: range(from: start))
    }

    /// Whether the current token can start a variable name.
    var atName: Bool { current.kind == .identifier || current.kind == .quotedIdentifier }

    // MARK: Query and clauses

    mutating func parseQuery() throws -> Query {
        let start = current.start
        let first = try parseSingleQuery()
        var unions: [Union] = []
        while current.isKeyword("UNION") {
            let unionStart = current.start
            advance()
            let all = acceptKeyword("ALL")
            let part = try parseSingleQuery()
            unions.append(Union(all: all, query: part, range: range(from: unionStart)))
        }
        return Query(first: first, unions: unions, range: range(from: start))
    }

    mutating func parseSingleQuery() throws -> SingleQuery {
        let start = current.start
        var clauses: [Clause] = []
        while true {
            try addPipelineStep()
            guard let clause = try parseClause() else { break }
            clauses.append(clause)
        }
        guard !clauses.isEmpty else { throw unexpected("a clause (MATCH, RETURN, CREATE, …)") }
        return SingleQuery(clauses: clauses, range: range(from: start))
    }

    /// The next clause, or `nil` at UNION, `;`, `}` or the end.
    mutating func parseClause() throws -> Clause? {
        let start = current.start
        guard current.kind == .identifier else { return nil }
        switch current.keyword ?? "" {
        case "MATCH":
            advance()
            return .match(try parseMatch(optional: false, start: start))
        case "OPTIONAL":
            advance()
            try expectKeyword("MATCH")
            return .match(try parseMatch(optional: true, start: start))
        case "UNWIND":
            advance()
            let expression = try parseExpression()
            try expectKeyword("AS")
            let variable = try parseVariable()
            return .unwind(Unwind(expression: expression, variable: variable, range: range(from: start)))
        case "WITH":
            advance()
            let projection = try parseProjection(start: start)
            let predicate = try parseWhere()
            return .with(With(projection: projection, predicate: predicate, range: range(from: start)))
        case "RETURN":
            advance()
            let projection = try parseProjection(start: start)
            return .return(Return(projection: projection, range: range(from: start)))
        case "CREATE":
            advance()
            // CREATE makes its pattern's elements one after another, without recursing per element.
            matchingPattern = false
            defer { matchingPattern = true }
            return .create(Create(pattern: try parsePattern(), range: range(from: start)))
        case "MERGE":
            advance()
            return .merge(try parseMerge(start: start))
        case "SET":
            advance()
            return .set(SetClause(items: try parseSetItems(), range: range(from: start)))
        case "REMOVE":
            advance()
            return .remove(Remove(items: try parseRemoveItems(), range: range(from: start)))
        case "DELETE":
            advance()
            return .delete(Delete(detach: false, expressions: try parseExpressionList(), range: range(from: start)))
        case "DETACH":
            advance()
            try expectKeyword("DELETE")
            return .delete(Delete(detach: true, expressions: try parseExpressionList(), range: range(from: start)))
        case "FOREACH":
            advance()
            return .subquery(try parseForeach(start: start))
        case "CALL" where callStartsSubquery:
            advance()
            return .subquery(try parseCallSubquery(start: start))
        case "CALL":
            advance()
            return .call(try parseCall(start: start))
        case "LOAD":
            advance()
            return .loadCSV(try parseLoadCSV(start: start))
        case "UNION":
            return nil
        default:
            throw unexpected("a clause (MATCH, WITH, RETURN, CREATE, …)")
        }
    }

    mutating func parseWhere() throws -> Expression? {
        guard acceptKeyword("WHERE") else { return nil }
        return try parseExpression()
    }

    mutating func parseMatch(optional: Bool, start: SourceLocation) throws -> Match {
        let pattern = try parsePattern()
        let predicate = try parseWhere()
        return Match(optional: optional, pattern: pattern, predicate: predicate, range: range(from: start))
    }

    mutating func parseExpressionList() throws -> [Expression] {
        var expressions = [try parseExpression()]
        while acceptSymbol(",") { expressions.append(try parseExpression()) }
        return expressions
    }

    mutating func parseMerge(start: SourceLocation) throws -> Merge {
        let part = try parsePatternPart()
        var actions: [MergeAction] = []
        while current.isKeyword("ON") {
            let actionStart = current.start
            advance()
            let trigger: MergeAction.Trigger
            if acceptKeyword("CREATE") {
                trigger = .onCreate
            } else if acceptKeyword("MATCH") {
                trigger = .onMatch
            } else {
                throw unexpected("CREATE or MATCH after ON")
            }
            try expectKeyword("SET")
            actions.append(MergeAction(trigger: trigger, items: try parseSetItems(), range: range(from: actionStart)))
        }
        return Merge(part: part, actions: actions, range: range(from: start))
    }
}
