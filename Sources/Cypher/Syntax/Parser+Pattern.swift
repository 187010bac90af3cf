import QuiverCore

// Graph patterns: `p = (a:L {k: 1})-[r:T|U*1..3]->(b)`, shortestPath(...), allShortestPaths(...).
extension CypherParser {
    mutating func parsePattern() throws -> Pattern {
        let start = current.start
        var parts = [try parsePatternPart()]
        while acceptSymbol(",") { parts.append(try parsePatternPart()) }
        return Pattern(parts: parts, range: range(from: start))
    }

    mutating func parsePatternPart() throws -> PatternPart {
        let start = current.start
        var variable: Variable?
        if atName, peek().isSymbol("=") {
            variable = try parseVariable()
            advance()
        }
        if let selector = shortestPathSelector, peek().isSymbol("(") {
            advance()
            advance()
            let element = try parsePathPattern()
            try expectSymbol(")")
            return PatternPart(variable: variable, selector: selector, element: element, range: range(from: start))
        }
        let element = try parsePathPattern()
        return PatternPart(variable: variable, selector: .all, element: element, range: range(from: start))
    }

    /// The selector named by the current token, if it is `shortestPath` or `allShortestPaths`.
    var shortestPathSelector: PatternPart.Selector? {
        if current.isKeyword("SHORTESTPATH") { return .shortestPath }
        if current.isKeyword("ALLSHORTESTPATHS") { return .allShortestPaths }
        return nil
    }

    /// A path pattern. Expressions try this speculatively at every `(` (`(a)-->(b)` may be a
    /// pattern or a parenthesised expression), so a failure at a token is remembered: nested
    /// parentheses then cost linear time, not quadratic.
    mutating func parsePathPattern() throws -> PathPattern {
        if failedPathStarts.contains(position) { throw unexpected("a pattern") }
        let attempt = position
        do {
            return try parsePathPatternOnce()
        } catch let error as QueryError {
            // A failure from the nesting limit depends on how deep the attempt started; others do not.
            if error.code != "NestingLimit" { failedPathStarts.insert(attempt) }
            throw error
        }
    }

    private mutating func parsePathPatternOnce() throws -> PathPattern {
        let start = current.start
        try descend()
        defer { depth -= 1 }
        // A parenthesised path `((a)-->(b))` is the same path.
        if current.isSymbol("("), peek().isSymbol("(") {
            let saved = (position, lastEnd, pipelineSteps)
            advance()
            if let inner = try? parsePathPattern(), acceptSymbol(")") {
                return PathPattern(start: inner.start, steps: inner.steps, range: range(from: start))
            }
            (position, lastEnd, pipelineSteps) = saved
        }
        if matchingPattern { try addPipelineStep() }
        let first = try parseNodePattern()
        var steps: [PatternStep] = []
        while current.isSymbol("-") || (current.isSymbol("<") && peek().isSymbol("-")) {
            if matchingPattern { try addPipelineStep() }
            let relationship = try parseRelationshipPattern()
            let node = try parseNodePattern()
            steps.append(PatternStep(relationship: relationship, node: node))
        }
        return PathPattern(start: first, steps: steps, range: range(from: start))
    }

    mutating func parseNodePattern() throws -> NodePattern {
        let start = current.start
        try expectSymbol("(")
        var variable: Variable?
        if atName { variable = try parseVariable() }
        var labels: [String] = []
        while acceptSymbol(":") { labels.append(try parseName("a label name")) }
        let properties = try parsePatternProperties()
        try expectSymbol(")")
        return NodePattern(variable: variable, labels: labels, properties: properties, range: range(from: start))
    }

    /// `{map}` or `$param` inside a node or relationship pattern.
    mutating func parsePatternProperties() throws -> Expression? {
        if current.isSymbol("{") { return try parseMapLiteral() }
        if current.kind == .parameter {
            let token = current
            advance()
            return Expression(.parameter(token.text), range: token.range)
        }
        return nil
    }

    mutating func parseRelationshipPattern() throws -> RelationshipPattern {
        let start = current.start
        let pointsLeft = acceptSymbol("<")
        try expectSymbol("-")
        var variable: Variable?
        var types: [String] = []
        var length: PathLength?
        var properties: Expression?
        if acceptSymbol("[") {
            if atName { variable = try parseVariable() }
            if acceptSymbol(":") {
                types.append(try parseName("a relationship type"))
                while acceptSymbol("|") {
                    _ = acceptSymbol(":")
                    types.append(try parseName("a relationship type"))
                }
            }
            if current.isSymbol("..") {
                throw error("InvalidRelationshipPattern", "a variable-length range needs '*' before it, e.g. *1..3",
                            at: current.start)
            }
            if current.isSymbol("*") { length = try parsePathLength() }
            properties = try parsePatternProperties()
            try expectSymbol("]")
        }
        try expectSymbol("-")
        let pointsRight = acceptSymbol(">")
        let direction: RelationshipPattern.Direction =
            pointsLeft == pointsRight ? .both : (pointsRight ? .outgoing : .incoming)
        return RelationshipPattern(variable: variable, types: types, direction: direction, length: length,
                                   properties: properties, range: range(from: start))
    }

    mutating func parsePathLength() throws -> PathLength {
        let start = current.start
        try expectSymbol("*")
        if current.isSymbol("-") {
            throw error("InvalidRelationshipPattern", "a variable-length bound cannot be negative", at: current.start)
        }
        var minimum: Int64?
        var maximum: Int64?
        if current.kind == .integer { minimum = try parseBound() }
        if acceptSymbol("..") {
            if current.kind == .integer { maximum = try parseBound() }
        } else {
            maximum = minimum
        }
        return PathLength(minimum: minimum, maximum: maximum, range: range(from: start))
    }

    private mutating func parseBound() throws -> Int64 {
        let token = current
        advance()
        return try integerValue(of: token, negated: false)
    }
}
