import PropertyGraph
import QuiverCore

/// A planned single query: push the empty row into `head`, then read `sink`.
struct SingleQueryPlan {
    let head: Operator
    let sink: CollectOperator
    let columns: [String]
    /// Each physical operator's estimated rows (that of the logical operator it came from), when
    /// the planner was asked for them (EXPLAIN / PROFILE).
    var estimates: [ObjectIdentifier: Double] = [:]

    /// Pushes the one empty row that starts a query, then finishes the pipeline; a LIMIT that has
    /// its rows (``QueryError/enoughRows``) ends the reading, and the pipeline finishes as usual.
    func run(_ context: ExecutionContext) throws(QueryError) {
        var empty: [Value] = []
        do {
            try head.push(&empty, context)
        } catch where error.isEnoughRows {}
        try head.finish(context)
    }
}

/// Turns the clauses of a single query into a chain of push-based operators.
final class QueryPlanner {
    let context: PlanContext
    var layout = Layout()
    private var head = Operator()
    private(set) var tail: Operator
    /// The MATCH just lowered, while the next operator is being lowered (count push-down and
    /// the top-k scan work on its compiled pattern).
    private var lastMatch: (logical: PatternMatch, physical: MatchOperator)?
    var columns: [String] = []
    /// Set for EXPLAIN / PROFILE: the statistics every operator's row estimate comes from.
    var statistics: GraphStatistics?
    /// The logical chain being lowered, its estimates, and the operators of the current step.
    private var estimating: (chain: [LogicalPlan], rows: [Double], steps: Range<Int>)?
    private var estimates: [ObjectIdentifier: Double] = [:]
    private var lastEstimate = 1.0

    init(context: PlanContext, layout: Layout = Layout()) {
        self.context = context
        self.layout = layout
        tail = head
    }

    var compiler: ExpressionCompiler { ExpressionCompiler(layout: layout, context: context) }

    /// The start of the clause being planned; operators appended now report errors there.
    private var clauseLocation: SourceLocation?
    private var clauseRange: SourceRange?

    func append(_ op: Operator) {
        op.location = clauseLocation
        op.clauseRange = clauseRange
        tail.next = op
        tail = op
        if let estimating {
            let rows = PlanEstimates.logicalIndex(of: op, in: estimating.chain, estimating.steps).map { estimating.rows[$0] }
            lastEstimate = rows ?? lastEstimate
            estimates[ObjectIdentifier(op)] = lastEstimate
        }
    }

    /// The logical plan of `query` after the standard rewrite passes, its rows starting with the
    /// variables this planner's layout already binds.
    func logicalPlan(_ query: SingleQuery) -> LogicalPlan {
        LogicalOptimizer.standard.optimize(LogicalPlanner(procedures: context.procedures).plan(query, scope: layout.names))
    }

    func plan(_ query: SingleQuery) throws(QueryError) -> SingleQueryPlan {
        try lower(logicalPlan(query))
    }

    /// Lowers a single query's logical plan to the physical operators, from the leaf up.
    func lower(_ plan: LogicalPlan) throws(QueryError) -> SingleQueryPlan {
        let chain = plan.chain
        var rows: [Double] = []
        if let statistics {
            var estimator = CardinalityEstimator(statistics: statistics, parameters: context.parameters)
            for name in layout.names { estimator.bindings[name] = .init(kind: .value, distinct: nil) }
            rows = estimator.rows(along: chain)
        }
        var index = 0
        while index < chain.count {
            let node = chain[index]
            clauseLocation = node.clause.start
            clauseRange = node.clause
            if statistics != nil { estimating = (chain, rows, index..<Self.stepEnd(chain, at: index)) }
            do {
                index = try lower(chain, at: index)
            } catch {
                throw error.located(at: node.clause.start)
            }
        }
        if statistics != nil { estimating = (chain, rows, chain.count - 1..<chain.count) }
        let sink = CollectOperator(width: columns.count)
        append(sink)
        return SingleQueryPlan(head: head, sink: sink, columns: columns, estimates: estimates)
    }

