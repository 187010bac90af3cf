import Cypher
import QuiverCore

/// The mutable state of one ``CypherQueryGraph`` construction.
struct CypherGraphBuilder {
    private var graph = QueryGraph()
    /// What each variable currently names.
    private var scope: [String: Int] = [:]
    /// Labels and clause prefix of each entity node, applied at the end (labels can be added later).
    private var entityLabels: [Int: Set<String>] = [:]
    private var entityPrefix: [Int: String] = [:]
    /// Relationship-pattern nodes (so a relationship variable used again names the same node).
    private var relationshipNodes: Set<Int> = []
    /// Property-read nodes, shared per (subject node, key).
    private var propertyReads: [PropertyKey: Int] = [:]
    /// Property constraints already added, so writing one twice does not add it twice.
    private var constraints: Set<Constraint> = []
    private var stage = 0
    /// Entity and relationship nodes the current clause introduced (not bound by an earlier one).
    private var introduced: Set<Int> = []

    /// Levels of expression being built right now, and the error once they passed the limit.
    private var depth = 0
    private(set) var tooDeep: QueryError?

    private struct PropertyKey: Hashable { var subject: Int; var key: String }
    private struct Constraint: Hashable { var entity: Int; var text: String }

    mutating func finish() -> QueryGraph {
        for (node, labels) in entityLabels {
            let prefix = entityPrefix[node] ?? ""
            graph.nodes[node] = prefix + "node" + (labels.isEmpty ? "" : ":" + labels.sorted().joined(separator: ":"))
        }
        return graph
    }

    mutating func add(_ query: Query) {
        let roots = query.parts.map { add($0) }
        guard let last = query.unions.last else { return }
        let union = graph.addNode(last.all ? "union all" : "union")
        for root in roots { graph.addEdge(union, root, "part") }
    }

    private mutating func add(_ single: SingleQuery) -> Int {
        scope = [:]
        let root = graph.addNode("query")
        stage = root
        for clause in single.clauses { add(clause) }
        return root
    }

    private mutating func add(_ clause: Clause) {
        switch clause {
        case .match(let m):
            introduced = []
            for part in m.pattern.parts { addPart(part, prefix: m.optional ? "optional " : "") }
            if let predicate = m.predicate {
                // An OPTIONAL MATCH's WHERE decides whether the optional part matches; it filters
                // nothing bound earlier. So it is its own edge label, and `n.k = v` there is `{k: v}`
                // only for an n this clause introduced.
                if m.optional {
                    addPredicate(predicate, canonicalEqualities: true, edge: "optional where", only: introduced)
                } else {
                    addPredicate(predicate, canonicalEqualities: true)
                }
            }
        case .unwind(let u):
            let node = graph.addNode("unwind")
            graph.addEdge(node, addExpression(u.expression), "arg")
            graph.addEdge(stage, node, "unwind")
            scope[u.variable.name] = node
        case .with(let w):
            addProjection(w.projection, kind: "with")
            if let predicate = w.predicate { addPredicate(predicate, canonicalEqualities: false) }
        case .return(let r):
            addProjection(r.projection, kind: "return")
        case .create(let c):
            for part in c.pattern.parts { addPart(part, prefix: "create ") }
        case .merge(let m):
            addPart(m.part, prefix: "merge ")
            for action in m.actions {
                addSetItems(action.items, label: action.trigger == .onCreate ? "on create set" : "on match set")
            }
        case .set(let s):
            addSetItems(s.items, label: "set")
        case .remove(let r):
            for item in r.items {
                let node: Int
                switch item.kind {
                case .property(let target, let key):
                    node = graph.addNode("remove .\(key)")
                    graph.addEdge(node, addExpression(target), "of")
                case .labels(let variable, let labels):
                    node = graph.addNode("remove :" + labels.sorted().joined(separator: ":"))
                    graph.addEdge(node, variableNode(variable.name), "of")
                }
                graph.addEdge(stage, node, "update")
            }
        case .delete(let d):
            let node = graph.addNode(d.detach ? "detach delete" : "delete")
            for e in d.expressions { graph.addEdge(node, addExpression(e), "arg") }
            graph.addEdge(stage, node, "update")
        case .call(let c):
            let node = graph.addNode("call " + c.qualifiedName.lowercased())
            for (k, e) in (c.arguments ?? []).enumerated() { graph.addEdge(node, addExpression(e), "arg\(k)") }
            graph.addEdge(stage, node, "call")
            for item in c.yield?.items ?? [] {
                let field = graph.addNode("yield \(item.field)")
                graph.addEdge(field, node, "of")
                scope[item.boundName] = field
            }
            if let predicate = c.yield?.predicate { addPredicate(predicate, canonicalEqualities: false) }
        case .subquery(let s):
            // The subquery hangs off this stage; its clauses see the outer variables (imports link
            // to the same nodes) and its RETURN names join the outer scope.
            let outerScope = scope, outerStage = stage
            let node = graph.addNode(s.inTransactions ? "call subquery in transactions" : "call subquery")
            graph.addEdge(outerStage, node, "call")
            var returned: [String: Int] = [:]
            for part in s.query.parts {
                scope = outerScope
                stage = node
                for clause in part.clauses { add(clause) }
                for (name, value) in scope where outerScope[name] == nil { returned[name] = value }
            }
            scope = outerScope.merging(returned) { outer, _ in outer }
            stage = outerStage
        case .loadCSV(let l):
            let node = graph.addNode(l.withHeaders ? "load csv with headers" : "load csv")
            graph.addEdge(node, addExpression(l.source), "from")
            graph.addEdge(stage, node, "read")
            scope[l.variable.name] = node
        }
    }

