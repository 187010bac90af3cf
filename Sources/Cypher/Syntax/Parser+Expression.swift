import QuiverCore

// Operator expressions, by precedence climbing from OR (loosest) down to postfix access.
extension CypherParser {
    mutating func parseExpression() throws -> Expression {
        try descend()
        // Patterns inside expressions (predicates, comprehensions) are matched, even within CREATE.
        let matching = matchingPattern
        matchingPattern = true
        defer {
            depth -= 1
            matchingPattern = matching
        }
        return try parseOr()
    }

    // Each link of an operator chain makes the tree one level deeper (`1 + 1 + 1` is `(1 + 1) + 1`),
    // so every chain below counts its links into `depth` while it parses, and the tree never grows
    // past the limit — not even while being built.

    private mutating func parseBinaryLevel(
        _ operators: [(keyword: String, op: BinaryOperator)], next: (inout CypherParser) throws -> Expression
    ) throws -> Expression {
        var lhs = try next(&self)
        var links = 0
        defer { depth -= links }
        loop: while true {
            for (keyword, op) in operators where current.isKeyword(keyword) {
                try descend()
                links += 1
                advance()
                let rhs = try next(&self)
                lhs = Expression(.binary(op, lhs, rhs), range: SourceRange(start: lhs.range.start, end: lastEnd))
                continue loop
            }
            return lhs
        }
    }

    private mutating func parseOr() throws -> Expression {
        try parseBinaryLevel([("OR", .or)]) { try $0.parseXor() }
    }

    private mutating func parseXor() throws -> Expression {
        try parseBinaryLevel([("XOR", .xor)]) { try $0.parseAnd() }
    }

    private mutating func parseAnd() throws -> Expression {
        try parseBinaryLevel([("AND", .and)]) { try $0.parseNot() }
    }

    private mutating func parseNot() throws -> Expression {
        let start = current.start
        if acceptKeyword("NOT") {
            try descend()
            defer { depth -= 1 }
            let operand = try parseNot()
            return Expression(.unary(.not, operand), range: range(from: start))
        }
        return try parseComparison()
    }

    private var comparisonOperator: BinaryOperator? {
        guard current.kind == .symbol else { return nil }
        switch current.text {
        case "=": return .equal
        case "<>", "!=": return .notEqual
        case "<": return .less
        case "<=": return .lessOrEqual
        case ">": return .greater
        case ">=": return .greaterOrEqual
        default: return nil
        }
    }

    /// `a < b < c` means `a < b AND b < c`, so a chain becomes a conjunction of pairs.
    private mutating func parseComparison() throws -> Expression {
        var operands = [try parsePredicate()]
        var operators: [BinaryOperator] = []
        var links = 0
        defer { depth -= links }
        while let op = comparisonOperator {
            try descend()
            links += 1
            advance()
            operators.append(op)
            operands.append(try parsePredicate())
        }
        guard !operators.isEmpty else { return operands[0] }
        var result: Expression?
        for (index, op) in operators.enumerated() {
            let lhs = operands[index], rhs = operands[index + 1]
            let pair = Expression(.binary(op, lhs, rhs), range: SourceRange(start: lhs.range.start, end: rhs.range.end))
            if let previous = result {
                result = Expression(.binary(.and, previous, pair),
                                    range: SourceRange(start: previous.range.start, end: rhs.range.end))
            } else {
                result = pair
            }
        }
        return result ?? operands[0]
    }

    /// `STARTS WITH`, `ENDS WITH`, `CONTAINS`, `IN`, `=~`, `IS [NOT] NULL`, the type predicates
    /// `IS [NOT] :: T`, `IS [NOT] TYPED T` and `:: T`, left to right.
    private mutating func parsePredicate() throws -> Expression {
        var lhs = try parseAdditive()
        var links = 0
        defer { depth -= links }
        while true {
            try descend()
            links += 1
            let start = lhs.range.start
            let op: BinaryOperator
            if current.isKeyword("STARTS"), peek().isKeyword("WITH") {
                advance(); advance()
                op = .startsWith
            } else if current.isKeyword("ENDS"), peek().isKeyword("WITH") {
                advance(); advance()
                op = .endsWith
            } else if current.isKeyword("CONTAINS") {
                advance()
                op = .contains
            } else if current.isKeyword("IN") {
                advance()
                op = .in
            } else if current.isSymbol("=~") {
                advance()
                op = .regexMatch
            } else if current.isKeyword("IS") {
                advance()
                let negated = acceptKeyword("NOT")
                if acceptKeyword("TYPED") || atDoubleColon && acceptSymbol(":") && acceptSymbol(":") {
                    let type = try parseValueType()
                    lhs = Expression(.typePredicate(lhs, type, negated: negated), range: range(from: start))
                    continue
                }
                guard acceptKeyword("NULL") else { throw unexpected("NULL, :: or TYPED after IS") }
                lhs = Expression(.isNull(lhs, negated: negated), range: range(from: start))
                continue
            } else if atDoubleColon {
                advance(); advance()
                let type = try parseValueType()
                lhs = Expression(.typePredicate(lhs, type, negated: false), range: range(from: start))
                continue
            } else {
                return lhs
            }
            let rhs = try parseAdditive()
            lhs = Expression(.binary(op, lhs, rhs), range: range(from: start))
        }
    }

