import QuiverCore

// Compiling a quantified path pattern `((a)-[r]->(b) WHERE …){m,n}` into a `RepeatTrail` step.
extension PatternCompiler {
    /// The repeat step of `quantified`, walked from the node in slot `from` to `to`; `listSlot`
    /// receives every relationship walked (the placeholder hop's slot, read by a named path).
    func repeatTrail(_ quantified: QuantifiedPath, from: Int, to: NodeCheck, toBound: Bool, listSlot: Int)
        throws(QueryError) -> RepeatTrail {
        let inner = quantified.pattern
        // Group slots were given by `compile`; inside, each name refers to a hidden singleton slot.
        var groupSlots: [String: Int] = [:]
        for (name, _) in quantified.variables { groupSlots[name] = layout.slot(name) }
        var singletons: [String: Int] = [:]
        func singleton(_ variable: Variable?) -> Int {
            let slot = layout.hidden()
            if let variable { singletons[variable.name] = slot }
            return slot
        }
        let nodeSlots = inner.nodes.map { singleton($0.variable) }
        let relationshipSlots = inner.relationships.map { singleton($0.variable) }
        for (name, slot) in singletons { layout.bind(name, to: slot) }
        defer { for name in singletons.keys { layout.bind(name, to: groupSlots[name] ?? nil) } }

        let first = try nodeCheck(inner.start, slot: nodeSlots[0])
        var hops: [RepeatTrail.Hop] = []
        // The hop after which each variable is bound: 0 for the first node, k for the k-th hop's.
        var level: [String: Int] = [:]
        if let name = inner.start.variable?.name { level[name] = 0 }
        for (index, step) in inner.steps.enumerated() {
            let spec = try relationshipSpec(step.relationship, slot: relationshipSlots[index], bound: false, bindValue: true)
            hops.append(RepeatTrail.Hop(relationship: spec, node: try nodeCheck(step.node, slot: nodeSlots[index + 1])))
            if let name = step.relationship.variable?.name { level[name] = index + 1 }
            if let name = step.node.variable?.name { level[name] = index + 1 }
        }
        var filters = Array(repeating: [Expr](), count: hops.count + 1)
        for predicate in quantified.predicates {
            for conjunct in Self.conjuncts(predicate) {
                let after = conjunct.referencedNames.compactMap { level[$0] }.max() ?? 0
                filters[after].append(try compiler.compile(conjunct))
            }
        }
        var groups: [(slot: Int, source: RepeatTrail.Source)] = []
        for (index, node) in inner.nodes.enumerated() {
            guard let name = node.variable?.name, let slot = groupSlots[name] ?? nil else { continue }
            groups.append((slot, .node(index)))
        }
        for (index, relationship) in inner.relationships.enumerated() {
            guard let name = relationship.variable?.name, let slot = groupSlots[name] ?? nil else { continue }
            groups.append((slot, .relationship(index)))
        }
        let length = quantified.quantifier
        return RepeatTrail(from: from, to: to, toBound: toBound, listSlot: listSlot,
                           minimum: Int(clamping: length.minimum ?? 1),
                           maximum: Int(clamping: length.maximum ?? Int64(Int32.max)),
                           first: first, hops: hops, filters: filters, groups: groups)
    }
}

extension PatternMatch {
    /// Whether a path of the match repeats a quantified path pattern (EXPLAIN names it `Repeat(Trail)`).
    var repeatsPaths: Bool { parts.contains { $0.element.steps.contains { $0.quantified != nil } } }
}