    private mutating func addSetItems(_ items: [SetItem], label: String) {
        for item in items {
            let node: Int
            switch item.kind {
            case .property(let target, let key, let value):
                node = graph.addNode("\(label) .\(key)")
                graph.addEdge(node, addExpression(target), "of")
                graph.addEdge(node, addExpression(value), "value")
            case .replaceProperties(let variable, let value):
                node = graph.addNode("\(label) =")
                graph.addEdge(node, variableNode(variable.name), "of")
                graph.addEdge(node, addExpression(value), "value")
            case .mergeProperties(let variable, let value):
                node = graph.addNode("\(label) +=")
                graph.addEdge(node, variableNode(variable.name), "of")
                graph.addEdge(node, addExpression(value), "value")
            case .labels(let variable, let labels):
                node = graph.addNode("\(label) :" + labels.sorted().joined(separator: ":"))
                graph.addEdge(node, variableNode(variable.name), "of")
            }
            graph.addEdge(stage, node, "update")
        }
    }

    private mutating func addProjection(_ p: Projection, kind: String) {
        let node = graph.addNode(kind + (p.distinct ? " distinct" : "") + (p.includesAll ? " *" : ""))
        graph.addEdge(stage, node, "then")
        stage = node
        var bound: [String: Int] = [:]
        for item in p.items {
            let value = addExpression(item.expression)
            graph.addEdge(node, value, "item")
            if let alias = item.alias { bound[alias.name] = value }
        }
        scope.merge(bound) { _, new in new }
        for (k, key) in p.orderBy.enumerated() {
            graph.addEdge(node, addExpression(key.expression), "order\(k + 1) \(key.ascending ? "asc" : "desc")")
        }
        if let skip = p.skip { graph.addEdge(node, addExpression(skip), "skip") }
        if let limit = p.limit { graph.addEdge(node, addExpression(limit), "limit") }
    }

    // MARK: patterns

    private mutating func variableNode(_ name: String) -> Int {
        if let node = scope[name] { return node }
        let node = graph.addNode("variable")
        scope[name] = node
        return node
    }

