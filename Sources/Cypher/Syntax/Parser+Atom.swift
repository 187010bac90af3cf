import QuiverCore

// Atoms: literals, parameters, variables, function calls, CASE, comprehensions, quantifiers,
// reduce, EXISTS, map projections and parenthesised expressions or patterns.
extension CypherParser {
    mutating func parseAtom() throws -> Expression {
        let token = current
        let start = token.start
        switch token.kind {
        case .integer, .float:
            advance()
            return Expression(.literal(try numberLiteral(token, negated: false)), range: token.range)
        case .malformedNumber:
            throw error("InvalidNumberLiteral", "invalid number literal '\(token.text)'", at: token.start)
        case .string:
            advance()
            return Expression(.literal(.string(token.text)), range: token.range)
        case .parameter:
            advance()
            return Expression(.parameter(token.text), range: token.range)
        case .symbol:
            switch token.text {
            case "(": return try parseParenthesised()
            case "[": return try parseBracketed()
            case "{": return try parseMapLiteral()
            default: throw unexpected("an expression")
            }
        case .quotedIdentifier:
            if let call = try parseFunctionCallIfPresent() { return call }
            let variable = try parseVariable()
            return try parseMapProjectionIfPresent(variable)
        case .endOfInput:
            throw unexpected("an expression")
        case .identifier:
            break
        }
        switch token.keyword ?? "" {
        case "TRUE": advance(); return Expression(.literal(.boolean(true)), range: token.range)
        case "FALSE": advance(); return Expression(.literal(.boolean(false)), range: token.range)
        case "NULL": advance(); return Expression(.literal(.null), range: token.range)
        case "CASE" where !caseIsVariable: return try parseCase()
        case "COUNT" where peek().isSymbol("(") && peek(2).isSymbol("*") && peek(3).isSymbol(")"):
            advance(); advance(); advance(); advance()
            return Expression(.countStar, range: range(from: start))
        case "EXISTS" where peek().isSymbol("{"):
            let query = try parseSubqueryBody()
            return Expression(.existsSubquery(query), range: range(from: start))
        case "COUNT" where peek().isSymbol("{"):
            return try parseCountSubquery(start: start)
        case "COLLECT" where peek().isSymbol("{"):
            let query = try parseSubqueryBody()
            return Expression(.collectSubquery(query), range: range(from: start))
        case "ALL" where looksLikeQuantifier, "ANY" where looksLikeQuantifier,
             "NONE" where looksLikeQuantifier, "SINGLE" where looksLikeQuantifier:
            return try parseQuantifier()
        case "REDUCE" where peek().isSymbol("("):
            return try parseReduce()
        case "SHORTESTPATH" where peek().isSymbol("("), "ALLSHORTESTPATHS" where peek().isSymbol("("):
            let part = try parsePatternPart()
            return Expression(.shortestPath(part), range: range(from: start))
        default:
            break
        }
        if let call = try parseFunctionCallIfPresent() { return call }
        let variable = try parseVariable()
        return try parseMapProjectionIfPresent(variable)
    }

    /// Whether a `case` here names a variable (`RETURN case`, `case.name`, `case = 1`): the token after
    /// it can only follow a value, never start a CASE subject or WHEN.
    private var caseIsVariable: Bool {
        let next = peek()
        switch next.kind {
        case .endOfInput: return true
        case .symbol: return Self.tokensAfterValue.contains(next.text)
        case .identifier: return Self.keywordsAfterValue.contains(next.keyword ?? "")
        default: return false
        }
    }

    private static let tokensAfterValue: Set<String> = [
        ".", ",", ")", "]", "}", "=", "<>", "<", ">", "<=", ">=", "=~", "*", "/", "%", "^", ";", "|", ":",
    ]
    private static let keywordsAfterValue: Set<String> = [
        "AS", "AND", "OR", "XOR", "IS", "IN", "STARTS", "ENDS", "CONTAINS", "RETURN", "WITH", "WHERE", "ORDER",
        "SKIP", "LIMIT", "MATCH", "OPTIONAL", "UNWIND", "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE",
        "UNION", "CALL", "ASC", "ASCENDING", "DESC", "DESCENDING", "FOREACH",
    ]

    /// Whether the tokens ahead read `quantifier ( name IN`.
    private var looksLikeQuantifier: Bool {
        peek().isSymbol("(") && (peek(2).kind == .identifier || peek(2).kind == .quotedIdentifier)
            && peek(3).isKeyword("IN")
    }

