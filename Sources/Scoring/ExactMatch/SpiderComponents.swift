/// The official partial-match functions (`eval_sel`, `eval_where`, ... in Spider's `evaluation.py`),
/// on rebuilt ``SpiderSQL`` trees.
enum SpiderComponents {
    /// Counts items of `predicted` found in `gold`, each gold item used at most once (`list.remove`).
    static func multisetMatches<T: Hashable>(_ predicted: [T], _ gold: [T]) -> Int {
        var remaining: [T: Int] = [:]
        for item in gold { remaining[item, default: 0] += 1 }
        var count = 0
        for item in predicted where remaining[item, default: 0] > 0 {
            remaining[item, default: 0] -= 1
            count += 1
        }
        return count
    }

    static func scores(_ prediction: SpiderSQL, _ gold: SpiderSQL) -> [ExactMatchComponent: ComponentScore] {
        var result: [ExactMatchComponent: ComponentScore] = [:]
        let p = prediction.select
        let g = gold.select
        result[.select] = ComponentScore(matched: multisetMatches(p, g), predictionCount: p.count, goldCount: g.count)
        result[.selectNoAggregate] = ComponentScore(
            matched: multisetMatches(p.map(\.value), g.map(\.value)), predictionCount: p.count, goldCount: g.count)
        let pw = SpiderSQL.units(prediction.whereConditions)
        let gw = SpiderSQL.units(gold.whereConditions)
        result[.whereClause] = ComponentScore(matched: multisetMatches(pw, gw), predictionCount: pw.count, goldCount: gw.count)
        result[.whereNoOperator] = ComponentScore(
            matched: multisetMatches(pw.map(\.value), gw.map(\.value)), predictionCount: pw.count, goldCount: gw.count)
        // group(no Having) compares column names without their table (`col.split(".")[1]`).
        let pg = prediction.groupBy.map { strippedTable($0.column) }
        let gg = gold.groupBy.map { strippedTable($0.column) }
        result[.groupNoHaving] = ComponentScore(matched: multisetMatches(pg, gg), predictionCount: pg.count, goldCount: gg.count)
        result[.group] = group(prediction, gold)
        result[.order] = order(prediction, gold)
        result[.andOr] = andOr(prediction, gold)
        result[.iuen] = iuen(prediction, gold)
        result[.keywords] = keywords(prediction, gold)
        return result
    }

    static func strippedTable(_ column: String) -> String {
        let parts = column.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count > 1 ? String(parts[1]) : column
    }

    static func group(_ prediction: SpiderSQL, _ gold: SpiderSQL) -> ComponentScore {
        let predictionTotal = prediction.groupBy.isEmpty ? 0 : 1
        let goldTotal = gold.groupBy.isEmpty ? 0 : 1
        let same = predictionTotal == 1 && goldTotal == 1
            && prediction.groupBy.map(\.column) == gold.groupBy.map(\.column) && prediction.having == gold.having
        return ComponentScore(matched: same ? 1 : 0, predictionCount: predictionTotal, goldCount: goldTotal)
    }

    static func order(_ prediction: SpiderSQL, _ gold: SpiderSQL) -> ComponentScore {
        let same = gold.orderBy != nil && prediction.orderBy == gold.orderBy && prediction.hasLimit == gold.hasLimit
        return ComponentScore(
            matched: same ? 1 : 0, predictionCount: prediction.orderBy == nil ? 0 : 1, goldCount: gold.orderBy == nil ? 0 : 1)
    }

    static func andOr(_ prediction: SpiderSQL, _ gold: SpiderSQL) -> ComponentScore {
        let p = Set(SpiderSQL.connectives(prediction.whereConditions))
        let g = Set(SpiderSQL.connectives(gold.whereConditions))
        if p == g { return ComponentScore(matched: 1, predictionCount: 1, goldCount: 1) }
        var score = ComponentScore(matched: p.intersection(g).count, predictionCount: p.count, goldCount: g.count)
        score.match = false
        return score
    }

    static func iuen(_ prediction: SpiderSQL, _ gold: SpiderSQL) -> ComponentScore {
        var goldTotal = 0
        var predictionTotal = 0
        var matched = 0
        for (p, g) in [(prediction.intersect, gold.intersect), (prediction.except, gold.except), (prediction.union, gold.union)] {
            if p != nil { predictionTotal += 1 }
            if g != nil { goldTotal += 1 }
            if let p, let g, ExactSetMatch.exactMatch(p.sql, g.sql) { matched += 1 }
        }
        return ComponentScore(matched: matched, predictionCount: predictionTotal, goldCount: goldTotal)
    }

    /// The official `get_keywords`.
    static func keywordSet(_ sql: SpiderSQL) -> Set<String> {
        var result: Set<String> = []
        if !sql.whereConditions.isEmpty { result.insert("where") }
        if !sql.groupBy.isEmpty { result.insert("group") }
        if !sql.having.isEmpty { result.insert("having") }
        if let orderBy = sql.orderBy {
            result.insert(orderBy.direction)
            result.insert("order")
        }
        if sql.hasLimit { result.insert("limit") }
        if sql.except != nil { result.insert("except") }
        if sql.union != nil { result.insert("union") }
        if sql.intersect != nil { result.insert("intersect") }
        let all = sql.fromConditions + sql.whereConditions + sql.having
        if SpiderSQL.connectives(all).contains("or") { result.insert("or") }
        let units = SpiderSQL.units(all)
        if units.contains(where: \.not) { result.insert("not") }
        if units.contains(where: { $0.op == "in" }) { result.insert("in") }
        if units.contains(where: { $0.op == "like" }) { result.insert("like") }
        return result
    }

    static func keywords(_ prediction: SpiderSQL, _ gold: SpiderSQL) -> ComponentScore {
        let p = keywordSet(prediction)
        let g = keywordSet(gold)
        return ComponentScore(matched: p.intersection(g).count, predictionCount: p.count, goldCount: g.count)
    }
}