    /// The end of the logical operators lowered together from `index` (a WITH / RETURN block).
    private static func stepEnd(_ chain: [LogicalPlan], at index: Int) -> Int {
        switch chain[index].op {
        case .projection, .aggregation, .top, .sort, .skip, .limit, .distinct: ProjectionBlock(chain, at: index).end
        default: index + 1
        }
    }

    /// Lowers the operator at `index` (with the operators of its WITH / RETURN, for a projection)
    /// and returns the index of the next one to lower.
    private func lower(_ chain: [LogicalPlan], at index: Int) throws(QueryError) -> Int {
        let node = chain[index]
        let match = lastMatch
        lastMatch = nil
        switch node.op {
        case .argument:
            break
        case .match(let written):
            let (m, fromLastNode) = joinOrder(written)
            let matcher = try PatternCompiler(compiler: compiler).compile(m, fromLastNode: fromLastNode)
            let op = MatchOperator(matcher, optional: m.optional)
            append(op)
            lastMatch = (m, op)
        case .unwind(let expression, let variable):
            let compiled = try compiler.compile(expression)
            append(UnwindOperator(compiled, slot: layout.add(variable)))
        case .filter(let conjuncts):
            append(FilterOperator(try compiler.compile(Self.conjunction(conjuncts))))
        case .projection, .aggregation, .top, .sort, .skip, .limit, .distinct:
            let block = ProjectionBlock(chain, at: index)
            try planProjection(block, input: match)
            return block.end
        case .produceResults(let returns):
            if !returns { columns = [] }
        case .create(let c):
            var parts: [PartCreation] = []
            for part in c.pattern.parts { parts.append(try creation(part)) }
            append(CreateOperator(parts))
        case .merge(let m):
            try planMerge(m)
        case .set(let s):
            append(SetOperator(try setActions(s.items)))
        case .remove(let r):
            var actions: [SetAction] = []
            for item in r.items {
                switch item.kind {
                case .property(let target, let key):
                    actions.append(.property(target: try compiler.compile(target), key: key, value: nil))
                case .labels(let variable, let labels):
                    actions.append(.removeLabels(target: try variableExpr(variable), labels: labels))
                }
            }
            append(SetOperator(actions))
        case .delete(let d):
            var expressions: [Expr] = []
            for e in d.expressions { expressions.append(try compiler.compile(e)) }
            append(DeleteOperator(expressions, detach: d.detach))
        case .eager:
            append(EagerOperator())
        case .procedureCall(let call, let standalone):
            try planCall(call, standalone: standalone)
        case .callSubquery(let subquery, _):
            try planSubquery(subquery)
        case .loadCSV(let load):
            let source = try compiler.compile(load.source)
            append(LoadCSVOperator(source, withHeaders: load.withHeaders,
                                   delimiter: load.fieldTerminator?.utf8.first ?? UInt8(ascii: ","),
                                   slot: layout.add(load.variable.name)))
        case .union:
            throw QueryError(.semanticError, code: "InvalidQuery", phase: .compileTime,
                             message: "a UNION is planned part by part", location: node.clause.start)
        }
        return index + 1
    }

    private func planMerge(_ m: Merge) throws(QueryError) {
        let before = layout.slotsSnapshot
        let (_, fromLastNode) = joinOrder(PatternMatch(parts: [m.part], predicates: [], optional: false,
                                                      introduced: LogicalPlanner.patternNames([m.part]).filter { layout.slot($0) == nil }))
        let matcher = try PatternCompiler(compiler: compiler).compile([m.part], predicate: nil, optional: false,
                                                                      fromLastNode: fromLastNode)
        let afterMatch = layout.slotsSnapshot
        layout.restore(before)
        let create = try creation(m.part, reuseSlots: afterMatch)
        var onCreate: [SetAction] = [], onMatch: [SetAction] = []
        for action in m.actions {
            let compiled = try setActions(action.items)
            if action.trigger == .onCreate { onCreate += compiled } else { onMatch += compiled }
        }
        append(MergeOperator(matcher: matcher, creation: create, onCreate: onCreate, onMatch: onMatch))
    }