    private mutating func entity(_ pattern: NodePattern, prefix: String) -> Int {
        let node: Int
        if let name = pattern.variable?.name, let known = scope[name], entityLabels[known] != nil {
            node = known
        } else {
            node = graph.addNode("node")
            introduced.insert(node)
            entityLabels[node] = []
            entityPrefix[node] = prefix
            if let name = pattern.variable?.name { scope[name] = node }
        }
        entityLabels[node, default: []].formUnion(pattern.labels)
        addProperties(pattern.properties, of: node)
        return node
    }

    private mutating func addProperties(_ properties: Expression?, of node: Int) {
        guard let properties else { return }
        if case .map(let entries) = properties.kind {
            for entry in entries { addConstraint(node, key: entry.key, value: entry.value) }
        } else {
            graph.addEdge(node, addExpression(properties), "properties")
        }
    }

    @discardableResult
    private mutating func addPart(_ part: PatternPart, prefix: String) -> [Int] {
        let relationships = addPath(part.element, prefix: prefix)
        if part.variable != nil || part.selector != .all {
            let label: String
            switch part.selector {
            case .all: label = "path"
            case .shortestPath: label = "shortestPath"
            case .allShortestPaths: label = "allShortestPaths"
            }
            let path = graph.addNode(label)
            for r in relationships { graph.addEdge(path, r, "step") }
            if let name = part.variable?.name { scope[name] = path }
        }
        return relationships
    }

    private mutating func addPath(_ path: PathPattern, prefix: String) -> [Int] {
        var left = entity(path.start, prefix: prefix)
        var relationships: [Int] = []
        for step in path.steps {
            let right = entity(step.node, prefix: prefix)
            let r = step.relationship
            let rel: Int
            if let name = r.variable?.name, let known = scope[name], relationshipNodes.contains(known) {
                rel = known
            } else {
                rel = graph.addNode(prefix + relationshipLabel(r))
                introduced.insert(rel)
                relationshipNodes.insert(rel)
                if let name = r.variable?.name { scope[name] = rel }
            }
            switch r.direction {
            case .outgoing:
                graph.addEdge(left, rel, "start")
                graph.addEdge(rel, right, "end")
            case .incoming:
                graph.addEdge(right, rel, "start")
                graph.addEdge(rel, left, "end")
            case .both:
                graph.addEdge(left, rel, "either")
                graph.addEdge(right, rel, "either")
            }
            addProperties(r.properties, of: rel)
            relationships.append(rel)
            left = right
        }
        return relationships
    }

    private func relationshipLabel(_ r: RelationshipPattern) -> String {
        var label = "rel"
        if !r.types.isEmpty { label += ":" + r.types.sorted().joined(separator: "|") }
        if let length = r.length {
            label += "*\(length.minimum ?? 1).." + (length.maximum.map { String($0) } ?? "")
        }
        return label
    }

    // MARK: predicates

    private mutating func addPredicate(
        _ predicate: Expression, canonicalEqualities: Bool, edge: String = "where", only allowed: Set<Int>? = nil
    ) {
        for conjunct in Self.conjuncts(predicate) {
            if canonicalEqualities, let (node, key, value) = propertyEquality(conjunct, among: allowed) {
                addConstraint(node, key: key, value: value)
            } else {
                graph.addEdge(stage, addExpression(conjunct), edge)
            }
        }
    }

    /// `n.k = v` or `v = n.k` where n names a pattern entity or relationship: (node, k, v).
    private func propertyEquality(_ e: Expression, among allowed: Set<Int>?) -> (Int, String, Expression)? {
        guard case .binary(.equal, let l, let r) = e.kind else { return nil }
        for (side, other) in [(l, r), (r, l)] {
            if case .property(let subject, let key) = side.kind, case .variable(let name) = subject.kind,
               let node = scope[name], isPatternElement(node), allowed?.contains(node) ?? true {
                return (node, key, other)
            }
        }
        return nil
    }

    private func isPatternElement(_ node: Int) -> Bool {
        entityLabels[node] != nil || relationshipNodes.contains(node)
    }

