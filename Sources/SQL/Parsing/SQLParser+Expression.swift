import QuiverCore

extension SQLParser {
    /// An expression at the loosest binding (OR), one level deeper than its context.
    mutating func parseExpression() throws(QueryError) -> Expression {
        try descend("expression")
        defer { depth -= 1 }
        return try parseOr()
    }

    mutating func parseExpressionList() throws(QueryError) -> [Expression] {
        var list: [Expression] = []
        repeat { list.append(try parseExpression()) } while acceptSymbol(",")
        return list
    }

    mutating func parseOr() throws(QueryError) -> Expression {
        let start = current.start
        var left = try parseAnd()
        var levels = 0
        defer { depth -= levels }
        while accept("or") {
            try descend("chain of OR")
            levels += 1
            left = Expression(.binary(.or, left, try parseAnd()), span: span(from: start))
        }
        return left
    }

    mutating func parseAnd() throws(QueryError) -> Expression {
        let start = current.start
        var left = try parseNot()
        var levels = 0
        defer { depth -= levels }
        while accept("and") {
            try descend("chain of AND")
            levels += 1
            left = Expression(.binary(.and, left, try parseNot()), span: span(from: start))
        }
        return left
    }

    mutating func parseNot() throws(QueryError) -> Expression {
        let start = current.start
        if current.isWord("not"), peek().isWord("exists") {
            index += 1
            try descend("NOT")
            defer { depth -= 1 }
            let primary = try parsePostfix()
            if case .exists(let query, _) = primary.kind {
                return Expression(.exists(query, negated: true), span: span(from: start))
            }
            return Expression(.unary(.not, primary), span: span(from: start))
        }
        if accept("not") {
            try descend("NOT")
            defer { depth -= 1 }
            return Expression(.unary(.not, try parseNot()), span: span(from: start))
        }
        return try parseEquality()
    }

    /// SQLite's equality level: `=`, `!=`, IS, IN, LIKE/GLOB/REGEXP/MATCH, BETWEEN, ISNULL/NOTNULL.
    mutating func parseEquality() throws(QueryError) -> Expression {
        let start = current.start
        var left = try parseComparison()
        var levels = 0
        defer { depth -= levels }
        while startsPredicate {
            // Each predicate wraps the one before it: `a = b = c IS NULL` is a tree three deep.
            try descend("chain of comparisons")
            levels += 1
            let kind: Expression.Kind
            if current.isSymbol("=") || current.isSymbol("==") {
                index += 1
                kind = .binary(.equal, left, try parseComparison())
            } else if current.isSymbol("!=") || current.isSymbol("<>") {
                index += 1
                kind = .binary(.notEqual, left, try parseComparison())
            } else if accept("is") {
                let negated = accept("not")
                if accept("distinct") {
                    try expect("from")
                    kind = .isComparison(left, try parseComparison(), negated: negated, distinctFrom: true)
                } else if accept("null") {
                    kind = .isNull(left, negated: negated)
                } else {
                    kind = .isComparison(left, try parseComparison(), negated: negated, distinctFrom: false)
                }
            } else if accept("isnull") {
                kind = .isNull(left, negated: false)
            } else if accept("notnull") {
                kind = .isNull(left, negated: true)
            } else if current.isWord("not"), peek().isWord("null") {
                index += 2
                kind = .isNull(left, negated: true)
            } else if let negatedKind = try parseNegatablePredicate(left) {
                kind = negatedKind
            } else {
                return left
            }
            left = Expression(kind, span: span(from: start))
        }
        return left
    }

    /// Whether the current token starts a predicate of the equality level.
    var startsPredicate: Bool {
        func isPatternOperator(_ token: SQLToken) -> Bool {
            PatternOperator.allCases.contains { token.isWord($0.rawValue.lowercased()) }
        }
        if current.isWord("not") {
            let next = peek()
            return ["null", "in", "between"].contains { next.isWord($0) } || isPatternOperator(next)
        }
        return ["=", "==", "!=", "<>"].contains { current.isSymbol($0) }
            || ["is", "isnull", "notnull", "in", "between"].contains { current.isWord($0) } || isPatternOperator(current)
    }

