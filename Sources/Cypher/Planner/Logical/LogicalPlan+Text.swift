import QuiverCore

extension LogicalPlan {
    /// The plan as an indented tree, root first, one operator per line with its arguments as
    /// written in `source` (the query text the plan was built from).
    ///
    /// ```
    /// ProduceResults
    ///   Projection p.name
    ///     Top p.age DESC LIMIT 3
    ///       Match (p:Person) WHERE p.age > 30
    ///         Argument
    /// ```
    func text(source: String) -> String {
        var lines: [String] = []
        render(into: &lines, depth: 0, source: Array(source.utf8))
        return lines.joined(separator: "\n")
    }

    private func render(into lines: inout [String], depth: Int, source: [UInt8]) {
        let indent = String(repeating: "  ", count: depth)
        let details = op.details { Self.written($0, source) }
        lines.append(indent + op.name + (details.isEmpty ? "" : " " + details))
        if case .callSubquery(_, let body) = op { body.render(into: &lines, depth: depth + 1, source: source) }
        for input in inputs { input.render(into: &lines, depth: depth + 1, source: source) }
    }

    /// The text of `range`, whitespace runs folded to one space.
    static func written(_ range: SourceRange, _ source: [UInt8]) -> String {
        let start = max(0, min(range.start.offset, source.count)), end = max(start, min(range.end.offset, source.count))
        return String(decoding: source[start..<end], as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension LogicalOperator {
    /// Neo4j's operator name where one fits.
    var name: String {
        switch self {
        case .argument: "Argument"
        case .match(let m): (m.optional ? "OptionalMatch" : "Match") + (m.repeatsPaths ? " (Repeat(Trail))" : "")
        case .unwind: "Unwind"
        case .loadCSV: "LoadCSV"
        case .filter: "Filter"
        case .projection: "Projection"
        case .aggregation(_, let strategy):
            switch strategy {
            case .general: "EagerAggregation"
            case .countedHops(fused: false): "EagerAggregation (counted hops)"
            case .countedHops(fused: true): "EagerAggregation (grouped degree count)"
            case .reachableCount: "EagerAggregation (distinct reachable count)"
            }
        case .distinct: "Distinct"
        case .sort: "Sort"
        case .top: "Top"
        case .skip: "Skip"
        case .limit: "Limit"
        case .create: "Create"
        case .merge: "Merge"
        case .set: "SetProperty"
        case .remove: "Remove"
        case .delete(let d): d.detach ? "DetachDelete" : "Delete"
        case .eager: "Eager"
        case .procedureCall: "ProcedureCall"
        case .callSubquery: "Apply (CALL subquery)"
        case .union(let all): all ? "UnionAll" : "Union"
        case .produceResults: "ProduceResults"
        }
    }

    /// The operator's arguments, with `text` giving the written text of a range.
    func details(_ text: (SourceRange) -> String) -> String {
        func sortKeys(_ keys: [SortItem]) -> String {
            keys.map { text($0.expression.range) + ($0.ascending ? "" : " DESC") }.joined(separator: ", ")
        }
        func items(_ items: ProjectionItems) -> String {
            ((items.includesAll ? ["*"] : []) + items.items.map { item in
                let written = text(item.expression.range)
                return item.alias.map { "\(written) AS \($0.name)" } ?? written
            }).joined(separator: ", ")
        }
        switch self {
        case .argument(let names): return names.joined(separator: ", ")
        case .match(let m):
            var out = m.parts.map { text($0.range) }.joined(separator: ", ")
            if !m.seeks.isEmpty {
                out += " SEEK " + m.seeks.map { "\($0.variable).\($0.key) = \(text($0.value.range))" }.joined(separator: ", ")
            }
            if !m.predicates.isEmpty { out += " WHERE " + m.predicates.map { text($0.range) }.joined(separator: " AND ") }
            if m.topKScan { out += " (top-k scan)" }
            return out
        case .unwind(let e, let variable): return "\(text(e.range)) AS \(variable)"
        case .loadCSV(let load): return "\(text(load.source.range)) AS \(load.variable.name)"
        case .filter(let conjuncts): return conjuncts.map { text($0.range) }.joined(separator: " AND ")
        case .projection(let p), .aggregation(let p, _): return items(p)
        case .sort(let keys): return sortKeys(keys)
        case .top(let keys, let skip, let limit):
            return sortKeys(keys) + (skip.map { " SKIP " + text($0.range) } ?? "") + " LIMIT " + text(limit.range)
        case .skip(let e), .limit(let e): return text(e.range)
        case .create(let c): return text(c.pattern.range)
        case .merge(let m): return text(m.part.range)
        case .set(let s): return text(s.range)
        case .remove(let r): return text(r.range)
        case .delete(let d): return d.expressions.map { text($0.range) }.joined(separator: ", ")
        case .procedureCall(let call, _): return call.qualifiedName
        case .callSubquery, .distinct, .eager, .union, .produceResults: return ""
        }
    }
}
