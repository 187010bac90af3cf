import QuiverCore

// Quantified path patterns `((a)-[r]->(b) WHERE …){m,n}`: their variables are singletons inside
// and group variables (lists) after; what is written inside may only read those singletons and
// variables bound by earlier clauses, not other variables of the same graph pattern (Neo4j 42I21).
extension Analyzer {
    /// Declares the group variables of every quantified path pattern of `parts`, before anything
    /// else of the pattern is bound, so a later singleton use of one is a type conflict.
    mutating func declareGroupVariables(_ parts: [PatternPart], mode: PatternMode) throws {
        for part in parts {
            for step in part.element.steps {
                guard let quantified = step.quantified else { continue }
                if mode != .match {
                    throw fail("InvalidClauseComposition", "quantified path patterns are only allowed in MATCH",
                               at: quantified.range)
                }
                try declareGroupVariables(of: quantified)
            }
        }
    }

    /// Binds the variables of one quantified path pattern as lists; each must be new.
    mutating func declareGroupVariables(of quantified: QuantifiedPath) throws {
        var seen: Set<String> = []
        for variable in quantified.declared {
            if env[variable.name] != nil {
                throw fail("VariableAlreadyBound", "variable `\(variable.name)` is already defined; the variables of "
                           + "a quantified path pattern are new group variables, so rename it", at: variable.range)
            }
            if !seen.insert(variable.name).inserted {
                throw fail("UnsupportedFeature", "variable `\(variable.name)` is declared twice in one quantified path "
                           + "pattern; repeat the condition with a WHERE instead", at: variable.range)
            }
        }
        for (name, isNode) in quantified.variables { env.bind(name, .list(isNode ? .node : .relationship)) }
    }

    /// Checks what is written inside each quantified path pattern of `parts` (property maps, label
    /// expressions, inline and inner WHERE) with its variables as singletons. `patternNames` are the
    /// variables this graph pattern introduces; reading one from inside is an error.
    mutating func checkQuantifiedConditions(_ parts: [PatternPart], patternNames: Set<String>) throws {
        for part in parts {
            for step in part.element.steps {
                guard let quantified = step.quantified else { continue }
                try checkQuantifiedConditions(quantified, patternNames: patternNames)
            }
        }
    }

    mutating func checkQuantifiedConditions(_ quantified: QuantifiedPath, patternNames: Set<String>) throws {
        let own = Set(quantified.variables.map(\.name))
        let outside = patternNames.subtracting(own)
        for expression in quantified.conditions {
            if let variable = expression.firstVariable(in: outside) {
                throw fail("InvalidReference", "variable `\(variable.name)` belongs to the same graph pattern and cannot "
                           + "be read inside a quantified path pattern; move the condition to the WHERE after the "
                           + "pattern", at: variable.range, category: .semanticError)
            }
        }
        for (name, isNode) in quantified.variables { env.bind(name, isNode ? .node : .relationship) }
        for node in quantified.pattern.nodes { if let properties = node.properties { _ = try check(properties, Context()) } }
        for rel in quantified.pattern.relationships {
            if let properties = rel.properties { _ = try check(properties, Context()) }
        }
        for condition in quantified.predicates { try checkPredicate(condition) }
        for (name, isNode) in quantified.variables { env.bind(name, .list(isNode ? .node : .relationship)) }
    }

    /// The variables a graph pattern introduces: its new singletons, group variables and path names.
    func introducedNames(_ parts: [PatternPart]) -> Set<String> {
        var names: Set<String> = []
        for part in parts {
            for node in part.element.nodes { if let name = node.variable?.name, env[name] == nil { names.insert(name) } }
            for rel in part.element.relationships {
                if let name = rel.variable?.name, env[name] == nil { names.insert(name) }
            }
            for step in part.element.steps { names.formUnion(step.quantified?.variables.map(\.name) ?? []) }
            if let name = part.variable?.name { names.insert(name) }
        }
        return names
    }
}

extension QuantifiedPath {
    /// Every variable written in the repeated path, with repeats, in written order.
    var declared: [Variable] {
        var out: [Variable] = []
        if let v = pattern.start.variable { out.append(v) }
        for step in pattern.steps {
            if let v = step.relationship.variable { out.append(v) }
            if let v = step.node.variable { out.append(v) }
        }
        return out
    }

    /// The boolean conditions written inside: label expressions and inline WHERE of its nodes and
    /// relationships, and the WHERE before the closing parenthesis.
    var predicates: [Expression] {
        pattern.nodes.compactMap(\.predicate) + pattern.relationships.compactMap(\.predicate) + [predicate].compactMap { $0 }
    }

    /// Every expression written inside: the predicates and the property maps.
    var conditions: [Expression] {
        predicates + pattern.nodes.compactMap(\.properties) + pattern.relationships.compactMap(\.properties)
    }
}

extension PathPattern {
    /// The group variables of the path's quantified path patterns, in written order.
    ///
    /// ```swift
    /// let query = try CypherParser.parse("MATCH (x) ((a)-[r]->(b)){1,3} (y) RETURN a")
    /// // the MATCH's path: groupVariableNames == ["a", "r", "b"]
    /// ```
    public var groupVariableNames: [String] { steps.flatMap { $0.quantified?.variables.map(\.name) ?? [] } }
}

extension Expression {
    /// The first variable occurrence, in a walk of the expression, whose name is in `names`.
    func firstVariable(in names: Set<String>) -> Variable? {
        guard !names.isEmpty else { return nil }
        var pending = [self]
        while let next = pending.popLast() {
            if case .variable(let name) = next.kind, names.contains(name) { return Variable(name: name, range: next.range) }
            pending.append(contentsOf: next.children.reversed())
        }
        return nil
    }
}
