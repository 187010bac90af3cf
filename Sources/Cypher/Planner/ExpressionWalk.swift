import QuiverCore

extension Expression {
    /// The direct sub-expressions, for walks that look for variables or aggregates.
    var children: [Expression] {
        switch kind {
        case .literal, .parameter, .variable, .countStar: return []
        case .property(let e, _): return [e]
        case .subscript(let e, let i): return [e, i]
        case .slice(let e, let a, let b): return [e] + [a, b].compactMap { $0 }
        case .hasLabels(let e, _): return [e]
        case .unary(_, let e): return [e]
        case .binary(_, let a, let b): return [a, b]
        case .isNull(let e, _), .typePredicate(let e, _, _): return [e]
        case .list(let items): return items
        case .map(let entries): return entries.map(\.value)
        case .caseExpression(let c):
            return [c.subject].compactMap { $0 } + c.alternatives.flatMap { [$0.condition, $0.result] }
                + [c.defaultValue].compactMap { $0 }
        case .functionCall(let f): return f.arguments
        case .listComprehension(let c): return [c.source] + [c.predicate, c.projection].compactMap { $0 }
        case .patternComprehension(let c): return c.pattern.expressions + [c.predicate, c.projection].compactMap { $0 }
        case .quantifier(let q): return [q.source] + [q.predicate].compactMap { $0 }
        case .reduce(let r): return [r.initial, r.source, r.expression]
        case .pattern(let p): return p.expressions
        case .existsSubquery, .countSubquery, .collectSubquery: return []
        case .mapProjection(let m):
            return m.items.compactMap { if case .entry(_, let v) = $0 { return v } else { return nil } }
        case .shortestPath(let part): return part.element.expressions
        }
    }

    /// Every variable name this expression mentions, pattern variables included.
    var referencedNames: Set<String> {
        var names: Set<String> = []
        collectNames(into: &names)
        return names
    }

    private func collectNames(into names: inout Set<String>) {
        switch kind {
        case .variable(let name): names.insert(name)
        case .pattern(let p): p.collectVariables(into: &names)
        case .patternComprehension(let c): c.pattern.collectVariables(into: &names)
        case .shortestPath(let part): part.element.collectVariables(into: &names)
        case .mapProjection(let m):
            names.insert(m.variable.name)
            for case .variable(let v) in m.items { names.insert(v.name) }
        case .existsSubquery(let q), .countSubquery(let q), .collectSubquery(let q):
            names.formUnion(q.mentionedNames)
        default: break
        }
        for child in children { child.collectNames(into: &names) }
    }

    /// Whether an aggregating function occurs outside nested subqueries.
    var containsAggregate: Bool {
        switch kind {
        case .countStar: return true
        case .functionCall(let f) where f.namespace.isEmpty && Functions.isAggregate(f.name): return true
        default: return children.contains { $0.containsAggregate }
        }
    }
}

extension PathPattern {
    /// The property-map expressions of every element.
    var expressions: [Expression] {
        (nodes.compactMap(\.properties)) + relationships.compactMap(\.properties)
    }

    func collectVariables(into names: inout Set<String>) {
        for node in nodes { if let v = node.variable { names.insert(v.name) } }
        for rel in relationships { if let v = rel.variable { names.insert(v.name) } }
        names.formUnion(groupVariableNames)
    }
}
