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
        if let (selector, count) = try parseShortestSelectorIfPresent() {
            let element = try parsePathPattern()
            if let filtered = element.relationships.first(where: { $0.predicate != nil }) {
                // Neo4j applies it while searching (a pre-filter); after the search would give other paths.
                throw error("UnsupportedFeature", "WHERE inside a relationship pattern of a SHORTEST or ANY search is not "
                            + "supported; filter with WHERE after the pattern, or use a property map", at: filtered.range.start)
            }
            var part = PatternPart(variable: variable, selector: selector, element: element, range: range(from: start))
            part.count = count
            return part
        }
        let element = try parsePathPattern()
        return PatternPart(variable: variable, selector: .all, element: element, range: range(from: start))
    }

    /// Neo4j 5's path selectors, with how many paths or groups each keeps per pair of end nodes:
    /// `SHORTEST k` and `ANY [k]` (k paths), `ALL SHORTEST` and `SHORTEST k GROUPS` (every path of the k
    /// shortest lengths), each optionally followed by `PATH` or `PATHS`.
    private mutating func parseShortestSelectorIfPresent() throws -> (PatternPart.Selector, Int)? {
        if current.isKeyword("ALL"), peek().isKeyword("SHORTEST") {
            advance(); advance()
            _ = acceptKeyword("PATHS") || acceptKeyword("PATH")
            return (.allShortestPaths, 1)
        }
        if current.isKeyword("ANY"), peek().isKeyword("SHORTEST") {
            advance(); advance()
            _ = acceptKeyword("PATHS") || acceptKeyword("PATH")
            return (.shortestPath, 1)
        }
        if current.isKeyword("ANY"), peek().isSymbol("(") || peek().kind == .integer || peek().isKeyword("PATH")
            || peek().isKeyword("PATHS") {
            advance()
            let count = current.kind == .integer ? try parseSelectorCount() : 1
            _ = acceptKeyword("PATHS") || acceptKeyword("PATH")
            return (.shortestPath, count)
        }
        guard current.isKeyword("SHORTEST"), peek().kind == .integer else { return nil }
        advance()
        let count = try parseSelectorCount()
        let groups = acceptKeyword("GROUPS") || acceptKeyword("GROUP")
        _ = acceptKeyword("PATHS") || acceptKeyword("PATH")
        return (groups ? .allShortestPaths : .shortestPath, count)
    }

    /// The k of `SHORTEST k`: at least 1.
    private mutating func parseSelectorCount() throws -> Int {
        let start = current.start
        let count = try parseBound()
        guard count >= 1, count <= Int64(Int32.max) else {
            throw error("InvalidPathSelector", "a path selector's count must be between 1 and \(Int32.max), not \(count)",
                        at: start)
        }
        return Int(count)
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
            if let inner = try? parsePathPattern(), acceptSymbol(")"),
               !(current.isSymbol("{") || current.isSymbol("+") || current.isSymbol("*")) {
                return PathPattern(start: inner.start, steps: inner.steps, range: range(from: start))
            }
            (position, lastEnd, pipelineSteps) = saved
        }
        if matchingPattern { try addPipelineStep() }
        var steps: [PatternStep] = []
        let first: NodePattern
        // Whether a node pattern is written, not only quantified patterns (which may match no element).
        var writesNode = true
        if let (relationship, quantified) = try parseQuantifiedStepIfPresent() {
            // A path that opens with `((a)-[:R]->(b)){1,3}` starts at an anonymous node.
            first = NodePattern(variable: nil, labels: [], properties: nil, range: relationship.range)
            writesNode = current.isSymbol("(") && !peek().isSymbol("(")
            steps.append(PatternStep(relationship: relationship, node: try parseNodePatternAfterQuantified(),
                                     quantified: quantified))
        } else {
            first = try parseNodePattern()
        }
        while true {
            if matchingPattern, current.isSymbol("-") || current.isSymbol("<") || current.isSymbol("(") {
                try addPipelineStep()
            }
            if let (relationship, quantified) = try parseQuantifiedStepIfPresent() {
                if current.isSymbol("("), !peek().isSymbol("(") { writesNode = true }
                steps.append(PatternStep(relationship: relationship, node: try parseNodePatternAfterQuantified(),
                                         quantified: quantified))
                continue
            }
            guard current.isSymbol("-") || (current.isSymbol("<") && peek().isSymbol("-")) else { break }
            let relationship = try parseRelationshipPattern()
            let node = try parseNodePattern()
            steps.append(PatternStep(relationship: relationship, node: node))
            writesNode = true
        }
        if !writesNode, steps.allSatisfy({ ($0.relationship.length?.minimum ?? 1) == 0 }) {
            throw error("InvalidQuantifiedPathPattern", "a path pattern must match at least one node; a path of only "
                        + "quantified path patterns needs one with a lower bound of 1 or more, e.g. {1,10}", at: start)
        }
        return PathPattern(start: first, steps: steps, range: range(from: start))
    }

    /// A quantified path pattern `((a)-[r:R]->(b) WHERE …){m,n}` as the hop it adds to the path.
    /// One anonymous relationship between anonymous plain nodes is the quantified relationship
    /// `-[r:R]->{m,n}` it abbreviates; anything else keeps its inner pattern (group variables).
    /// Nil (nothing read) when no quantified pattern is here.
    private mutating func parseQuantifiedStepIfPresent() throws -> (RelationshipPattern, QuantifiedPath?)? {
        guard current.isSymbol("("), peek().isSymbol("(") else { return nil }
        let saved = (position, lastEnd, pipelineSteps)
        let start = current.start
        advance()
        guard let inner = try? parsePathPattern() else {
            (position, lastEnd, pipelineSteps) = saved
            return nil
        }
        let innerWhere = acceptKeyword("WHERE") ? try parseExpression() : nil
        guard acceptSymbol(")"), current.isSymbol("{") || current.isSymbol("+") || current.isSymbol("*"),
              let quantifier = try parsePathQuantifierIfPresent() ?? parseTrailingStarOrPlus()
        else {
            if innerWhere != nil { throw unexpected("a quantifier ({m,n}, +, *) after a parenthesised path with WHERE") }
            (position, lastEnd, pipelineSteps) = saved
            return nil
        }
        if inner.steps.isEmpty {
            throw error("InvalidQuantifiedPathPattern",
                        "a quantified path pattern needs at least one relationship; a single node cannot be repeated",
                        at: start)
        }
        if let nested = inner.steps.first(where: { $0.relationship.length != nil || $0.quantified != nil }) {
            throw error("InvalidQuantifiedPathPattern",
                        "quantified path patterns cannot be nested: write the inner relationship without a quantifier",
                        at: nested.relationship.range.start)
        }
        let whole = range(from: start)
        let anonymous = inner.nodes.allSatisfy { $0.variable == nil && $0.labels.isEmpty && $0.properties == nil }
        if innerWhere == nil, anonymous, inner.steps.count == 1, var relationship = inner.steps.first?.relationship {
            relationship.length = quantifier
            relationship.range = whole
            return (relationship.predicateOnEveryHop, nil)
        }
        let placeholder = RelationshipPattern(variable: nil, types: [], direction: .both, length: quantifier,
                                              properties: nil, range: whole)
        return (placeholder, QuantifiedPath(pattern: inner, predicate: innerWhere, quantifier: quantifier, range: whole))
    }

    /// `+` or `*` right after a parenthesised path, when no node follows directly (end of pattern).
    private mutating func parseTrailingStarOrPlus() throws -> PathLength? {
        let start = current.start
        if acceptSymbol("+") { return PathLength(minimum: 1, maximum: nil, range: range(from: start)) }
        if acceptSymbol("*") { return PathLength(minimum: 0, maximum: nil, range: range(from: start)) }
        return nil
    }

    /// The node after a quantified pattern; a pattern may also end there (an anonymous node then).
    private mutating func parseNodePatternAfterQuantified() throws -> NodePattern {
        if current.isSymbol("("), !peek().isSymbol("(") { return try parseNodePattern() }
        return NodePattern(variable: nil, labels: [], properties: nil, range: range(from: current.start))
    }

    mutating func parseNodePattern() throws -> NodePattern {
        let start = current.start
        try expectSymbol("(")
        var variable: Variable?
        if atName && !current.isKeyword("WHERE") { variable = try parseVariable() }
        var labels: [String] = []
        var conditions: [Expression] = []
        // A hidden variable for an anonymous node with a condition (a space never starts a name).
        let subject = variable ?? Variable(name: " node@\(start.offset)", range: range(from: start))
        while acceptSymbol(":") {
            let expression = try parseLabelOr()
            if let names = expression.conjunction {
                labels += names
            } else {
                conditions.append(expression.predicate(on: subject))
            }
        }
        let properties = try parsePatternProperties()
        if acceptKeyword("WHERE") { conditions.append(try parseExpression()) }
        try expectSymbol(")")
        let predicate = conditions.dropFirst().reduce(conditions.first) { all, next in
            all.map { Expression(.binary(.and, $0, next), range: next.range) }
        }
        if predicate != nil, variable == nil { variable = subject }
        return NodePattern(variable: variable, labels: labels, properties: properties, predicate: predicate,
                           range: range(from: start))
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
        var predicate: Expression?
        if acceptSymbol("[") {
            if atName && !current.isKeyword("WHERE") { variable = try parseVariable() }
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
            if acceptKeyword("WHERE") {
                variable = variable ?? Variable(name: " relationship@\(start.offset)", range: range(from: start))
                predicate = try parseExpression()
            }
            try expectSymbol("]")
        }
        try expectSymbol("-")
        let pointsRight = acceptSymbol(">")
        let direction: RelationshipPattern.Direction =
            pointsLeft == pointsRight ? .both : (pointsRight ? .outgoing : .incoming)
        if let quantifier = try parsePathQuantifierIfPresent() {
            if length != nil {
                throw error("InvalidRelationshipPattern", "a relationship has either *m..n or a quantifier {m,n}, not both",
                            at: quantifier.range.start)
            }
            length = quantifier
        }
        let relationship = RelationshipPattern(variable: variable, types: types, direction: direction, length: length,
                                               properties: properties, predicate: predicate, range: range(from: start))
        return relationship.predicateOnEveryHop
    }

    /// Neo4j 5's quantifiers after a relationship or a parenthesised path: `{m,n}`, `{m,}`, `{,n}`,
    /// `{n}`, `+` (one or more) and `*` (zero or more), as a path length.
    mutating func parsePathQuantifierIfPresent() throws -> PathLength? {
        let start = current.start
        if current.isSymbol("+"), peek().isSymbol("(") || peek().isSymbol("-") || peek().isSymbol("<") {
            advance()
            return PathLength(minimum: 1, maximum: nil, range: range(from: start))
        }
        if current.isSymbol("*"), peek().isSymbol("(") || peek().isSymbol("-") || peek().isSymbol("<") {
            advance()
            return PathLength(minimum: 0, maximum: nil, range: range(from: start))
        }
        guard current.isSymbol("{"), peek().kind == .integer || peek().isSymbol(",") else { return nil }
        advance()
        var minimum: Int64? = current.kind == .integer ? try parseBound() : nil
        var maximum = minimum
        if acceptSymbol(",") {
            maximum = current.kind == .integer ? try parseBound() : nil
            minimum = minimum ?? 0
        }
        try expectSymbol("}")
        if let minimum, let maximum, minimum > maximum {
            throw error("InvalidRelationshipPattern", "a quantifier's lower bound \(minimum) is above its upper bound \(maximum)",
                        at: start)
        }
        return PathLength(minimum: minimum, maximum: maximum, range: range(from: start))
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

extension RelationshipPattern {
    /// A variable-length relationship's inline `WHERE` made a test of every relationship in its list:
    /// `-[r WHERE p(r)]->{1,3}` filters as `all(r IN r WHERE p(r))`. Fixed-length ones are unchanged.
    var predicateOnEveryHop: RelationshipPattern {
        guard length != nil, let predicate, let variable else { return self }
        var copy = self
        let list = Expression(.variable(variable.name), range: variable.range)
        let each = Quantifier(kind: .all, variable: variable, source: list, predicate: predicate)
        copy.predicate = Expression(.quantifier(each), range: predicate.range)
        return copy
    }
}
