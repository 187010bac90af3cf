import PropertyGraph
import QuiverCore

extension QueryPlanner {
    /// Lowers one WITH / RETURN (``ProjectionBlock``); `input` is the MATCH right before it, if any.
    func planProjection(_ block: ProjectionBlock, input: (logical: PatternMatch, physical: MatchOperator)?) throws(QueryError) {
        if let top = block.topBefore {
            var projection = block.projection
            (projection.orderBy, projection.skip, projection.limit) = (top.keys, top.skip, top.limit)
            try planSortBeforeProjection(projection, scan: input?.logical.topKScan == true ? input?.physical : nil)
            return
        }
        if block.skipBefore != nil || block.limitBefore != nil {
            let skip = try block.skipBefore.map { e throws(QueryError) in try count(e, "SKIP") } ?? 0
            let limit = try block.limitBefore.map { e throws(QueryError) in try count(e, "LIMIT") }
            append(SkipLimitOperator(skip: skip, limit: limit, stopsEarly: context.snapshot != nil))
        }
        try planProjection(block.projection, predicate: block.predicate, strategy: block.strategy,
                           input: block.skipBefore == nil && block.limitBefore == nil ? input?.physical : nil)
    }

    /// Plans WITH / RETURN: projection or aggregation (run as `strategy` says when `input` is the
    /// MATCH right before it), DISTINCT, ORDER BY, SKIP, LIMIT, WHERE.
    private func planProjection(
        _ projection: Projection, predicate: Expression?, strategy: AggregationStrategy?, input match: MatchOperator?
    ) throws(QueryError) {
        var items: [(expression: Expression, name: String)] = []
        if projection.includesAll {
            for name in layout.names.sorted() {
                items.append((Expression(.variable(name), range: projection.range), name))
            }
        }
        for item in projection.items { items.append((item.expression, item.columnName)) }
        let aggregating = items.contains { $0.expression.containsAggregate }
        let before = layout
        let newLayout = Layout(names: items.map(\.name))
        var keepInput = false
        var itemColumns: [String: Int] = [:]
        for (index, item) in items.enumerated() where item.expression.range.end.offset > item.expression.range.start.offset {
            itemColumns[context.normalizedText(item.expression.range)] = index
        }
        if aggregating {
            let inner = ExpressionCompiler(layout: before, context: context)
            var keys: [Expr] = []
            var keyColumns: [String: Int] = [:]
            var keyOfItem: [Int: Int] = [:]
            for (index, item) in items.enumerated() where !item.expression.containsAggregate {
                keyOfItem[index] = keys.count
                keyColumns[context.normalizedText(item.expression.range)] = keys.count
                keys.append(try inner.compile(item.expression))
            }
            let postLayout = Layout()
            let base = postLayout.reserve(keys.count + 64) - 0 + keys.count
            let collector = AggregationCollector(keyColumns: keyColumns, base: base - 0, inner: inner)
            let post = ExpressionCompiler(layout: postLayout, context: context)
            post.aggregation = collector
            var outputs: [Expr] = []
            for (index, item) in items.enumerated() {
                if let key = keyOfItem[index] { outputs.append(.slot(key)) } else { outputs.append(try post.compile(item.expression)) }
            }
            var specs = collector.specs
            if case .countedHops? = strategy, let match {
                specs = countPushDown(specs, keyItems: items.filter { !$0.expression.containsAggregate }.map(\.expression),
                                      layout: before, match: match) ?? specs
            }
            let aggregate = AggregateOperator(keys: keys, specs: specs, outputs: outputs)
            if case .countedHops(fused: true)? = strategy, let match,
                let fused = GroupedCountOperator(match: match, keys: keys, specs: specs, outputs: outputs, general: aggregate) {
                match.bypass = true
                append(fused)
            } else if case .reachableCount? = strategy, let match,
                let fused = ReachableCountOperator(match: match, keys: keys, specs: specs, outputs: outputs, general: aggregate) {
                match.bypass = true
                append(fused)
            } else {
                append(aggregate)
            }
        } else {
            var exprs: [Expr] = []
            let itemCompiler = ExpressionCompiler(layout: before, context: context)
            for item in items { exprs.append(try itemCompiler.compile(item.expression)) }
            keepInput = !projection.orderBy.isEmpty || predicate != nil
            append(ProjectOperator(exprs, keepInput: keepInput))
            if keepInput {
                for name in before.names where newLayout.slot(name) == nil {
                    if let slot = before.slot(name) { newLayout.add(name, at: items.count + slot) }
                }
                _ = newLayout.reserve(max(0, items.count + before.width - newLayout.width))
            }
        }
        if projection.distinct { append(DistinctOperator(width: items.count)) }
        if !projection.orderBy.isEmpty {
            let orderCompiler = ExpressionCompiler(layout: newLayout, context: context)
            orderCompiler.itemColumns = itemColumns
            var keys: [(Expr, ascending: Bool)] = []
            for sortItem in projection.orderBy {
                keys.append((try orderCompiler.compile(sortItem.expression), sortItem.ascending))
            }
            let skip = try projection.skip.map { e throws(QueryError) in try count(e, "SKIP") } ?? 0
            let limit = try projection.limit.map { e throws(QueryError) in try count(e, "LIMIT") }
            append(SortOperator(keys, keep: limit.map { $0 + skip }))
        }
        let skip = try projection.skip.map { e throws(QueryError) in try count(e, "SKIP") } ?? 0
        let limit = try projection.limit.map { e throws(QueryError) in try count(e, "LIMIT") }
        if skip > 0 || limit != nil { append(SkipLimitOperator(skip: skip, limit: limit, stopsEarly: context.snapshot != nil)) }
        if let predicate {
            let whereCompiler = ExpressionCompiler(layout: newLayout, context: context)
            whereCompiler.itemColumns = itemColumns
            append(FilterOperator(try whereCompiler.compile(predicate)))
        }
        if keepInput { append(TruncateOperator(width: items.count)) }
        layout = Layout(names: items.map(\.name))
        columns = items.map(\.name)
    }

