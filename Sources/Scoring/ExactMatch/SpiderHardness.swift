import QuiverCore
import SQL

/// Spider's difficulty levels.
public enum Hardness: String, Sendable, Hashable, CaseIterable, Codable {
    case easy, medium, hard, extra
}

/// The official Spider hardness (`Evaluator.eval_hardness`), computed on the gold query.
///
/// Counts, as the official code does:
/// - component 1: WHERE, GROUP BY, ORDER BY, LIMIT present (1 each), FROM tables beyond the first,
///   `OR` connectives and `LIKE` conditions in ON/WHERE/HAVING;
/// - component 2: nested queries in ON/WHERE/HAVING conditions, plus INTERSECT/UNION/EXCEPT
///   (FROM subqueries are not counted);
/// - others: more than one aggregate, more than one select item, more than one WHERE condition,
///   more than one GROUP BY column.
///
/// Quirk reproduced: the aggregate count reads the first field of WHERE and HAVING condition units,
/// which is the `NOT` flag, so `NOT IN`/`NOT LIKE`/`NOT BETWEEN` conditions count as aggregates, real
/// aggregates in HAVING do not, and each AND/OR connective in HAVING counts as one aggregate.
/// Only the first part of a compound query is counted, and the ORDER BY / LIMIT written after a
/// compound belong to its last part, so they do not count either.
///
/// ```swift
/// try SpiderHardness.classify("SELECT count(*) FROM singer")   // .easy
/// ```
public enum SpiderHardness {
    /// The hardness of a query's text.
    public static func classify(_ sql: String) throws(QueryError) -> Hardness {
        classify(try SQLParser.parse(sql))
    }

    /// The hardness of a parsed query; column resolution plays no part, so no schema is needed.
    public static func classify(_ statement: SelectStatement) -> Hardness {
        var builder = SpiderSQLBuilder(index: .empty, statement: statement)
        return classify(builder.build(statement))
    }

    static func classify(_ sql: SpiderSQL) -> Hardness {
        let c1 = component1(sql)
        let c2 = component2(sql)
        let others = self.others(sql)
        if c1 <= 1, others == 0, c2 == 0 { return .easy }
        if (others <= 2 && c1 <= 1 && c2 == 0) || (c1 <= 2 && others < 2 && c2 == 0) { return .medium }
        if (others > 2 && c1 <= 2 && c2 == 0) || (c1 > 2 && c1 <= 3 && others <= 2 && c2 == 0)
            || (c1 <= 1 && others == 0 && c2 <= 1)
        {
            return .hard
        }
        return .extra
    }

    static func component1(_ sql: SpiderSQL) -> Int {
        var count = 0
        if !sql.whereConditions.isEmpty { count += 1 }
        if !sql.groupBy.isEmpty { count += 1 }
        if sql.orderBy != nil { count += 1 }
        if sql.hasLimit { count += 1 }
        if !sql.tableUnits.isEmpty { count += sql.tableUnits.count - 1 }
        let all = sql.fromConditions + sql.whereConditions + sql.having
        count += SpiderSQL.connectives(all).filter { $0 == "or" }.count
        count += SpiderSQL.units(all).filter { $0.op == "like" }.count
        return count
    }

    static func component2(_ sql: SpiderSQL) -> Int {
        var count = 0
        for unit in SpiderSQL.units(sql.fromConditions + sql.whereConditions + sql.having) {
            if unit.value1?.query != nil { count += 1 }
            if unit.value2?.query != nil { count += 1 }
        }
        count += [sql.intersect, sql.except, sql.union].compactMap { $0 }.count
        return count
    }

    static func others(_ sql: SpiderSQL) -> Int {
        var aggregates = sql.select.filter { $0.aggregate != .none }.count
        aggregates += SpiderSQL.units(sql.whereConditions).filter(\.not).count
        aggregates += sql.groupBy.filter { $0.aggregate != .none }.count
        if let orderBy = sql.orderBy {
            let units = orderBy.values.flatMap { [$0.left] + ($0.right.map { [$0] } ?? []) }
            aggregates += units.filter { $0.aggregate != .none }.count
        }
        for item in sql.having {
            switch item {
            case .and, .or: aggregates += 1
            case .unit(let unit): if unit.not { aggregates += 1 }
            }
        }
        var count = 0
        if aggregates > 1 { count += 1 }
        if sql.select.count > 1 { count += 1 }
        if sql.whereConditions.count > 1 { count += 1 }
        if sql.groupBy.count > 1 { count += 1 }
        return count
    }
}

/// BIRD's own difficulty label (`difficulty` in `dev.json`), passed through unchanged.
public enum BirdDifficulty: String, Sendable, Hashable, CaseIterable, Codable {
    case simple, moderate, challenging
}
