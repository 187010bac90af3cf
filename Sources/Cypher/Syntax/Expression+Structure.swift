import QuiverCore

extension Expression {
    /// The direct sub-expressions, in source order (patterns and subqueries are not entered).
    ///
    /// ```swift
    /// try CypherParser.parseExpression("a + f(b)").subexpressions.count   // 2
    /// ```
    public var subexpressions: [Expression] {
        switch kind {
        case .literal, .parameter, .variable, .countStar, .pattern, .existsSubquery, .countSubquery, .collectSubquery,
             .shortestPath:
            return []
        case .property(let subject, _), .hasLabels(let subject, _), .unary(_, let subject),
             .isNull(let subject, _), .typePredicate(let subject, _, _):
            return [subject]
        case .subscript(let subject, let index):
            return [subject, index]
        case .slice(let subject, let from, let to):
            return [subject] + [from, to].compactMap { $0 }
        case .binary(_, let lhs, let rhs):
            return [lhs, rhs]
        case .list(let elements):
            return elements
        case .map(let entries):
            return entries.map(\.value)
        case .caseExpression(let c):
            return [c.subject].compactMap { $0 } + c.alternatives.flatMap { [$0.condition, $0.result] }
                + [c.defaultValue].compactMap { $0 }
        case .functionCall(let call):
            return call.arguments
        case .listComprehension(let c):
            return [c.source] + [c.predicate, c.projection].compactMap { $0 }
        case .patternComprehension(let c):
            return [c.predicate, c.projection].compactMap { $0 }
        case .quantifier(let q):
            return [q.source] + [q.predicate].compactMap { $0 }
        case .reduce(let r):
            return [r.initial, r.source, r.expression]
        case .mapProjection(let m):
            return m.items.compactMap { if case .entry(_, let value) = $0 { value } else { nil } }
        }
    }

    /// The depth of the expression tree, counted without recursion and capped at `limit + 1`.
    public func treeDepth(limit: Int = .max) -> Int {
        var deepest = 0
        var stack: [(Expression, Int)] = [(self, 1)]
        while let (expression, level) = stack.popLast() {
            deepest = max(deepest, level)
            if deepest > limit { return deepest }
            for child in expression.subexpressions { stack.append((child, level + 1)) }
        }
        return deepest
    }

    /// A rendering of the expression's structure without positions, for comparing two expressions
    /// written in different places (e.g. an ORDER BY key against a projected item).
    public var structuralKey: String {
        switch kind {
        case .literal(let literal): return "lit(\(literal))"
        case .parameter(let name): return "$\(name)"
        case .variable(let name): return "var(\(name))"
        case .countStar: return "count(*)"
        case .property(let subject, let key): return "\(subject.structuralKey).\(key)"
        case .hasLabels(let subject, let labels): return "\(subject.structuralKey):\(labels)"
        case .unary(let op, let operand): return "\(op.rawValue)(\(operand.structuralKey))"
        case .isNull(let operand, let negated): return "isnull(\(operand.structuralKey),\(negated))"
        case .typePredicate(let operand, let type, let negated):
            return "istyped(\(operand.structuralKey),\(type),\(negated))"
        case .binary(let op, let lhs, let rhs): return "(\(lhs.structuralKey) \(op.rawValue) \(rhs.structuralKey))"
        case .functionCall(let call):
            return "\(call.lookupName)(\(call.distinct ? "DISTINCT " : "")"
                + call.arguments.map(\.structuralKey).joined(separator: ",") + ")"
        case .subscript, .slice, .list, .map, .caseExpression, .listComprehension, .patternComprehension,
             .quantifier, .reduce, .mapProjection, .pattern, .existsSubquery, .countSubquery, .collectSubquery,
             .shortestPath:
            // Positions are the only difference left to drop; the case name and children suffice.
            let name = "\(kind)".prefix { $0 != "(" }
            return "\(name)[" + subexpressions.map(\.structuralKey).joined(separator: ",") + "]"
        }
    }
}