    /// A Top pushed below a plain projection: sort (top-k) on the input rows first, so only the
    /// rows that survive are projected; `scan` is the MATCH to push the top-k into, if any.
    private func planSortBeforeProjection(_ projection: Projection, scan: MatchOperator?) throws(QueryError) {
        let before = layout
        var items: [(expression: Expression, name: String)] = []
        if projection.includesAll {
            for name in layout.names.sorted() { items.append((Expression(.variable(name), range: projection.range), name)) }
        }
        for item in projection.items { items.append((item.expression, item.columnName)) }
        var exprs: [Expr] = []
        let itemCompiler = ExpressionCompiler(layout: before, context: context)
        for item in items { exprs.append(try itemCompiler.compile(item.expression)) }
        let sortCompiler = ExpressionCompiler(layout: before, context: context)
        for (index, item) in items.enumerated() where item.expression.range.end.offset > item.expression.range.start.offset {
            sortCompiler.itemColumns[context.normalizedText(item.expression.range)] = index
        }
        sortCompiler.itemExpressions = exprs
        for (index, item) in items.enumerated() { sortCompiler.aliasColumns[item.name] = index }
        var keys: [(Expr, ascending: Bool)] = []
        for sortItem in projection.orderBy {
            keys.append((try sortCompiler.compile(sortItem.expression), sortItem.ascending))
        }
        let skip = try projection.skip.map { e throws(QueryError) in try count(e, "SKIP") } ?? 0
        let limit = try projection.limit.map { e throws(QueryError) in try count(e, "LIMIT") }
        let sort = SortOperator(keys, keep: limit.map { $0 + skip })
        if let scan {
            pushTopKIntoScan(sort, firstKey: keys[0].0, match: scan)
            if let keep = sort.keep { TopKScan.install(keys, keep: keep, on: scan) }
        }
        append(sort)
        append(SkipLimitOperator(skip: skip, limit: limit, stopsEarly: context.snapshot != nil))
        append(ProjectOperator(exprs, keepInput: false))
        layout = Layout(names: items.map(\.name))
        columns = items.map(\.name)
    }

    /// When the MATCH is a bare node scan and the first sort key is a property of that node, nodes
    /// that cannot enter the top k are skipped before they are bound.
    private func pushTopKIntoScan(_ sort: SortOperator, firstKey: Expr, match: MatchOperator) {
        guard !match.optional, match.matcher.steps.count == 1,
            case .scan(let check) = match.matcher.steps[0], case .property(.slot(let slot), let key) = firstKey,
            slot == check.slot
        else { return }
        match.matcher.scanPrefilter = { node, context in
            let value = key.resolve(in: context.store).map { context.store.nodeProperty(node, $0) } ?? .null
            return sort.admits(first: value)
        }
    }

    /// Count push-down: when the aggregation right after a MATCH only counts the rows of its last
    /// hop, the hop's matches are counted per row (often a degree lookup) instead of enumerated,
    /// and each count becomes a sum of those counts.
    private func countPushDown(
        _ specs: [AggregationCollector.Spec], keyItems: [Expression], layout before: Layout, match: MatchOperator
    ) -> [AggregationCollector.Spec]? {
        guard !match.optional, !specs.isEmpty else { return nil }
        let counted: PatternMatcher, countSlot: Int, hiddenSlots: Set<Int>
        if let chain = match.matcher.countingChain() {
            (counted, countSlot, hiddenSlots) = chain
        } else if let (single, slot, target, relationship) = match.matcher.countingLastExpansion() {
            (counted, countSlot, hiddenSlots) = (single, slot, [target, relationship])
        } else {
            return nil
        }
        let hidden = Set(before.slotsSnapshot.filter { hiddenSlots.contains($0.value) }.map(\.key))
        guard keyItems.allSatisfy({ $0.referencedNames.isDisjoint(with: hidden) }) else { return nil }
        for spec in specs where spec.distinct { return nil }
        for spec in specs {
            switch (spec.function, spec.arguments.first) {
            case (.countStar, nil): continue
            case (.count, .slot(let s)?) where hiddenSlots.contains(s): continue
            default: return nil
            }
        }
        // The hop's variables must not be read anywhere else after the MATCH.
        match.matcher = counted
        return specs.map { _ in AggregationCollector.Spec(function: .sum, distinct: false, arguments: [.slot(countSlot)]) }
    }

    /// The value of SKIP or LIMIT: a non-negative integer known before the query runs.
    private func count(_ e: Expression, _ what: String) throws(QueryError) -> Int {
        let value = try ExpressionCompiler(layout: Layout(), context: context).compile(e).evaluate([], ExecutionContext(store: context.store))
        switch value {
        case .int(let i) where i >= 0: return Int(i)
        case .int:
            throw QueryError(.syntaxError, code: "NegativeIntegerArgument", phase: .runtime,
                             message: "\(what) must not be negative", location: e.range.start)
        default:
            throw QueryError(.syntaxError, code: "InvalidArgumentType", phase: .runtime,
                             message: "\(what) must be an INTEGER, not \(value.typeName)", location: e.range.start)
        }
    }
}
