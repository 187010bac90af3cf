import QuiverCore

// Neo4j 5 label expressions in node patterns: `:A|B`, `:A&B`, `:!A`, `:%`, parentheses.
extension CypherParser {
    /// `A | B`, lowest precedence of a label expression.
    mutating func parseLabelOr() throws -> LabelExpression {
        var terms = [try parseLabelAnd()]
        while acceptSymbol("|") {
            _ = acceptSymbol(":")  // Neo4j 4 also writes `:A|:B`
            terms.append(try parseLabelAnd())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    private mutating func parseLabelAnd() throws -> LabelExpression {
        var factors = [try parseLabelFactor()]
        while acceptSymbol("&") { factors.append(try parseLabelFactor()) }
        return factors.count == 1 ? factors[0] : .and(factors)
    }

    private mutating func parseLabelFactor() throws -> LabelExpression {
        try descend()
        defer { depth -= 1 }
        if acceptSymbol("!") { return .not(try parseLabelFactor()) }
        if acceptSymbol("%") { return .any }
        if acceptSymbol("(") {
            let inner = try parseLabelOr()
            try expectSymbol(")")
            return inner
        }
        let token = current
        return .label(try parseName("a label name"), token.range)
    }
}

/// A Neo4j 5 label expression (`A|B`, `A&B`, `!A`, `%`, parentheses), read while parsing a node
/// pattern and turned into labels (a plain conjunction) or a predicate.
indirect enum LabelExpression {
    case label(String, SourceRange)
    case and([LabelExpression])
    case or([LabelExpression])
    case not(LabelExpression)
    case any

    /// The label names when the expression only requires all of them.
    var conjunction: [String]? {
        switch self {
        case .label(let name, _): return [name]
        case .and(let parts):
            var names: [String] = []
            for part in parts {
                guard let inner = part.conjunction else { return nil }
                names += inner
            }
            return names
        default: return nil
        }
    }

    /// The predicate `subject` satisfies exactly when its labels match.
    func predicate(on subject: Variable) -> Expression {
        let node = Expression(.variable(subject.name), range: subject.range)
        switch self {
        case .label(let name, let range):
            return Expression(.hasLabels(node, labels: [name]), range: range)
        case .and(let parts), .or(let parts):
            let op: BinaryOperator = if case .and = self { .and } else { .or }
            let predicates = parts.map { $0.predicate(on: subject) }
            return predicates.dropFirst().reduce(predicates[0]) { Expression(.binary(op, $0, $1), range: $1.range) }
        case .not(let inner):
            let predicate = inner.predicate(on: subject)
            return Expression(.unary(.not, predicate), range: predicate.range)
        case .any:
            let labels = FunctionCall(namespace: [], name: "labels", distinct: false, arguments: [node])
            let count = FunctionCall(namespace: [], name: "size", distinct: false,
                                     arguments: [Expression(.functionCall(labels), range: subject.range)])
            return Expression(.binary(.greater, Expression(.functionCall(count), range: subject.range),
                                      Expression(.literal(.integer(0)), range: subject.range)), range: subject.range)
        }
    }
}
