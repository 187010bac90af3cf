import SQL

extension SQLGraphBuilder {
    /// A join or WHERE condition waiting for the select's columns and aliases to be known.
    struct Condition {
        var expression: Expression
        /// From the ON of an outer join (it restricts the optional side rather than the result).
        var outer: Bool
        /// For USING and NATURAL: the two column nodes already resolved.
        var columns: (Int, Int)? = nil
    }

    /// Registers the sources of a FROM item in the current scope; returns them.
    mutating func addFrom(_ reference: TableReference, optional: Bool, conditions: inout [Condition]) -> [Source] {
        guard enter() else { return [] }
        defer { depth -= 1 }
        let select = scopes[scopes.count - 1].node
        func register(_ name: String, _ node: Int, _ columns: Set<String>?) -> [Source] {
            let source = Source(name: name, node: node, columns: columns, optional: optional)
            scopes[scopes.count - 1].sources.append(source)
            graph.addEdge(select, node, optional ? "from outer" : "from")
            return [source]
        }
        switch reference {
        case .table(let name, let alias):
            let key = name.name.normalized
            let visible = alias?.name.normalized ?? key
            if name.schema == nil, let cte = commonTable(key) {
                return register(visible, cte.node, cte.columns)
            }
            let columns = schema?.table(named: name.name.name).map { Set($0.columns.map { $0.name.lowercased() }) }
            return register(visible, graph.addNode("table " + key), columns)
        case .subquery(let query, let alias):
            return register(alias?.name.normalized ?? "", addStatement(query), Self.outputNames(query))
        case .function(let call, let alias):
            let node = addExpression(Expression(.function(call)))
            return register(alias?.name.normalized ?? call.name.normalized, node, nil)
        case .parenthesized(let inner):
            return addFrom(inner, optional: optional, conditions: &conditions)
        case .join(let join):
            return addJoin(join, optional: optional, conditions: &conditions)
        }
    }

    private mutating func addJoin(_ join: Join, optional: Bool, conditions: inout [Condition]) -> [Source] {
        let kind = join.op.kind
        let outer = kind == .left || kind == .right || kind == .full
        let left = addFrom(join.left, optional: optional || kind == .right || kind == .full, conditions: &conditions)
        let right = addFrom(join.right, optional: optional || kind == .left || kind == .full, conditions: &conditions)
        var shared: [String] = []
        switch join.constraint {
        case .on(let condition):
            for c in Self.conjuncts(condition) { conditions.append(Condition(expression: c, outer: outer)) }
        case .using(let names):
            shared = names.map(\.normalized)
        case nil:
            if join.op.natural {
                let l = left.compactMap(\.columns).reduce(Set<String>()) { $0.union($1) }
                let r = right.compactMap(\.columns).reduce(Set<String>()) { $0.union($1) }
                shared = l.intersection(r).sorted()
            }
        }
        for name in shared {
            let a = columnNode(of: left.first { $0.columns?.contains(name) == true } ?? left.last, name)
            let b = columnNode(of: right.first { $0.columns?.contains(name) == true } ?? right.last, name)
            if let a, let b {
                let placeholder = Expression(.literal(.null))
                conditions.append(Condition(expression: placeholder, outer: outer, columns: (a, b)))
            }
        }
        return left + right
    }

    private mutating func columnNode(of source: Source?, _ name: String) -> Int? {
        guard let source else { return nil }
        return columnRead(source.node, name)
    }

    /// Adds one conjunct: a column equality across two sources as join edges, anything else as a predicate.
    mutating func addCondition(_ condition: Condition, to select: Int) {
        var pair = condition.columns
        if pair == nil, case .binary(.equal, let l, let r) = condition.expression.kind,
           case .column = l.kind, case .column = r.kind {
            pair = (addExpression(l), addExpression(r))
        }
        if let (a, b) = pair, let sa = columnSource[a], let sb = columnSource[b], sa != sb,
           let la = localSource(sa), let lb = localSource(sb) {
            if !condition.outer {
                graph.addEdge(a, b, "join")
                graph.addEdge(b, a, "join")
            } else if la.optional != lb.optional {
                let (preserved, optional) = la.optional ? (b, a) : (a, b)
                graph.addEdge(preserved, optional, "outer join")
            } else {
                graph.addEdge(a, b, "outer join")
                graph.addEdge(b, a, "outer join")
            }
            return
        }
        let value: Int
        if let (a, b) = pair {
            value = intern("=", [Child(label: "arg", node: a), Child(label: "arg", node: b)], commutative: true)
        } else {
            value = addExpression(condition.expression)
        }
        graph.addEdge(select, value, condition.outer ? "on" : "where")
    }

    /// The source of the current select whose node is `node`.
    private func localSource(_ node: Int) -> Source? {
        scopes.last?.sources.first { $0.node == node }
    }

    func commonTable(_ name: String) -> CommonTable? {
        for frame in commonTables.reversed() {
            if let table = frame[name] { return table }
        }
        return nil
    }

    /// The source called `name`, innermost select first.
    func lookupSource(_ name: String) -> Source? {
        for scope in scopes.reversed() {
            if let source = scope.sources.first(where: { $0.name == name }) { return source }
        }
        return nil
    }

    /// The node reading `column` of the source node `source`, made on first use.
    mutating func columnRead(_ source: Int, _ column: String) -> Int {
        let key = ColumnKey(source: source, column: column)
        if let node = columnNodes[key] { return node }
        let node = graph.addNode("." + column)
        graph.addEdge(node, source, "of")
        columnNodes[key] = node
        columnSource[node] = source
        return node
    }
}