    /// A call `name(…)` or `ns.name(…)` when the tokens ahead have that shape.
    private mutating func parseFunctionCallIfPresent() throws -> Expression? {
        var ahead = 1
        while peek(ahead).isSymbol("."), peek(ahead + 1).kind == .identifier || peek(ahead + 1).kind == .quotedIdentifier {
            ahead += 2
        }
        guard peek(ahead).isSymbol("(") else { return nil }
        let start = current.start
        var names = [try parseName("a function name")]
        while acceptSymbol(".") { names.append(try parseName("a function name")) }
        try expectSymbol("(")
        let distinct = acceptKeyword("DISTINCT")
        var arguments: [Expression] = []
        if !current.isSymbol(")") { arguments = try parseExpressionList() }
        try expectSymbol(")")
        let name = names.removeLast()
        let call = FunctionCall(namespace: names, name: name, distinct: distinct, arguments: arguments)
        return Expression(.functionCall(call), range: range(from: start))
    }

    private mutating func parseMapProjectionIfPresent(_ variable: Variable) throws -> Expression {
        guard current.isSymbol("{") else { return Expression(.variable(variable.name), range: variable.range) }
        advance()
        var items: [MapProjectionItem] = []
        if !current.isSymbol("}") {
            repeat {
                if acceptSymbol(".") {
                    if acceptSymbol("*") {
                        items.append(.allProperties)
                    } else {
                        items.append(.property(try parseName("a property name")))
                    }
                } else if atName, peek().isSymbol(":") {
                    let key = try parseName("a key")
                    advance()
                    items.append(.entry(key: key, value: try parseExpression()))
                } else {
                    items.append(.variable(try parseVariable()))
                }
            } while acceptSymbol(",")
        }
        try expectSymbol("}")
        let projection = MapProjection(variable: variable, items: items)
        return Expression(.mapProjection(projection), range: range(from: variable.range.start))
    }

    /// `{key: value, …}`.
    mutating func parseMapLiteral() throws -> Expression {
        let start = current.start
        try expectSymbol("{")
        var entries: [MapEntry] = []
        if !current.isSymbol("}") {
            repeat {
                let entryStart = current.start
                let key = try parseName("a map key")
                try expectSymbol(":")
                let value = try parseExpression()
                entries.append(MapEntry(key: key, value: value, range: range(from: entryStart)))
            } while acceptSymbol(",")
        }
        try expectSymbol("}")
        return Expression(.map(entries), range: range(from: start))
    }

    /// `( expression )`, or a pattern such as `(a)-[:T]->(b)` used as an expression.
    private mutating func parseParenthesised() throws -> Expression {
        let start = current.start
        let saved = (position, lastEnd, pipelineSteps)
        if let path = try? parsePathPattern(), !path.steps.isEmpty {
            return Expression(.pattern(path), range: range(from: start))
        }
        (position, lastEnd, pipelineSteps) = saved
        try expectSymbol("(")
        let inner = try parseExpression()
        try expectSymbol(")")
        // The parentheses belong to the range so that projection texts keep them.
        return Expression(inner.kind, range: range(from: start))
    }

    /// `[…]`: a list literal, a list comprehension or a pattern comprehension.
    private mutating func parseBracketed() throws -> Expression {
        let start = current.start
        try expectSymbol("[")
        if let comprehension = try parsePatternComprehensionIfPresent(start: start) { return comprehension }
        if atName, peek().isKeyword("IN") {
            let variable = try parseVariable()
            advance()
            let source = try parseExpression()
            let predicate = try parseWhere()
            let projection = acceptSymbol("|") ? try parseExpression() : nil
            try expectSymbol("]")
            let comprehension = ListComprehension(variable: variable, source: source, predicate: predicate,
                                                  projection: projection)
            return Expression(.listComprehension(comprehension), range: range(from: start))
        }
        var elements: [Expression] = []
        if !current.isSymbol("]") { elements = try parseExpressionList() }
        try expectSymbol("]")
        return Expression(.list(elements), range: range(from: start))
    }

    private mutating func parsePatternComprehensionIfPresent(start: SourceLocation) throws -> Expression? {
        let saved = (position, lastEnd, pipelineSteps)
        var variable: Variable?
        if atName, peek().isSymbol("="), peek(2).isSymbol("(") {
            variable = try parseVariable()
            advance()
        } else if !current.isSymbol("(") {
            return nil
        }
        guard let path = try? parsePathPattern(), !path.steps.isEmpty,
              current.isKeyword("WHERE") || current.isSymbol("|")
        else {
            (position, lastEnd, pipelineSteps) = saved
            return nil
        }
        let predicate = try parseWhere()
        try expectSymbol("|")
        let projection = try parseExpression()
        try expectSymbol("]")
        let comprehension = PatternComprehension(variable: variable, pattern: path, predicate: predicate,
                                                 projection: projection)
        return Expression(.patternComprehension(comprehension), range: range(from: start))
    }