    /// The MATCH's paths in the order the estimates choose, and the end each starts from
    /// (``JoinOrder``); as written when there is nothing to choose.
    private func joinOrder(_ match: PatternMatch) -> (PatternMatch, [Bool]) {
        let layout = self.layout
        let isBound = { (name: String) in !name.hasPrefix(" ") && layout.slot(name) != nil }
        guard JoinOrder.hasChoice(match.parts, isBound: isBound) else { return (match, []) }
        let statistics = self.statistics ?? GraphStatistics(context.store)
        if JoinOrder.keepsFirstNode(match, isBound: isBound, statistics: statistics) { return (match, []) }
        let estimator = CardinalityEstimator(statistics: statistics, parameters: context.parameters)
        var order = JoinOrder(estimator: estimator)
        return order.choose(match, bound: Set(layout.names))
    }

    /// The conjuncts as one predicate (the single one as written).
    static func conjunction(_ conjuncts: [Expression]) -> Expression {
        var result = conjuncts[0]
        for next in conjuncts.dropFirst() {
            result = Expression(.binary(.and, result, next), range: SourceRange(start: result.range.start, end: next.range.end))
        }
        return result
    }

    private func variableExpr(_ variable: Variable) throws(QueryError) -> Expr {
        try compiler.compile(Expression(.variable(variable.name), range: variable.range))
    }

    private func setActions(_ items: [SetItem]) throws(QueryError) -> [SetAction] {
        var actions: [SetAction] = []
        for item in items {
            switch item.kind {
            case .property(let target, let key, let value):
                actions.append(.property(target: try compiler.compile(target), key: key, value: try compiler.compile(value)))
            case .replaceProperties(let variable, let value):
                actions.append(.replace(target: try variableExpr(variable), value: try compiler.compile(value)))
            case .mergeProperties(let variable, let value):
                actions.append(.merge(target: try variableExpr(variable), value: try compiler.compile(value)))
            case .labels(let variable, let labels):
                actions.append(.addLabels(target: try variableExpr(variable), labels: labels))
            }
        }
        return actions
    }

    /// The creation plan of one pattern part; new variables get slots (the MERGE matcher's, if given).
    private func creation(_ part: PatternPart, reuseSlots: [String: Int]? = nil) throws(QueryError) -> PartCreation {
        var nodes: [NodeCreation] = [], rels: [RelationshipCreation] = []
        var nodeSlots: [Int] = []
        func slot(_ variable: Variable?) -> (Int, Bool) {
            if let name = variable?.name {
                if let existing = layout.slot(name) { return (existing, true) }
                if let reused = reuseSlots?[name] { return (layout.add(name, at: reused), false) }
                return (layout.add(name), false)
            }
            return (layout.hidden(), false)
        }
        for node in part.element.nodes {
            let (s, existing) = slot(node.variable)
            let alreadyCreated = nodes.contains { $0.slot == s }
            nodeSlots.append(s)
            if alreadyCreated { continue }
            nodes.append(NodeCreation(slot: s, existing: existing, labels: node.labels,
                                      properties: try node.properties.map { e throws(QueryError) in try compiler.compile(e) }))
        }
        var relSlots: [Int] = []
        for (index, rel) in part.element.relationships.enumerated() {
            let (s, _) = slot(rel.variable)
            relSlots.append(s)
            guard let type = rel.types.first else {
                throw QueryError(.semanticError, code: "NoSingleRelationshipType", phase: .compileTime,
                                 message: "a created relationship needs exactly one type", location: rel.range.start)
            }
            let (from, to) = rel.direction == .incoming ? (nodeSlots[index + 1], nodeSlots[index]) : (nodeSlots[index], nodeSlots[index + 1])
            rels.append(RelationshipCreation(slot: s, type: type, from: from, to: to,
                                             properties: try rel.properties.map { e throws(QueryError) in try compiler.compile(e) }))
        }
        let pathSlot = part.variable.map { v in reuseSlots?[v.name].map { s in layout.add(v.name, at: s) } ?? layout.add(v.name) }
        return PartCreation(nodes: nodes, relationships: rels, pathSlot: pathSlot, startSlot: nodeSlots[0], relationshipSlots: relSlots)
    }
}
