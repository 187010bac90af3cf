/// Names a subquery mentions, so a predicate holding a subquery waits for every outer variable
/// the subquery might read (the planner places predicates by the names they need).
extension Query {
    /// Every variable name written anywhere in the query (expressions, patterns, aliases).
    var mentionedNames: Set<String> {
        var names: Set<String> = []
        for part in parts {
            for clause in part.clauses { clause.collectNames(into: &names) }
        }
        return names
    }
}

extension Clause {
    func collectNames(into names: inout Set<String>) {
        var expressions: [Expression] = []
        switch self {
        case .match(let m):
            for part in m.pattern.parts { part.collectNames(into: &names) }
            expressions = [m.predicate].compactMap { $0 }
        case .unwind(let u):
            expressions = [u.expression]
        case .with(let w):
            expressions = w.projection.expressions + [w.predicate].compactMap { $0 }
        case .return(let r):
            expressions = r.projection.expressions
        case .create(let c):
            for part in c.pattern.parts { part.collectNames(into: &names) }
        case .merge(let m):
            m.part.collectNames(into: &names)
            for action in m.actions { expressions += action.items.flatMap(\.expressions) }
        case .set(let s):
            expressions = s.items.flatMap(\.expressions)
        case .remove(let r):
            for item in r.items {
                switch item.kind {
                case .property(let target, _): expressions.append(target)
                case .labels(let variable, _): names.insert(variable.name)
                }
            }
        case .delete(let d):
            expressions = d.expressions
        case .call(let c):
            expressions = (c.arguments ?? []) + [c.yield?.predicate].compactMap { $0 }
        case .loadCSV(let l):
            expressions = [l.source]
        case .subquery(let s):
            names.formUnion(s.query.mentionedNames)
            if case .variables(let variables) = s.imports { names.formUnion(variables.map(\.name)) }
        }
        for expression in expressions { names.formUnion(expression.referencedNames) }
    }
}

extension PatternPart {
    func collectNames(into names: inout Set<String>) {
        if let variable { names.insert(variable.name) }
        element.collectVariables(into: &names)
        for expression in element.expressions { names.formUnion(expression.referencedNames) }
    }
}

extension Projection {
    var expressions: [Expression] {
        items.map(\.expression) + orderBy.map(\.expression) + [skip, limit].compactMap { $0 }
    }
}

extension SetItem {
    var expressions: [Expression] {
        switch kind {
        case .property(let target, _, let value): [target, value]
        case .replaceProperties(let variable, let value), .mergeProperties(let variable, let value):
            [Expression(.variable(variable.name), range: variable.range), value]
        case .labels(let variable, _): [Expression(.variable(variable.name), range: variable.range)]
        }
    }
}
