import QuiverCore

// Compiling a quantified path pattern `((a)-[r]->(b) WHERE …){m,n}` into a `RepeatTrail` step.
extension PatternCompiler {
    /// The repeat step of `quantified`, walked from the node in slot `from` to `to` (right to left
    /// when `reversed`); `listSlot` receives every relationship walked (the placeholder hop's slot,
    /// read by a named path).
    func repeatTrail(_ quantified: QuantifiedPath, from: Int, to: NodeCheck, toBound: Bool, listSlot: Int,
                     reversed: Bool) throws(QueryError) -> RepeatTrail {
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

        let nodes = inner.nodes, relationships = inner.relationships, length = relationships.count
        // Walking order: written, or from the last inner node back with every direction flipped.
        let walkedNodes = reversed ? Array(nodes.indices.reversed()) : Array(nodes.indices)
        let first = try nodeCheck(nodes[walkedNodes[0]], slot: nodeSlots[walkedNodes[0]])
        var hops: [RepeatTrail.Hop] = []
        // The hop after which each variable is bound: 0 for the first node walked, k for the k-th hop's.
        var level: [String: Int] = [:]
        if let name = nodes[walkedNodes[0]].variable?.name { level[name] = 0 }
        for walked in 0..<length {
            let index = reversed ? length - 1 - walked : walked
            let node = walkedNodes[walked + 1]
            let spec = try relationshipSpec(relationships[index], slot: relationshipSlots[index], bound: false,
                                            bindValue: true, flipped: reversed)
            hops.append(RepeatTrail.Hop(relationship: spec, node: try nodeCheck(nodes[node], slot: nodeSlots[node])))
            if let name = relationships[index].variable?.name { level[name] = walked + 1 }
            if let name = nodes[node].variable?.name { level[name] = walked + 1 }
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
        let quantifier = quantified.quantifier
        return RepeatTrail(from: from, to: to, toBound: toBound, listSlot: listSlot,
                           minimum: Int(clamping: quantifier.minimum ?? 1),
                           maximum: Int(clamping: quantifier.maximum ?? Int64(Int32.max)), reversed: reversed,
                           first: first, hops: hops, filters: filters, groups: groups)
    }
}

extension PatternCompiler {
    /// How the group variables of a one-relationship quantified pattern searched as a relationship
    /// list (SHORTEST) are read off that list.
    func groupUnpacking(_ quantified: QuantifiedPath, start: Int, listSlot: Int) -> GroupUnpacking {
        var groups: [(slot: Int, source: RepeatTrail.Source)] = []
        for (index, node) in quantified.pattern.nodes.enumerated() {
            if let name = node.variable?.name, let slot = layout.slot(name) { groups.append((slot, .node(index))) }
        }
        if let name = quantified.pattern.relationships.first?.variable?.name, let slot = layout.slot(name) {
            groups.append((slot, .relationship(0)))
        }
        return GroupUnpacking(start: start, listSlot: listSlot, groups: groups)
    }
}

extension QuantifiedPath {
    /// The quantified relationship `-[r:R]->{m,n}` this pattern is, when it is one relationship
    /// between nodes with no labels, properties or conditions, and has no inner WHERE.
    var singleRelationship: RelationshipPattern? {
        guard predicate == nil, pattern.steps.count == 1, var relationship = pattern.steps.first?.relationship,
              relationship.predicate == nil,
              pattern.nodes.allSatisfy({ $0.labels.isEmpty && $0.properties == nil && $0.predicate == nil })
        else { return nil }
        relationship.length = quantifier
        return relationship
    }
}

extension PatternMatch {
    /// Whether a path of the match repeats a quantified path pattern (EXPLAIN names it `Repeat(Trail)`).
    var repeatsPaths: Bool { parts.contains { $0.element.steps.contains { $0.quantified != nil } } }
}