    /// `[NOT] IN`, `[NOT] BETWEEN`, `[NOT] LIKE|GLOB|REGEXP|MATCH`; nil when none is next.
    mutating func parseNegatablePredicate(_ left: Expression) throws(QueryError) -> Expression.Kind? {
        let save = index
        let negated = accept("not")
        if accept("in") {
            try expectSymbol("(")
            if current.isWord("select") || current.isWord("with") || current.isWord("values") {
                let query = try parseSelectStatement()
                try expectSymbol(")")
                return .inSubquery(left, query, negated: negated)
            }
            let items = current.isSymbol(")") ? [] : try parseExpressionList()
            try expectSymbol(")")
            return .inList(left, items, negated: negated)
        }
        if accept("between") {
            let low = try parseComparison()
            try expect("and")
            let high = try parseComparison()
            return .between(left, low: low, high: high, negated: negated)
        }
        for op in PatternOperator.allCases where accept(op.rawValue.lowercased()) {
            let pattern = try parseComparison()
            var escape: Expression?
            if accept("escape") { escape = try parseComparison() }
            return .pattern(op, left, pattern, escape: escape, negated: negated)
        }
        index = save
        return nil
    }

    mutating func parseComparison() throws(QueryError) -> Expression {
        try parseBinaryLevel([("<", .lessThan), ("<=", .lessThanOrEqual), (">", .greaterThan),
                              (">=", .greaterThanOrEqual)]) { (parser: inout SQLParser) throws(QueryError) in
            try parser.parseBitwise()
        }
    }

    mutating func parseBitwise() throws(QueryError) -> Expression {
        try parseBinaryLevel([("&", .bitwiseAnd), ("|", .bitwiseOr), ("<<", .shiftLeft), (">>", .shiftRight)]) {
            (parser: inout SQLParser) throws(QueryError) in try parser.parseAdditive()
        }
    }

    mutating func parseAdditive() throws(QueryError) -> Expression {
        try parseBinaryLevel([("+", .add), ("-", .subtract)]) { (parser: inout SQLParser) throws(QueryError) in
            try parser.parseMultiplicative()
        }
    }

    mutating func parseMultiplicative() throws(QueryError) -> Expression {
        try parseBinaryLevel([("*", .multiply), ("/", .divide), ("%", .modulo)]) {
            (parser: inout SQLParser) throws(QueryError) in try parser.parseConcatenation()
        }
    }

    mutating func parseConcatenation() throws(QueryError) -> Expression {
        try parseBinaryLevel([("||", .concatenate), ("->", .extract), ("->>", .extractText)]) {
            (parser: inout SQLParser) throws(QueryError) in try parser.parseUnary()
        }
    }

    /// One left-associative level of binary operators.
    mutating func parseBinaryLevel(
        _ operators: [(String, BinaryOperator)],
        next: (inout SQLParser) throws(QueryError) -> Expression
    ) throws(QueryError) -> Expression {
        let start = current.start
        var left = try next(&self)
        var levels = 0
        defer { depth -= levels }
        outer: while current.kind == .symbol {
            for (symbol, op) in operators where current.text == symbol {
                // `1 + 1 + … + 1` is a tree as deep as it is long.
                try descend("operator chain")
                levels += 1
                index += 1
                left = Expression(.binary(op, left, try next(&self)), span: span(from: start))
                continue outer
            }
            break
        }
        return left
    }

    mutating func parseUnary() throws(QueryError) -> Expression {
        let start = current.start
        for op in [UnaryOperator.negate, .plus, .bitwiseNot] where current.isSymbol(op.rawValue) {
            try descend("prefix operator")
            defer { depth -= 1 }
            index += 1
            return Expression(.unary(op, try parseUnary()), span: span(from: start))
        }
        return try parsePostfix()
    }

    /// A primary followed by `COLLATE name` or PostgreSQL's `::type`.
    mutating func parsePostfix() throws(QueryError) -> Expression {
        let start = current.start
        var expression = try parsePrimary()
        var levels = 0
        defer { depth -= levels }
        while true {
            if current.isWord("collate") || current.isSymbol("::") {
                try descend("chain of COLLATE and ::")
                levels += 1
            }
            if accept("collate") {
                let name = try parseIdentifier(allowReserved: true)
                expression = Expression(.collate(expression, collation: name.name), span: span(from: start))
            } else if acceptSymbol("::") {
                expression = Expression(.cast(expression, type: try parseTypeName()), span: span(from: start))
            } else {
                return expression
            }
        }
    }

    /// A type name as written: words, then an optional `(n[, m])`.
    mutating func parseTypeName() throws(QueryError) -> String {
        var words: [String] = []
        while current.kind == .word || isQuotedIdentifier(current) {
            words.append(advance().text)
        }
        guard !words.isEmpty else { throw unexpected("a type name") }
        var text = words.joined(separator: " ")
        if acceptSymbol("(") {
            var sizes: [String] = []
            repeat {
                let sign = acceptSymbol("-") ? "-" : (acceptSymbol("+") ? "+" : "")
                guard current.kind == .integer || current.kind == .real else { throw unexpected("a type size") }
                sizes.append(sign + advance().text)
            } while acceptSymbol(",")
            try expectSymbol(")")
            text += "(" + sizes.joined(separator: ", ") + ")"
        }
        return text
    }
}