    private mutating func addConstraint(_ node: Int, key: String, value: Expression) {
        if let text = Self.constantText(value) {
            let label = "\(key) = \(text)"
            guard constraints.insert(Constraint(entity: node, text: label)).inserted else { return }
            graph.addEdge(node, graph.addNode(label), "property")
        } else {
            let equal = graph.addNode("=")
            graph.addEdge(equal, propertyRead(node, key), "arg")
            graph.addEdge(equal, addExpression(value), "arg")
            graph.addEdge(stage, equal, "where")
        }
    }

    private mutating func propertyRead(_ subject: Int, _ key: String) -> Int {
        let k = PropertyKey(subject: subject, key: key)
        if let node = propertyReads[k] { return node }
        let node = graph.addNode("." + key)
        graph.addEdge(node, subject, "of")
        propertyReads[k] = node
        return node
    }

    // MARK: expressions

    private mutating func operatorNode(_ label: String, _ operands: [Expression], commutative: Bool) -> Int {
        let node = graph.addNode(label)
        for (k, operand) in operands.enumerated() {
            let edge = commutative ? "arg" : (operands.count == 2 ? (k == 0 ? "left" : "right") : "arg\(k)")
            graph.addEdge(node, addExpression(operand), edge)
        }
        return node
    }

    /// Adds an expression and returns its node; past ``NestingLimit/depth`` levels, a placeholder
    /// node and ``tooDeep`` set instead of recursing further.
    mutating func addExpression(_ e: Expression) -> Int {
        guard depth < NestingLimit.depth else {
            tooDeep = tooDeep ?? NestingLimit.exceeded("query graph of a Cypher query")
            return graph.addNode("…")
        }
        depth += 1
        defer { depth -= 1 }
        switch e.kind {
        case .literal(let literal):
            return graph.addNode(Self.literalText(literal))
        case .parameter(let name):
            return graph.addNode("$" + name)
        case .variable(let name):
            return variableNode(name)
        case .property(let subject, let key):
            return propertyRead(addExpression(subject), key)
        case .binary(let op, let l, let r):
            switch op {
            case .and, .or, .xor:
                return operatorNode(op.rawValue, Self.flatten(op, e), commutative: true)
            case .equal, .notEqual:
                return operatorNode(op.rawValue, [l, r], commutative: true)
            case .greater:
                return operatorNode(BinaryOperator.less.rawValue, [r, l], commutative: false)
            case .greaterOrEqual:
                return operatorNode(BinaryOperator.lessOrEqual.rawValue, [r, l], commutative: false)
            default:
                return operatorNode(op.rawValue, [l, r], commutative: false)
            }
        case .unary(let op, let operand):
            return operatorNode(op.rawValue, [operand], commutative: true)
        case .isNull(let operand, let negated):
            return operatorNode(negated ? "IS NOT NULL" : "IS NULL", [operand], commutative: true)
        case .hasLabels(let subject, let labels):
            return operatorNode(":" + labels.sorted().joined(separator: ":"), [subject], commutative: true)
        case .functionCall(let call):
            return operatorNode(call.lookupName + (call.distinct ? " distinct" : ""), call.arguments, commutative: false)
        case .countStar:
            return graph.addNode("count(*)")
        case .list(let elements):
            return operatorNode("list", elements, commutative: false)
        case .map(let entries):
            let node = graph.addNode("map")
            for entry in entries { graph.addEdge(node, addExpression(entry.value), "key " + entry.key) }
            return node
        case .pattern(let path):
            let node = graph.addNode("pattern")
            for r in addPath(path, prefix: "pattern ") { graph.addEdge(node, r, "step") }
            return node
        default:
            // Subscripts, CASE, comprehensions, quantifiers, reduce, map projections, subqueries:
            // the construct's name over its sub-expressions in order. The name is the case's
            // label (describing the whole case would print the whole sub-tree at every level).
            return operatorNode(Self.caseName(e.kind), e.subexpressions, commutative: false)
        }
    }
}
