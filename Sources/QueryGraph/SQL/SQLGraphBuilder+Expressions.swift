import SQL

extension SQLGraphBuilder {
    /// The node of `label` over `children` in the current select, made on first use.
    ///
    /// Sharing equal sub-expressions makes a query's graph independent of how often it writes
    /// them (an ORDER BY alias and the expression it names are one node).
    mutating func intern(_ label: String, _ children: [Child], commutative: Bool = false) -> Int {
        let key = ExpressionKey(context: scopes.last?.node ?? -1, label: label,
                                children: commutative ? children.sorted() : children)
        if let node = interned[key] { return node }
        let node = graph.addNode(label)
        for child in children { graph.addEdge(node, child.node, child.label) }
        interned[key] = node
        return node
    }

    private mutating func operands(_ expressions: [Expression]) -> [Child] {
        if expressions.count == 1 { return [Child(label: "arg", node: addExpression(expressions[0]))] }
        return expressions.enumerated().map { Child(label: "arg\($0.offset)", node: addExpression($0.element)) }
    }

    private mutating func unordered(_ expressions: [Expression], _ label: String = "arg") -> [Child] {
        expressions.map { Child(label: label, node: addExpression($0)) }
    }

    /// The operands of a chain of `op`, left to right.
    static func flatten(_ op: BinaryOperator, _ e: Expression) -> [Expression] {
        OperandChain.operands(of: e) { e in
            if case .binary(let inner, let l, let r) = e.kind, inner == op { return (l, r) }
            return nil
        }
    }

    /// Adds an expression of the current select and returns its node.
    mutating func addExpression(_ e: Expression) -> Int {
        guard enter() else { return graph.addNode("…") }
        defer { depth -= 1 }
        switch e.kind {
        case .literal(let literal):
            return intern(Self.literalText(literal), [])
        case .column(let reference):
            return column(reference)
        case .star(let table):
            if let table, let source = lookupSource(table.normalized) {
                return intern("*", [Child(label: "of", node: source.node)])
            }
            return intern("*", [])
        case .parameter(let name):
            return intern(name, [])
        case .unary(let op, let operand):
            return intern(op.rawValue.lowercased(), unordered([operand]))
        case .binary(let op, let l, let r):
            return addBinary(op, l, r, e)
        case .function(let call):
            return addFunction(call)
        case .cast(let value, let type):
            return intern("cast as " + type.lowercased(), unordered([value]))
        case .caseWhen(let value):
            var children: [Child] = []
            if let operand = value.operand { children.append(Child(label: "operand", node: addExpression(operand))) }
            for (k, branch) in value.branches.enumerated() {
                children.append(Child(label: "when\(k + 1)", node: addExpression(branch.condition)))
                children.append(Child(label: "then\(k + 1)", node: addExpression(branch.result)))
            }
            if let other = value.elseResult { children.append(Child(label: "else", node: addExpression(other))) }
            return intern("case", children)
        case .between(let value, let low, let high, let negated):
            // `low <= value AND value <= high`, built here rather than as an expression, so that
            // its operands are one level below it as in the query.
            let bounds = [(low, value), (value, high)].map { l, r in
                Child(label: "arg", node: addBinary(.lessThanOrEqual, l, r, e))
            }
            let range = intern(BinaryOperator.and.rawValue.lowercased(), bounds, commutative: true)
            return negated ? intern(UnaryOperator.not.rawValue.lowercased(), [Child(label: "arg", node: range)]) : range
        case .pattern(let op, let value, let pattern, let escape, let negated):
            var children = [Child(label: "left", node: addExpression(value)), Child(label: "right", node: addExpression(pattern))]
            if let escape { children.append(Child(label: "escape", node: addExpression(escape))) }
            return intern((negated ? "not " : "") + op.rawValue.lowercased(), children)
        case .inList(let value, let items, let negated):
            let children = [Child(label: "value", node: addExpression(value))] + unordered(items, "item")
            return intern(negated ? "not in" : "in", children, commutative: true)
        case .inSubquery(let value, let query, let negated):
            let children = [Child(label: "value", node: addExpression(value)), Child(label: "query", node: addStatement(query))]
            return intern(negated ? "not in" : "in", children)
        case .isNull(let value, let negated):
            return intern(negated ? "is not null" : "is null", unordered([value]))
        case .isComparison(let l, let r, let negated, let distinctFrom):
            let label = "is" + (negated ? " not" : "") + (distinctFrom ? " distinct from" : "")
            return intern(label, unordered([l, r]), commutative: true)
        case .exists(let query, let negated):
            return intern(negated ? "not exists" : "exists", [Child(label: "query", node: addStatement(query))])
        case .subquery(let query):
            return addStatement(query)
        case .collate(let value, let collation):
            return intern("collate " + collation.lowercased(), unordered([value]))
        case .row(let items):
            return intern("row", operands(items))
        }
    }

