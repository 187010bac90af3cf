import QuiverCore
import SQL

/// The mutable state of one ``SQLQueryGraph`` construction.
struct SQLGraphBuilder {
    var graph = QueryGraph()
    let schema: Schema?

    /// Something a FROM clause makes visible: a table, a subquery, a CTE or a table-valued function.
    struct Source {
        /// The name it is known by (alias, else table name), lower-cased; empty for an unnamed subquery.
        var name: String
        /// Its node.
        var node: Int
        /// Its column names (lower-cased), when known.
        var columns: Set<String>?
        /// Whether it is on the optional side of an outer join.
        var optional: Bool
    }

    /// One select core's names: its FROM sources and its result-column aliases.
    struct Scope {
        /// The select node; also the context that sub-expressions are shared within.
        var node: Int
        var sources: [Source] = []
        var aliases: [String: Int] = [:]
        /// While this select's ORDER BY is built: a bare name means a result-column alias before a
        /// column. A flag of the scope, not of the builder, so a subquery inside the ORDER BY has its own.
        var orderingByAlias = false
    }

    /// A WITH table: the node FROM references point to, and its column names.
    struct CommonTable {
        var node: Int
        var columns: Set<String>?
    }

    /// A sub-expression's identity within one select: its label and its children.
    struct ExpressionKey: Hashable {
        var context: Int
        var label: String
        var children: [Child]
    }

    struct Child: Hashable, Comparable {
        var label: String
        var node: Int
        static func < (a: Child, b: Child) -> Bool { (a.label, a.node) < (b.label, b.node) }
    }

    var scopes: [Scope] = []
    var commonTables: [[String: CommonTable]] = []
    var interned: [ExpressionKey: Int] = [:]
    /// Column-read nodes per (source node, column name), and the source each column node reads.
    var columnNodes: [ColumnKey: Int] = [:]
    var columnSource: [Int: Int] = [:]

    struct ColumnKey: Hashable {
        var source: Int
        var column: String
    }

    /// Levels of the query being built right now, and the error once they passed the limit.
    var depth = 0
    var tooDeep: QueryError?

    /// Enters one level of the query's tree; false (with ``tooDeep`` set) past
    /// ``NestingLimit/depth``, where the caller adds a placeholder instead of recursing.
    /// Pair each `true` with `depth -= 1`.
    mutating func enter() -> Bool {
        guard depth < NestingLimit.depth else {
            tooDeep = tooDeep ?? NestingLimit.exceeded("query graph of a SQL query")
            return false
        }
        depth += 1
        return true
    }

    init(schema: Schema?) {
        self.schema = schema
    }

    // MARK: statements

    /// Adds a complete query and returns its root node (the select node of a simple query).
    mutating func addStatement(_ statement: SelectStatement) -> Int {
        guard enter() else { return graph.addNode("…") }
        defer { depth -= 1 }
        commonTables.append([:])
        defer { commonTables.removeLast() }
        for table in statement.with?.tables ?? [] {
            let node = graph.addNode(statement.with?.recursive == true ? "with recursive" : "with")
            let columns = table.columns.isEmpty ? Self.outputNames(table.query) : Set(table.columns.map(\.normalized))
            commonTables[commonTables.count - 1][table.name.normalized] = CommonTable(node: node, columns: columns)
            graph.addEdge(node, addStatement(table.query), "defines")
        }
        let root: Int
        if case .select(let core) = statement.body {
            root = beginCore(core)
        } else {
            root = addBody(statement.body)
            scopes.append(Scope(node: root))
        }
        addOrdering(statement.orderBy, limit: statement.limit, to: root)
        scopes.removeLast()
        return root
    }

    private mutating func addBody(_ body: QueryBody) -> Int {
        guard enter() else { return graph.addNode("…") }
        defer { depth -= 1 }
        switch body {
        case .select(let core):
            let node = beginCore(core)
            scopes.removeLast()
            return node
        case .values(let rows):
            let node = graph.addNode("values")
            scopes.append(Scope(node: node))
            for row in rows {
                let r = intern("row", row.enumerated().map { Child(label: "arg\($0.offset)", node: addExpression($0.element)) })
                graph.addEdge(node, r, "row")
            }
            scopes.removeLast()
            return node
        case .parenthesized(let statement):
            // A parenthesised operand is the query it holds, ORDER BY and LIMIT included.
            return addStatement(statement)
        case .compound(let op, _, _):
            // UNION, UNION ALL and INTERSECT are commutative and associative: a chain of one of them
            // is one node over its parts. EXCEPT keeps its two sides apart.
            let node = graph.addNode(op.rawValue.lowercased())
            if op == .except, case .compound(_, let left, let right) = body {
                graph.addEdge(node, addBody(left), "left")
                graph.addEdge(node, addBody(right), "right")
            } else {
                for part in Self.operands(of: op, body) { graph.addEdge(node, addBody(part), "part") }
            }
            return node
        }
    }

