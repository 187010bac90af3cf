import SQL

/// The official evaluator's normalisation before exact matching: values dropped, DISTINCT dropped,
/// foreign-key columns replaced by their cluster's representative.
///
/// Reproduced scope quirks: values are dropped in WHERE/HAVING/ON (also inside their nested
/// queries) and in set-operation parts, never inside FROM subqueries; DISTINCT and foreign-key
/// canonicalisation apply to the top query and its set-operation parts only, never inside nested
/// condition queries; the columns eligible for canonicalisation are those of the top query's FROM tables.
struct SpiderRebuild {
    /// Column id → representative column id.
    let foreignKeyMap: [String: String]

    /// Builds the official `build_foreign_key_map`, quirk included: a pair joins the *first* cluster
    /// holding either of its columns, so clusters are never merged.
    init(schema: Schema) {
        var ids: [String] = []
        var index: [String: Int] = [:]
        for (offset, (table, column)) in schema.globalColumns.enumerated() {
            let id = offset == 0 ? "__all__" : "__\(table.lowercased()).\(column.lowercased())__"
            ids.append(id)
            if index[id] == nil { index[id] = offset }
        }
        var clusters: [Set<Int>] = []
        for key in schema.foreignKeys {
            guard let from = index["__\(key.table.lowercased()).\(key.column.lowercased())__"],
                let to = index["__\(key.referencedTable.lowercased()).\(key.referencedColumn.lowercased())__"]
            else { continue }
            if let found = clusters.firstIndex(where: { $0.contains(from) || $0.contains(to) }) {
                clusters[found].formUnion([from, to])
            } else {
                clusters.append([from, to])
            }
        }
        var map: [String: String] = [:]
        for cluster in clusters {
            let sorted = cluster.sorted()
            for member in sorted { map[ids[member]] = ids[sorted[0]] }
        }
        foreignKeyMap = map
    }

    /// Both rebuild steps, as `evaluate()` applies them to gold and prediction.
    func rebuild(_ sql: SpiderSQL) -> SpiderSQL {
        let tables = Set(sql.tableUnits.compactMap { unit -> String? in
            if case .table(let id) = unit { return String(id.dropFirst(2).dropLast(2)) }
            return nil
        })
        return rebuildColumns(Self.droppingValues(sql), validTables: tables)
    }

    static func droppingValues(_ sql: SpiderSQL) -> SpiderSQL {
        var copy = sql
        copy.fromConditions = droppingValues(sql.fromConditions)
        copy.whereConditions = droppingValues(sql.whereConditions)
        copy.having = droppingValues(sql.having)
        copy.intersect = sql.intersect.map { .init(droppingValues($0.sql)) }
        copy.union = sql.union.map { .init(droppingValues($0.sql)) }
        copy.except = sql.except.map { .init(droppingValues($0.sql)) }
        return copy
    }

    static func droppingValues(_ items: [SpiderSQL.ConditionItem]) -> [SpiderSQL.ConditionItem] {
        items.map { item in
            guard case .unit(var unit) = item else { return item }
            unit.value1 = unit.value1?.query.map { .query(.init(droppingValues($0))) }
            unit.value2 = unit.value2?.query.map { .query(.init(droppingValues($0))) }
            return .unit(unit)
        }
    }

    func rebuildColumns(_ sql: SpiderSQL, validTables: Set<String>) -> SpiderSQL {
        func column(_ unit: SpiderSQL.ColumnUnit) -> SpiderSQL.ColumnUnit {
            var copy = unit
            if let mapped = foreignKeyMap[unit.column], let dot = unit.column.firstIndex(of: "."),
                validTables.contains(String(unit.column[unit.column.index(unit.column.startIndex, offsetBy: 2)..<dot]))
            {
                copy.column = mapped
            }
            copy.distinct = false
            return copy
        }
        func value(_ unit: SpiderSQL.ValueUnit) -> SpiderSQL.ValueUnit {
            SpiderSQL.ValueUnit(op: unit.op, left: column(unit.left), right: unit.right.map(column))
        }
        func conditions(_ items: [SpiderSQL.ConditionItem]) -> [SpiderSQL.ConditionItem] {
            items.map { item in
                guard case .unit(var unit) = item else { return item }
                unit.value = value(unit.value)
                return .unit(unit)
            }
        }
        var copy = sql
        copy.distinct = false
        copy.select = sql.select.map { SpiderSQL.SelectItem(aggregate: $0.aggregate, value: value($0.value)) }
        copy.fromConditions = conditions(sql.fromConditions)
        copy.whereConditions = conditions(sql.whereConditions)
        copy.having = conditions(sql.having)
        copy.groupBy = sql.groupBy.map(column)
        copy.orderBy = sql.orderBy.map { SpiderSQL.OrderBy(direction: $0.direction, values: $0.values.map(value)) }
        copy.intersect = sql.intersect.map { .init(rebuildColumns($0.sql, validTables: validTables)) }
        copy.union = sql.union.map { .init(rebuildColumns($0.sql, validTables: validTables)) }
        copy.except = sql.except.map { .init(rebuildColumns($0.sql, validTables: validTables)) }
        return copy
    }
}