    private mutating func addBinary(_ op: BinaryOperator, _ l: Expression, _ r: Expression, _ e: Expression) -> Int {
        switch op {
        case .and, .or:
            return intern(op.rawValue.lowercased(), unordered(Self.flatten(op, e)), commutative: true)
        case .add, .multiply, .bitwiseAnd, .bitwiseOr:
            return intern(op.rawValue, unordered(Self.flatten(op, e)), commutative: true)
        case .equal, .notEqual:
            return intern(op.rawValue, unordered([l, r]), commutative: true)
        case .greaterThan:
            return addBinary(.lessThan, r, l, e)
        case .greaterThanOrEqual:
            return addBinary(.lessThanOrEqual, r, l, e)
        default:
            return intern(op.rawValue, [Child(label: "left", node: addExpression(l)), Child(label: "right", node: addExpression(r))])
        }
    }

    private mutating func addFunction(_ call: FunctionCall) -> Int {
        let name = call.name.normalized
        if call.arguments.count == 1, case .star(nil) = call.arguments[0].kind, call.filter == nil, call.over == nil {
            return intern(name + "(*)", [])
        }
        var children = operands(call.arguments)
        if let filter = call.filter { children.append(Child(label: "filter", node: addExpression(filter))) }
        if let window = call.over {
            var parts = unordered(window.partitionBy, "partition")
            for (k, term) in window.orderBy.enumerated() {
                parts.append(Child(label: "key\(k + 1) " + (term.direction == .descending ? "desc" : "asc"),
                                   node: addExpression(term.expression)))
            }
            var label = "over"
            if let base = window.baseName { label += " " + base.normalized }
            if let frame = window.frame { label += " " + frame.units.lowercased() }
            children.append(Child(label: "over", node: intern(label, parts)))
        }
        return intern(name + (call.distinct ? " distinct" : ""), children)
    }

    static func literalText(_ literal: Literal) -> String {
        switch literal {
        case .integer(let text), .real(let text): return text.lowercased()
        case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob(let hex): return "x'" + hex.lowercased() + "'"
        case .null: return "null"
        case .boolean(let b): return b ? "true" : "false"
        case .currentTime(let name): return name.lowercased()
        }
    }

    // MARK: columns

    /// The node a column reference reads: through its qualifier, else the schema, else the only source.
    mutating func column(_ reference: ColumnReference) -> Int {
        let name = reference.column.normalized
        if let qualifier = reference.table?.normalized {
            if let source = lookupSource(qualifier) ?? lookupTableName(qualifier) {
                return columnRead(source.node, name)
            }
            return intern("." + name, [Child(label: "of", node: intern("table " + qualifier, []))])
        }
        if let scope = scopes.last, scope.orderingByAlias, let aliased = scope.aliases[name] { return aliased }
        for (depth, scope) in scopes.enumerated().reversed() {
            if let source = scope.sources.first(where: { $0.columns?.contains(name) == true }) {
                return columnRead(source.node, name)
            }
            let innermost = depth == scopes.count - 1
            if innermost, let aliased = scope.aliases[name] { return aliased }
            if scope.sources.count == 1, scope.sources[0].columns == nil || (innermost && schema == nil) {
                return columnRead(scope.sources[0].node, name)
            }
        }
        // SQLite reads a double-quoted name that is no column as a string.
        if reference.column.quote == .double, schema != nil {
            return intern(Self.literalText(.string(reference.column.name)), [])
        }
        if let only = scopes.last?.sources.first, scopes.last?.sources.count == 1 {
            return columnRead(only.node, name)
        }
        return intern("." + name, [])
    }

    /// A source whose underlying table is called `name` although it was given an alias.
    private func lookupTableName(_ name: String) -> Source? {
        for scope in scopes.reversed() {
            for source in scope.sources where graph.nodes[source.node] == "table " + name { return source }
        }
        return nil
    }
}