    private mutating func parseCase() throws -> Expression {
        let start = current.start
        try expectKeyword("CASE")
        let subject = current.isKeyword("WHEN") ? nil : try parseExpression()
        var alternatives: [CaseAlternative] = []
        while acceptKeyword("WHEN") {
            let condition = try parseExpression()
            try expectKeyword("THEN")
            alternatives.append(CaseAlternative(condition: condition, result: try parseExpression()))
        }
        guard !alternatives.isEmpty else { throw unexpected("WHEN") }
        let defaultValue = acceptKeyword("ELSE") ? try parseExpression() : nil
        try expectKeyword("END")
        let expression = CaseExpression(subject: subject, alternatives: alternatives, defaultValue: defaultValue)
        return Expression(.caseExpression(expression), range: range(from: start))
    }

    private mutating func parseQuantifier() throws -> Expression {
        let start = current.start
        guard let kind = Quantifier.Kind(rawValue: current.text.lowercased()) else { throw unexpected("a quantifier") }
        advance()
        try expectSymbol("(")
        let variable = try parseVariable()
        try expectKeyword("IN")
        let source = try parseExpression()
        let predicate = try parseWhere()
        try expectSymbol(")")
        let quantifier = Quantifier(kind: kind, variable: variable, source: source, predicate: predicate)
        return Expression(.quantifier(quantifier), range: range(from: start))
    }

    private mutating func parseReduce() throws -> Expression {
        let start = current.start
        advance()
        try expectSymbol("(")
        let accumulator = try parseVariable()
        try expectSymbol("=")
        let initial = try parseExpression()
        try expectSymbol(",")
        let variable = try parseVariable()
        try expectKeyword("IN")
        let source = try parseExpression()
        try expectSymbol("|")
        let body = try parseExpression()
        try expectSymbol(")")
        let reduce = Reduce(accumulator: accumulator, initial: initial, variable: variable, source: source,
                            expression: body)
        return Expression(.reduce(reduce), range: range(from: start))
    }

    /// Neo4j 5's `COUNT { (a)-->(b) WHERE … }` is read as `size([(a)-->(b) WHERE … | 1])`, which
    /// counts the same paths with the expression kinds every later pass already knows; any other
    /// body (several clauses, RETURN, UNION) is a full count subquery.
    private mutating func parseCountSubquery(start: SourceLocation) throws -> Expression {
        let query = try parseSubqueryBody()
        guard query.unions.isEmpty, query.first.clauses.count == 1, case .match(let match) = query.first.clauses[0],
              !match.optional, match.pattern.parts.count == 1, let part = match.pattern.parts.first,
              part.selector == .all
        else {
            return Expression(.countSubquery(query), range: range(from: start))
        }
        let whole = range(from: start)
        let one = Expression(.literal(.integer(1)), range: whole)
        let comprehension = PatternComprehension(variable: part.variable, pattern: part.element,
                                                 predicate: match.predicate, projection: one)
        let list = Expression(.patternComprehension(comprehension), range: whole)
        let size = FunctionCall(namespace: [], name: "size", distinct: false, arguments: [list])
        return Expression(.functionCall(size), range: whole)
    }

    /// The `{ … }` of `EXISTS { MATCH … }` or `COUNT { (a)-->(b) WHERE … }`, after the keyword.
    private mutating func parseSubqueryBody() throws -> Query {
        advance()
        try expectSymbol("{")
        try descend()
        defer { depth -= 1 }
        let query: Query
        if current.kind == .identifier, ["MATCH", "OPTIONAL", "WITH", "UNWIND", "CALL", "RETURN"]
            .contains(current.keyword ?? "") {
            query = try parseQuery()
        } else {
            let matchStart = current.start
            let pattern = try parsePattern()
            let predicate = try parseWhere()
            let match = Match(optional: false, pattern: pattern, predicate: predicate, range: range(from: matchStart))
            let body = SingleQuery(clauses: [.match(match)], range: match.range)
            query = Query(first: body, unions: [], range: match.range)
        }
        try expectSymbol("}")
        return query
    }
}
