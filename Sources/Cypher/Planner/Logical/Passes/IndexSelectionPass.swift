import QuiverCore

/// Index selection: a WHERE conjunct `v.key = value`, where `v` is a node the MATCH binds and
/// `value` reads none of the pattern's new variables, moves into `v`'s node check. A scan that
/// starts at `v` then looks the value up in a declared index, or in the adaptive equality index
/// built on first use for labels of at least ``PatternMatcher/autoIndexThreshold`` nodes, instead
/// of testing every node; elsewhere in the pattern the check costs what the filter would.
struct IndexSelectionPass: RewritePass {
    var name: String { "index selection" }

    func apply(_ plan: LogicalPlan) -> LogicalPlan {
        plan.rewritten { node in
            guard case .match(var match) = node.op else { return node }
            let (seeks, rest) = Self.seeks(match.predicates, parts: match.parts, introduced: Set(match.introduced))
            guard !seeks.isEmpty else { return node }
            match.seeks += seeks
            match.predicates = rest
            return LogicalPlan(.match(match), node.inputs, clause: node.clause)
        }
    }

    /// The conjuncts that can be node checks, and the others.
    static func seeks(_ conjuncts: [Expression], parts: [PatternPart], introduced: Set<String>)
        -> (seeks: [PropertySeek], rest: [Expression]) {
        var elementNames: Set<String> = []
        for part in parts { part.element.collectVariables(into: &elementNames) }
        let newNames = elementNames.intersection(introduced)
        let nodeNames = Set(parts.flatMap { $0.element.nodes.compactMap(\.variable?.name) }).intersection(newNames)
        var seeks: [PropertySeek] = [], rest: [Expression] = []
        for conjunct in conjuncts {
            if let (variable, key, value) = PatternCompiler.propertyEquality(conjunct, nodes: nodeNames, newNames: newNames) {
                seeks.append(PropertySeek(variable: variable, key: key, value: value, conjunct: conjunct))
            } else {
                rest.append(conjunct)
            }
        }
        return (seeks, rest)
    }
}
