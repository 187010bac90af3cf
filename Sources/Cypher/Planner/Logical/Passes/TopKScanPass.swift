import QuiverCore

/// Top-k into the scan: when a Top sits right on a MATCH of one bare node pattern and its first
/// key is a property of that node, the scan skips nodes that cannot enter the top k before it
/// binds them, and picks the k first on the typed property columns when every key is an integer
/// property of the node (``TopKScan``).
struct TopKScanPass: RewritePass {
    var name: String { "top-k scan" }

    func apply(_ plan: LogicalPlan) -> LogicalPlan {
        plan.rewritten { node in
            guard case .projection(let items) = node.op, let top = node.input, case .top(let keys, _, _) = top.op,
                let scan = top.input, case .match(var match) = scan.op, !match.optional, !match.topKScan,
                match.predicates.isEmpty, match.parts.count == 1, match.parts[0].variable == nil,
                match.parts[0].selector == .all, match.parts[0].element.relationships.isEmpty,
                let variable = match.parts[0].element.nodes.first?.variable?.name,
                let first = keys.first, Self.isProperty(of: variable, Self.resolved(first.expression, items))
            else { return node }
            match.topKScan = true
            let newScan = LogicalPlan(.match(match), scan.inputs, clause: scan.clause)
            return node.replacingInput(top.replacingInput(newScan))
        }
    }

    /// A sort key as the input rows see it: an item's alias, or an item written again, stands for
    /// the item's expression.
    static func resolved(_ key: Expression, _ items: ProjectionItems) -> Expression {
        for item in items.items {
            if case .variable(let name) = key.kind, item.alias?.name == name { return item.expression }
            if key.structuralKey == item.expression.structuralKey { return item.expression }
        }
        return key
    }

    static func isProperty(of variable: String, _ e: Expression) -> Bool {
        guard case .property(let subject, _) = e.kind, case .variable(let name) = subject.kind else { return false }
        return name == variable
    }
}
