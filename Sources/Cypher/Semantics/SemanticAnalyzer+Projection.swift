import QuiverCore

// WITH and RETURN: aliases, column names, aggregation rules, ORDER BY scope, SKIP and LIMIT.
extension Analyzer {
    /// Checks a projection and its `WHERE` (for WITH), replaces the environment by the projected
    /// variables, and returns the column names.
    mutating func analyzeProjection(_ projection: Projection, isWith: Bool, predicate: Expression? = nil) throws
        -> [String] {
        if projection.includesAll, env.names.isEmpty, !isWith {
            throw fail("NoVariablesInScope", "\(isWith ? "WITH" : "RETURN") * needs at least one variable in scope",
                       at: projection.range)
        }
        var itemContext = Context()
        itemContext.aggregation = .allowed
        var types: [StaticType] = []
        for item in projection.items { types.append(try check(item.expression, itemContext)) }

        var columns = projection.includesAll ? env.names.sorted() : []
        for item in projection.items {
            if columns.contains(item.columnName), !(projection.includesAll && isPlainVariable(item)) {
                throw fail("ColumnNameConflict", "multiple result columns are named `\(item.columnName)`",
                           at: item.range)
            }
            if !columns.contains(item.columnName) { columns.append(item.columnName) }
        }

        let aggregating = projection.items.contains { containsAggregate($0.expression) }
        if aggregating { try checkGroupingKeys(projection) }

        var projected = Environment()
        if projection.includesAll {
            for name in env.names { projected.bind(name, env[name] ?? .any) }
        }
        for (item, type) in zip(projection.items, types) { projected.bind(item.columnName, type) }

        try checkOrderBy(projection, projected: projected, types: types, aggregating: aggregating)
        for item in projection.items where isWith && item.alias == nil {
            guard case .variable = item.expression.kind else {
                throw fail("NoExpressionAlias", "expressions in WITH must be aliased (use AS)", at: item.range)
            }
        }
        for bound in [projection.skip, projection.limit].compactMap({ $0 }) {
            try checkSkipOrLimit(bound, keyword: bound == projection.skip ? "SKIP" : "LIMIT")
        }
        if let predicate {
            // WITH … WHERE also sees the variables bound before WITH unless it aggregates.
            var groupingKeys: [String: StaticType] = [:]
            if !aggregating {
                for name in projected.names { env.bind(name, projected[name] ?? .any) }
            } else {
                env = projected
                for (item, type) in zip(projection.items, types) where !containsAggregate(item.expression) {
                    groupingKeys[item.expression.structuralKey] = type
                }
            }
            try checkPredicate(predicate, projected: groupingKeys)
        }
        env = projected
        return columns
    }

    private func isPlainVariable(_ item: ProjectionItem) -> Bool {
        if case .variable(let name) = item.expression.kind { return name == item.columnName }
        return false
    }

    /// Whether an aggregating function occurs outside nested comprehensions' own scopes.
    func containsAggregate(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .countStar: return true
        case .functionCall(let call) where KnownFunctions.isAggregate(call): return true
        default: return expression.subexpressions.contains { containsAggregate($0) }
        }
    }

    /// In `RETURN a, a.x + count(*)` the non-aggregated parts of an aggregating item may only use
    /// variables that are themselves grouping keys; anything else is ambiguous.
    private func checkGroupingKeys(_ projection: Projection) throws {
        var groupingVariables: Set<String> = projection.includesAll ? Set(env.names) : []
        var simpleKeys: Set<String> = []
        for item in projection.items where !containsAggregate(item.expression) {
            switch item.expression.kind {
            case .variable(let name): groupingVariables.insert(name)
            case .property: simpleKeys.insert(item.expression.structuralKey)
            default: break
            }
        }
        for item in projection.items where containsAggregate(item.expression) {
            try checkNonAggregatedParts(of: item.expression) { part in
                if simpleKeys.contains(part.structuralKey) { return true }
                if case .variable(let name) = part.kind, !groupingVariables.contains(name) {
                    throw fail("AmbiguousAggregationExpression",
                               "`\(name)` is used next to an aggregation without being a grouping key", at: part.range)
                }
                return false
            }
        }
    }

    /// Calls `visit` on every sub-expression outside aggregating calls, top-down; `visit` returns
    /// `true` to stop descending into that sub-expression.
    private func checkNonAggregatedParts(of expression: Expression, _ visit: (Expression) throws -> Bool) throws {
        switch expression.kind {
        case .countStar: return
        case .functionCall(let call) where KnownFunctions.isAggregate(call): return
        case .listComprehension, .quantifier, .reduce, .patternComprehension: return
        default:
            if try visit(expression) { return }
            for child in expression.subexpressions { try checkNonAggregatedParts(of: child, visit) }
        }
    }

    private mutating func checkOrderBy(_ projection: Projection, projected: Environment, types: [StaticType],
                                       aggregating: Bool) throws {
        guard !projection.orderBy.isEmpty else { return }
        var context = Context()
        var keys: [String: StaticType] = [:]
        for (item, type) in zip(projection.items, types) { keys[item.expression.structuralKey] = type }
        context.projected = keys
        let restricted = aggregating || projection.distinct
        var sortEnv = projected
        if !restricted {
            sortEnv = env
            for name in projected.names { sortEnv.bind(name, projected[name] ?? .any) }
        }
        context.aggregation = aggregating ? .allowed : .forbidden
        var groupingKeys: Set<String> = []
        var simpleKeys: Set<String> = []
        for item in projection.items where !containsAggregate(item.expression) {
            switch item.expression.kind {
            case .variable, .property: simpleKeys.insert(item.expression.structuralKey)
            default: groupingKeys.insert(item.expression.structuralKey)
            }
        }
        let saved = env
        defer { env = saved }
        env = sortEnv
        for sortItem in projection.orderBy {
            let expression = sortItem.expression
            if aggregating, keys[expression.structuralKey] == nil, containsAggregate(expression) {
                try checkNonAggregatedParts(of: expression) { part in
                    if simpleKeys.contains(part.structuralKey) { return true }
                    if groupingKeys.contains(part.structuralKey) {
                        throw fail("AmbiguousAggregationExpression",
                                   "ORDER BY mixes an aggregation with the grouping key `\(part.structuralKey)`",
                                   at: part.range)
                    }
                    if case .variable(let name) = part.kind, sortEnv[name] == nil {
                        throw fail("UndefinedVariable", "variable `\(name)` is not defined", at: part.range)
                    }
                    return false
                }
            }
            _ = try check(expression, context)
        }
    }

    private func checkSkipOrLimit(_ expression: Expression, keyword: String) throws {
        if referencesVariables(expression) {
            throw fail("NonConstantExpression", "\(keyword) must not depend on variables", at: expression.range)
        }
        switch expression.kind {
        case .literal(.integer(let value)) where value < 0:
            throw fail("NegativeIntegerArgument", "\(keyword) must not be negative, found \(value)", at: expression.range)
        case .literal(.integer), .parameter:
            return
        case .literal(let literal):
            throw fail("InvalidArgumentType", "\(keyword) expects an integer, found \(literal)", at: expression.range)
        default:
            return
        }
    }

    private func referencesVariables(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .variable, .pattern, .patternComprehension, .existsSubquery, .countSubquery, .collectSubquery,
             .mapProjection: return true
        default: return expression.subexpressions.contains { referencesVariables($0) }
        }
    }
}
