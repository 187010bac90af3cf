import QuiverCore

/// Predicate pushdown: a filter's conjuncts move down to the earliest operator after which the
/// variables they read are bound: through projections that pass those variables on unchanged,
/// below UNWINDs they do not read, and into a (non-optional) MATCH, whose pattern compiler then
/// runs each right after the step that binds its last variable (before the rest of the pattern
/// is expanded) or turns a property equality into an index lookup (``IndexSelectionPass``).
///
/// A conjunct that mentions a variable a projection does not pass on unchanged stays above it,
/// including the variables a subquery or pattern inside it names: those may be new there.
struct PredicatePushdownPass: RewritePass {
    var name: String { "predicate pushdown" }

    func apply(_ plan: LogicalPlan) -> LogicalPlan {
        plan.rewritten { node in
            guard case .filter(let predicates) = node.op, let input = node.input else { return node }
            let conjuncts = predicates.flatMap(PatternCompiler.conjuncts)
            let pushed = push(conjuncts, into: input, clause: node.clause)
            // Nothing moved: keep the filter as written.
            if case .filter = pushed.op, pushed.input == input { return node }
            return pushed
        }
    }

    /// `conjuncts` applied to the rows of `plan`, each as deep in it as it can go.
    func push(_ conjuncts: [Expression], into plan: LogicalPlan, clause: SourceRange) -> LogicalPlan {
        guard !conjuncts.isEmpty else { return plan }
        let stay = { LogicalPlan(.filter(conjuncts), [plan], clause: clause) }
        guard let input = plan.input else { return stay() }
        switch plan.op {
        case .projection(let items):
            let passed = Self.passedOn(items)
            let (down, up) = conjuncts.partitioned { $0.referencedNames.isSubset(of: passed) }
            guard !down.isEmpty else { return stay() }
            let lowered = plan.replacingInput(push(down, into: input, clause: clause))
            return up.isEmpty ? lowered : LogicalPlan(.filter(up), [lowered], clause: clause)
        case .unwind(_, let variable):
            let (down, up) = conjuncts.partitioned { !$0.referencedNames.contains(variable) }
            guard !down.isEmpty else { return stay() }
            let lowered = plan.replacingInput(push(down, into: input, clause: clause))
            return up.isEmpty ? lowered : LogicalPlan(.filter(up), [lowered], clause: clause)
        case .match(var match) where !match.optional:
            // Pushed conjuncts go first: at the same step, the pattern compiler runs the later
            // ones first, so the MATCH's own WHERE still runs before them.
            match.predicates = conjuncts + match.predicates
            return LogicalPlan(.match(match), [input], clause: plan.clause)
        case .filter(let others):
            return push(others + conjuncts, into: input, clause: clause)
        default:
            return stay()
        }
    }

    /// The variables a projection passes on unchanged (`v` or `v AS v`, and `*`).
    static func passedOn(_ items: ProjectionItems) -> Set<String> {
        var passed: Set<String> = items.includesAll ? Set(items.scope) : []
        var renamed: Set<String> = []
        for item in items.items {
            if case .variable(let name) = item.expression.kind, item.columnName == name {
                passed.insert(name)
            } else {
                renamed.insert(item.columnName)
            }
        }
        return passed.subtracting(renamed)
    }
}

extension Array {
    /// The elements for which `belongs` holds, and the others, each in order.
    func partitioned(_ belongs: (Element) -> Bool) -> (matching: [Element], rest: [Element]) {
        var matching: [Element] = [], rest: [Element] = []
        for element in self {
            if belongs(element) { matching.append(element) } else { rest.append(element) }
        }
        return (matching, rest)
    }
}
