import QuiverCore

/// Builds the logical plan of an analysed query, clause by clause, keeping track of the
/// variables in scope (for the passes) and of where writes need an eager barrier before them.
struct LogicalPlanner {
    /// The procedures CALL may name (their mode decides the barriers around a CALL).
    let procedures: ProcedureRegistry

    /// The plan of `query`: a union of its parts' plans when it has several.
    func plan(_ query: Query, scope: [String] = []) -> LogicalPlan {
        let parts = query.parts.map { plan($0, scope: scope) }
        guard parts.count > 1 else { return parts[0] }
        return LogicalPlan(.union(all: !query.unions.contains { !$0.all }), parts, clause: query.range)
    }

    /// The plan of one single query whose rows start with the variables of `scope` bound.
    func plan(_ query: SingleQuery, scope: [String] = []) -> LogicalPlan {
        var builder = Builder(root: LogicalPlan(.argument(scope), clause: query.range), scope: scope)
        for clause in query.clauses {
            add(clause, to: &builder, standalone: query.clauses.count == 1)
        }
        let returns: Bool
        switch query.clauses.last {
        case .return?, .call?: returns = true
        default: returns = false
        }
        builder.push(.produceResults(returns: returns), clause: query.range)
        return builder.root
    }

    /// The growing chain and the scope at its top.
    private struct Builder {
        var root: LogicalPlan
        var scope: [String]
        var wrote = false

        mutating func push(_ op: LogicalOperator, clause: SourceRange) {
            root = LogicalPlan(op, [root], clause: clause)
        }

        mutating func bind(_ names: [String]) {
            for name in names where !scope.contains(name) { scope.append(name) }
        }

        /// An eager barrier before an updating clause.
        mutating func beginWrite(_ clause: SourceRange) {
            push(.eager, clause: clause)
            wrote = true
        }
    }

    private func add(_ clause: Clause, to builder: inout Builder, standalone: Bool) {
        let range = clause.range
        switch clause {
        case .match(let m):
            if builder.wrote { builder.push(.eager, clause: range) }
            let names = Self.patternNames(m.pattern.parts)
            var predicates = m.predicate.map(PatternCompiler.conjuncts) ?? []
            predicates += Self.inlinePredicates(m.pattern.parts)
            let match = PatternMatch(parts: m.pattern.parts, predicates: predicates, optional: m.optional,
                                     introduced: names.filter { !builder.scope.contains($0) })
            builder.push(.match(match), clause: range)
            builder.bind(names)
        case .unwind(let u):
            builder.push(.unwind(u.expression, variable: u.variable.name), clause: range)
            builder.bind([u.variable.name])
        case .loadCSV(let load):
            builder.push(.loadCSV(load), clause: range)
            builder.bind([load.variable.name])
        case .with(let w):
            addProjection(w.projection, predicate: w.predicate, clause: range, to: &builder)
        case .return(let r):
            addProjection(r.projection, predicate: nil, clause: range, to: &builder)
        case .create(let c):
            builder.beginWrite(range)
            builder.push(.create(c), clause: range)
            builder.bind(Self.patternNames(c.pattern.parts))
        case .merge(let m):
            builder.beginWrite(range)
            builder.push(.merge(m), clause: range)
            builder.bind(Self.patternNames([m.part]))
        case .set(let s):
            builder.beginWrite(range)
            builder.push(.set(s), clause: range)
        case .remove(let r):
            builder.beginWrite(range)
            builder.push(.remove(r), clause: range)
        case .delete(let d):
            builder.beginWrite(range)
            builder.push(.delete(d), clause: range)
        case .call(let call):
            if procedures[call.qualifiedName]?.mode == .write { builder.beginWrite(range) } else if builder.wrote {
                builder.push(.eager, clause: range)
            }
            builder.push(.procedureCall(call, standalone: standalone), clause: range)
            if let yield = call.yield, !yield.all { builder.bind(yield.items.map(\.boundName)) }
            if let predicate = call.yield?.predicate { builder.push(.filter([predicate]), clause: range) }
        case .subquery(let subquery):
            if !CypherEngine.isReadOnly(subquery.query) { builder.beginWrite(range) } else if builder.wrote {
                builder.push(.eager, clause: range)
            }
            let body = plan(subquery.query, scope: subquery.importedNames(outer: builder.scope))
            builder.push(.callSubquery(subquery, body: body), clause: range)
            if case .return(let ret)? = subquery.query.first.clauses.last {
                builder.bind(ret.projection.items.map { $0.alias?.name ?? $0.text })
            }
        }
    }

    /// WITH / RETURN: projection or aggregation, then DISTINCT, ORDER BY, SKIP, LIMIT and WHERE.
    private func addProjection(_ projection: Projection, predicate: Expression?, clause: SourceRange,
                               to builder: inout Builder) {
        let items = ProjectionItems(items: projection.items, includesAll: projection.includesAll, scope: builder.scope)
        let aggregating = projection.items.contains { $0.expression.containsAggregate }
        builder.push(aggregating ? .aggregation(items, .general) : .projection(items), clause: clause)
        if projection.distinct { builder.push(.distinct, clause: clause) }
        if !projection.orderBy.isEmpty { builder.push(.sort(projection.orderBy), clause: clause) }
        if let skip = projection.skip { builder.push(.skip(skip), clause: clause) }
        if let limit = projection.limit { builder.push(.limit(limit), clause: clause) }
        if let predicate { builder.push(.filter([predicate]), clause: clause) }
        builder.scope = items.columns(at: clause).map(\.name)
    }

    /// The variables a pattern names: its nodes, relationships and paths.
    static func patternNames(_ parts: [PatternPart]) -> [String] {
        var names: [String] = []
        for part in parts {
            for node in part.element.nodes { if let name = node.variable?.name, !names.contains(name) { names.append(name) } }
            for rel in part.element.relationships {
                if let name = rel.variable?.name, !names.contains(name) { names.append(name) }
            }
            for name in part.element.groupVariableNames where !names.contains(name) { names.append(name) }
            if let name = part.variable?.name, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The conjuncts of the label expressions and inline WHERE of a pattern's node and relationship patterns.
    static func inlinePredicates(_ parts: [PatternPart]) -> [Expression] {
        var out: [Expression] = []
        for part in parts {
            for node in part.element.nodes { if let condition = node.predicate { out += PatternCompiler.conjuncts(condition) } }
            out += PatternCompiler.relationshipConditions(part.element)
        }
        return out
    }
}