    /// The parts of a chain of `op`, left to right.
    private static func operands(of op: CompoundOperator, _ body: QueryBody) -> [QueryBody] {
        OperandChain.operands(of: body) { body in
            if case .compound(let inner, let left, let right) = body, inner == op { return (left, right) }
            return nil
        }
    }

    /// The column names a query's result is known by (aliases, else the column's own name).
    static func outputNames(_ statement: SelectStatement) -> Set<String>? {
        guard case .select(let core) = statement.body.flattened.first?.body else { return nil }
        var names = Set<String>()
        for column in core.columns {
            switch column {
            case .all, .allOf: return nil
            case .expression(let e, let alias, _):
                if let alias { names.insert(alias.normalized) } else if case .column(let c) = e.kind { names.insert(c.column.normalized) }
            }
        }
        return names
    }

    // MARK: select cores

    /// Adds a select core and leaves its scope open (for the statement's ORDER BY); returns its node.
    private mutating func beginCore(_ core: SelectCore) -> Int {
        let node = graph.addNode(core.distinct ? "select distinct" : "select")
        scopes.append(Scope(node: node))
        var conditions: [Condition] = []
        if let from = core.from { _ = addFrom(from, optional: false, conditions: &conditions) }
        var items: [Int] = []
        for column in core.columns {
            switch column {
            case .all:
                items.append(intern("*", []))
            case .allOf(let table):
                let star: Int
                if let source = lookupSource(table.normalized) {
                    star = intern("*", [Child(label: "of", node: source.node)])
                } else {
                    star = intern("*", [Child(label: "of", node: intern("table " + table.normalized, []))])
                }
                items.append(star)
            case .expression(let e, let alias, _):
                let value = addExpression(e)
                items.append(value)
                if let alias { scopes[scopes.count - 1].aliases[alias.normalized] = value }
            }
        }
        // A repeated item is one node; its edge counts the repeats (the result has that many columns).
        var repeats: [Int: Int] = [:]
        for item in items { repeats[item, default: 0] += 1 }
        for item in items where repeats[item] != nil {
            let count = repeats.removeValue(forKey: item) ?? 1
            graph.addEdge(node, item, count == 1 ? "item" : "item ×\(count)")
        }
        for c in Self.conjuncts(core.whereClause) { conditions.append(Condition(expression: c, outer: false)) }
        for condition in conditions { addCondition(condition, to: node) }
        if !core.groupBy.isEmpty {
            let group = graph.addNode("group by")
            graph.addEdge(node, group, "group")
            for key in core.groupBy { graph.addEdge(group, addExpression(key), "key") }
        }
        for c in Self.conjuncts(core.having) { graph.addEdge(node, addExpression(c), "having") }
        return node
    }

    private mutating func addOrdering(_ orderBy: [OrderingTerm], limit: Limit?, to root: Int) {
        if !orderBy.isEmpty {
            let order = graph.addNode("order by")
            graph.addEdge(root, order, "order")
            scopes[scopes.count - 1].orderingByAlias = true
            for (k, term) in orderBy.enumerated() {
                var label = "key\(k + 1) " + (term.direction == .descending ? "desc" : "asc")
                if let first = term.nullsFirst { label += first ? " nulls first" : " nulls last" }
                graph.addEdge(order, addExpression(term.expression), label)
            }
            scopes[scopes.count - 1].orderingByAlias = false
        }
        if let limit {
            graph.addEdge(root, addExpression(limit.count), "limit")
            if let offset = limit.offset { graph.addEdge(root, addExpression(offset), "offset") }
        }
    }

    /// The top-level AND conjuncts of `e`, left to right, a BETWEEN as its two bounds.
    static func conjuncts(_ e: Expression?) -> [Expression] {
        guard let e else { return [] }
        return flatten(.and, e).flatMap { conjunct -> [Expression] in
            if case .between(let value, let low, let high, negated: false) = conjunct.kind {
                return betweenBounds(value, low, high)
            }
            return [conjunct]
        }
    }

    /// `x BETWEEN a AND b` as SQLite reads it, `a <= x AND x <= b` (x is read once either way):
    /// the two comparisons, which a WHERE splits into conjuncts and an expression joins with AND.
    static func betweenBounds(_ value: Expression, _ low: Expression, _ high: Expression) -> [Expression] {
        [Expression(.binary(.lessThanOrEqual, low, value)), Expression(.binary(.lessThanOrEqual, value, high))]
    }
}
