import PropertyGraph
import QuiverCore

extension QueryPlanner {
    /// Plans WITH / RETURN: projection or aggregation, DISTINCT, ORDER BY, SKIP, LIMIT.
    func planProjection(_ projection: Projection, predicate: Expression? = nil) throws(QueryError) {
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
            let specs = countPushDown(collector.specs, keyItems: items.filter { !$0.expression.containsAggregate }.map(\.expression),
                                      layout: before) ?? collector.specs
            let aggregate = AggregateOperator(keys: keys, specs: specs, outputs: outputs)
            if let match = tail as? MatchOperator,
                let fused = GroupedCountOperator(match: match, keys: keys, specs: specs, outputs: outputs, general: aggregate) {
                match.bypass = true
                append(fused)
            } else if let match = tail as? MatchOperator,
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
            if try planSortBeforeProjection(projection, predicate: predicate, items: items, exprs: exprs,
                                            itemColumns: itemColumns, before: before) {
                return
            }
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

    /// ORDER BY … LIMIT over a plain projection: sort (top-k) on the input rows first, so only the
    /// rows that survive are projected.
    private func planSortBeforeProjection(
        _ projection: Projection, predicate: Expression?, items: [(expression: Expression, name: String)], exprs: [Expr],
        itemColumns: [String: Int], before: Layout
    ) throws(QueryError) -> Bool {
        guard !projection.orderBy.isEmpty, projection.limit != nil, !projection.distinct, predicate == nil else { return false }
        let sortCompiler = ExpressionCompiler(layout: before, context: context)
        sortCompiler.itemColumns = itemColumns
        sortCompiler.itemExpressions = exprs
        for (index, item) in items.enumerated() { sortCompiler.aliasColumns[item.name] = index }
        var keys: [(Expr, ascending: Bool)] = []
        for sortItem in projection.orderBy {
            keys.append((try sortCompiler.compile(sortItem.expression), sortItem.ascending))
        }
        let skip = try projection.skip.map { e throws(QueryError) in try count(e, "SKIP") } ?? 0
        let limit = try projection.limit.map { e throws(QueryError) in try count(e, "LIMIT") }
        let sort = SortOperator(keys, keep: limit.map { $0 + skip })
        pushTopKIntoScan(sort, firstKey: keys[0].0)
        if let keep = sort.keep { TopKScan.install(keys, keep: keep, on: tail) }
        append(sort)
        append(SkipLimitOperator(skip: skip, limit: limit, stopsEarly: context.snapshot != nil))
        append(ProjectOperator(exprs, keepInput: false))
        layout = Layout(names: items.map(\.name))
        columns = items.map(\.name)
        return true
    }

    /// When the MATCH is a bare node scan and the first sort key is a property of that node, nodes
    /// that cannot enter the top k are skipped before they are bound.
    private func pushTopKIntoScan(_ sort: SortOperator, firstKey: Expr) {
        guard let match = tail as? MatchOperator, !match.optional, match.matcher.steps.count == 1,
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
        _ specs: [AggregationCollector.Spec], keyItems: [Expression], layout before: Layout
    ) -> [AggregationCollector.Spec]? {
        guard let match = tail as? MatchOperator, !match.optional, !specs.isEmpty else { return nil }
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
