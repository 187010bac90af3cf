import QuiverCore

// Binding the variables of MATCH, CREATE and MERGE patterns, with openCypher's rules on reuse.
extension Analyzer {
    enum PatternMode { case match, create, merge }

    mutating func bindPattern(_ pattern: Pattern, mode: PatternMode) throws {
        var boundHere: Set<String> = []
        var relationshipsHere: Set<String> = []
        let introduced = introducedNames(pattern.parts)
        try declareGroupVariables(pattern.parts, mode: mode)
        for part in pattern.parts {
            let single = part.element.steps.isEmpty
            try bindNode(part.element.start, mode: mode, single: single, boundHere: &boundHere)
            for step in part.element.steps {
                try bindRelationship(step.relationship, mode: mode, boundHere: &boundHere,
                                     relationshipsHere: &relationshipsHere)
                try bindNode(step.node, mode: mode, single: false, boundHere: &boundHere)
            }
            if let variable = part.variable {
                if env[variable.name] != nil {
                    throw fail("VariableAlreadyBound", "variable `\(variable.name)` is already defined", at: variable.range)
                }
                env.bind(variable.name, .path)
                boundHere.insert(variable.name)
            }
        }
        for part in pattern.parts {
            for node in part.element.nodes {
                try checkProperties(node.properties, mode: mode)
                guard let condition = node.predicate else { continue }
                if mode != .match {
                    throw fail("InvalidClauseComposition",
                               "label expressions (|, &, !) and WHERE inside a node pattern are only allowed in MATCH",
                               at: node.range)
                }
                try checkPredicate(condition)
            }
            for relationship in part.element.relationships {
                try checkProperties(relationship.properties, mode: mode)
                guard let condition = relationship.predicate else { continue }
                if mode != .match {
                    throw fail("InvalidClauseComposition", "WHERE inside a relationship pattern is only allowed in MATCH",
                               at: relationship.range)
                }
                try checkPredicate(condition)
            }
        }
        try checkQuantifiedConditions(pattern.parts, patternNames: introduced)
    }

    private mutating func checkProperties(_ properties: Expression?, mode: PatternMode) throws {
        guard let properties else { return }
        if case .parameter = properties.kind, mode != .create {
            throw fail("InvalidParameterUse", "a parameter cannot be used as a property map in MATCH or MERGE",
                       at: properties.range)
        }
        _ = try check(properties, Context())
    }

    private mutating func bindNode(_ node: NodePattern, mode: PatternMode, single: Bool,
                                   boundHere: inout Set<String>) throws {
        guard let variable = node.variable else { return }
        let name = variable.name
        guard let existing = env[name] else {
            env.bind(name, .node)
            boundHere.insert(name)
            return
        }
        guard existing == .node || existing == .any || existing == .null else {
            throw fail("VariableTypeConflict", "variable `\(name)` is a \(existing.name), not a node", at: variable.range)
        }
        if mode != .match {
            let outer = !boundHere.contains(name)
            let redefines = !node.labels.isEmpty || node.properties != nil
            if redefines || (outer && single) {
                throw fail("VariableAlreadyBound",
                           "variable `\(name)` is already defined; \(mode == .create ? "CREATE" : "MERGE") cannot redeclare it",
                           at: variable.range)
            }
        }
    }

    private mutating func bindRelationship(
        _ relationship: RelationshipPattern, mode: PatternMode, boundHere: inout Set<String>,
        relationshipsHere: inout Set<String>
    ) throws {
        if mode != .match, let variable = relationship.variable, env[variable.name] != nil {
            throw fail("VariableAlreadyBound", "variable `\(variable.name)` is already defined", at: variable.range)
        }
        if mode != .match {
            let clause = mode == .create ? "CREATE" : "MERGE"
            if relationship.types.count != 1 {
                throw fail("NoSingleRelationshipType", "\(clause) needs exactly one relationship type",
                           at: relationship.range)
            }
            if relationship.length != nil {
                throw fail("CreatingVarLength", "\(clause) cannot use a variable-length relationship",
                           at: relationship.range)
            }
            if mode == .create, relationship.direction == .both {
                throw fail("RequiresDirectedRelationship", "CREATE needs a directed relationship (-> or <-)",
                           at: relationship.range)
            }
        }
        guard let variable = relationship.variable else { return }
        let name = variable.name
        let type: StaticType = relationship.length == nil ? .relationship : .list(.relationship)
        guard let existing = env[name] else {
            env.bind(name, type)
            boundHere.insert(name)
            relationshipsHere.insert(name)
            return
        }
        if mode != .match {
            throw fail("VariableAlreadyBound", "variable `\(name)` is already defined", at: variable.range)
        }
        if relationshipsHere.contains(name) {
            throw fail("RelationshipUniquenessViolation",
                       "relationship `\(name)` cannot be used twice in one pattern", at: variable.range)
        }
        switch existing {
        case .relationship, .any, .null:
            relationshipsHere.insert(name)
        case .list(.relationship) where relationship.length != nil, .list(.any) where relationship.length != nil:
            relationshipsHere.insert(name)
        default:
            throw fail("VariableTypeConflict", "variable `\(name)` is a \(existing.name), not a relationship",
                       at: variable.range)
        }
    }

    /// A pattern used as an expression: it may not introduce variables.
    mutating func checkPatternExpression(_ path: PathPattern) throws {
        for quantified in path.steps.compactMap(\.quantified) {
            if let named = quantified.declared.first(where: { !$0.name.hasPrefix(" ") }) {
                throw fail("UnexpectedSyntax", "a pattern expression cannot declare variable `\(named.name)`; "
                           + "use EXISTS { MATCH … } to name what a quantified path pattern matches", at: named.range)
            }
            try withLocalScope { analyzer in
                try analyzer.declareGroupVariables(of: quantified)
                try analyzer.checkQuantifiedConditions(quantified, patternNames: [])
            }
        }
        for node in path.nodes {
            if let variable = node.variable { try requireBound(variable) }
            if let properties = node.properties { _ = try check(properties, Context()) }
        }
        for relationship in path.relationships {
            if let variable = relationship.variable { try requireBound(variable) }
            if let properties = relationship.properties { _ = try check(properties, Context()) }
        }
    }

    /// Binds a pattern's new variables into the current environment, for comprehensions and EXISTS.
    mutating func bindLocalPattern(_ path: PathPattern) throws {
        let introduced = introducedNames([PatternPart(variable: nil, element: path, range: path.range)])
        for quantified in path.steps.compactMap(\.quantified) { try declareGroupVariables(of: quantified) }
        for node in path.nodes {
            if let variable = node.variable, env[variable.name] == nil { env.bind(variable.name, .node) }
        }
        for relationship in path.relationships {
            if let variable = relationship.variable, env[variable.name] == nil {
                env.bind(variable.name, relationship.length == nil ? .relationship : .list(.relationship))
            }
        }
        for node in path.nodes { if let p = node.properties { _ = try check(p, Context()) } }
        for node in path.nodes { if let condition = node.predicate { try checkPredicate(condition) } }
        for relationship in path.relationships { if let p = relationship.properties { _ = try check(p, Context()) } }
        for relationship in path.relationships { if let condition = relationship.predicate { try checkPredicate(condition) } }
        for quantified in path.steps.compactMap(\.quantified) {
            try checkQuantifiedConditions(quantified, patternNames: introduced)
        }
    }
}