    private mutating func parseSymbolLevel(
        _ operators: [String: BinaryOperator], next: (inout CypherParser) throws -> Expression
    ) throws -> Expression {
        var lhs = try next(&self)
        var links = 0
        defer { depth -= links }
        while current.kind == .symbol, let op = operators[current.text] {
            try descend()
            links += 1
            advance()
            let rhs = try next(&self)
            lhs = Expression(.binary(op, lhs, rhs), range: SourceRange(start: lhs.range.start, end: lastEnd))
        }
        return lhs
    }

    private mutating func parseAdditive() throws -> Expression {
        // `||` is Neo4j 5's string and list concatenation, which `+` also is.
        try parseSymbolLevel(["+": .add, "-": .subtract, "||": .add]) { try $0.parseMultiplicative() }
    }

    private mutating func parseMultiplicative() throws -> Expression {
        try parseSymbolLevel(["*": .multiply, "/": .divide, "%": .modulo]) { try $0.parsePower() }
    }

    /// `^` is left-associative in openCypher: `2 ^ 3 ^ 2` is `(2 ^ 3) ^ 2`.
    private mutating func parsePower() throws -> Expression {
        try parseSymbolLevel(["^": .power]) { try $0.parseUnary() }
    }

    private mutating func parseUnary() throws -> Expression {
        let start = current.start
        if current.isSymbol("-") || current.isSymbol("+") {
            let minus = current.isSymbol("-")
            advance()
            // Fold `-<number>` so that -9223372036854775808 is a valid literal.
            if minus, current.kind == .integer || current.kind == .float {
                let token = current
                advance()
                let literal = try numberLiteral(token, negated: true)
                return try parsePostfix(Expression(.literal(literal), range: range(from: start)))
            }
            try descend()
            defer { depth -= 1 }
            let operand = try parseUnary()
            return Expression(.unary(minus ? .minus : .plus, operand), range: range(from: start))
        }
        return try parsePostfixExpression()
    }

    /// An atom followed by `.key`, `[index]`, `[from..to]` and `:Label` suffixes.
    mutating func parsePostfixExpression() throws -> Expression {
        try parsePostfix(try parseAtom())
    }

    private mutating func parsePostfix(_ atom: Expression) throws -> Expression {
        var expression = atom
        let start = atom.range.start
        var links = 0
        defer { depth -= links }
        while true {
            try descend()
            links += 1
            if current.isSymbol("."), peek().kind == .identifier || peek().kind == .quotedIdentifier {
                advance()
                let key = try parseName("a property name")
                expression = Expression(.property(expression, key: key), range: range(from: start))
            } else if current.isSymbol("[") {
                advance()
                if acceptSymbol("..") {
                    let upper = current.isSymbol("]") ? nil : try parseExpression()
                    try expectSymbol("]")
                    expression = Expression(.slice(expression, from: nil, to: upper), range: range(from: start))
                    continue
                }
                let index = try parseExpression()
                if acceptSymbol("..") {
                    let upper = current.isSymbol("]") ? nil : try parseExpression()
                    try expectSymbol("]")
                    expression = Expression(.slice(expression, from: index, to: upper), range: range(from: start))
                } else {
                    try expectSymbol("]")
                    expression = Expression(.subscript(expression, index: index), range: range(from: start))
                }
            } else if current.isSymbol(":"), peek().kind == .identifier || peek().kind == .quotedIdentifier {
                var labels: [String] = []
                while acceptSymbol(":") { labels.append(try parseName("a label name")) }
                expression = Expression(.hasLabels(expression, labels: labels), range: range(from: start))
            } else {
                return expression
            }
        }
    }

    // MARK: Number literals

    func numberLiteral(_ token: Token, negated: Bool) throws -> Literal {
        if token.kind == .integer { return .integer(try integerValue(of: token, negated: negated)) }
        guard let value = Double(token.text) else {
            throw error("InvalidNumberLiteral", "invalid number literal '\(token.text)'", at: token.start)
        }
        guard value.isFinite else {
            throw error("FloatingPointOverflow", "float literal '\(token.text)' is out of range", at: token.start)
        }
        return .float(negated ? -value : value)
    }

    func integerValue(of token: Token, negated: Bool) throws -> Int64 {
        let text = token.text.lowercased()
        var digits = Substring(text)
        var radix: UInt64 = 10
        if text.hasPrefix("0x") {
            radix = 16
            digits = digits.dropFirst(2)
        } else if text.hasPrefix("0o") {
            radix = 8
            digits = digits.dropFirst(2)
        }
        var magnitude: UInt64 = 0
        let limit: UInt64 = negated ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        for character in digits {
            guard let digit = character.hexDigitValue, UInt64(digit) < radix else {
                throw error("InvalidNumberLiteral", "invalid number literal '\(token.text)'", at: token.start)
            }
            let (times, overflow1) = magnitude.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2, sum <= limit else {
                throw error("IntegerOverflow", "integer literal '\(negated ? "-" : "")\(token.text)' does not fit in 64 bits",
                            at: token.start)
            }
            magnitude = sum
        }
        if negated {
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        return Int64(magnitude)
    }
}
