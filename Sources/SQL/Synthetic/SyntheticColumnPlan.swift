/// How ``SyntheticDatabase`` draws each column's values: which columns are keys, which key domain
/// they share, and which literals are mixed in.
struct SyntheticColumnPlan {
    let rows: Int
    let literals: QueryLiterals
    /// The representative of each key column's group of joined columns, by the lower-cased name of
    /// every key column (primary, foreign, joined, or named like an id); other columns are absent.
    let domainOf: [String: String]
    /// Each key domain's values: unique, literals first, `rows` of them; integers or texts.
    let integerDomains: [String: [Int64]]
    let textDomains: [String: [String]]

    init(schema: Schema, literals: QueryLiterals, rows: Int) {
        self.rows = rows
        self.literals = literals
        var groups = NameUnion()
        var keys: Set<String> = []
        for table in schema.tables {
            for name in table.primaryKey { keys.insert(name.lowercased()) }
            for column in table.columns where SyntheticColumnPlan.looksLikeKey(column.name) { keys.insert(column.name.lowercased()) }
        }
        for key in schema.foreignKeys {
            let (a, b) = (key.column.lowercased(), key.referencedColumn.lowercased())
            keys.formUnion([a, b])
            groups.merge(a, b)
        }
        for (a, b) in literals.joins where a != b {
            keys.formUnion([a, b])
            groups.merge(a, b)
        }
        var domainOf: [String: String] = [:]
        for name in keys { domainOf[name] = groups.find(name) }
        self.domainOf = domainOf
        var members: [String: [String]] = [:]
        for name in keys.sorted() { members[domainOf[name] ?? name, default: []].append(name) }
        var integerDomains: [String: [Int64]] = [:]
        var textDomains: [String: [String]] = [:]
        for (root, names) in members {
            let found = names.flatMap { literals.values[$0] ?? [] }
            integerDomains[root] = SyntheticColumnPlan.integerDomain(found, rows: rows)
            textDomains[root] = SyntheticColumnPlan.textDomain(found, root: root, rows: rows)
        }
        self.integerDomains = integerDomains
        self.textDomains = textDomains
    }

    /// Names such as `id`, `driverId`, `stadium_id`, `CDSCode` mark join keys even without a declared key.
    static func looksLikeKey(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower == "id" || lower.hasSuffix("_id") || lower.hasSuffix(" id") { return true }
        return name.hasSuffix("Id") || name.hasSuffix("ID") || lower.hasSuffix("code")
    }

    static func integerDomain(_ found: [QueryLiterals.Literal], rows: Int) -> [Int64] {
        var values: [Int64] = []
        var seen: Set<Int64> = []
        for literal in found {
            guard case .integer(let value) = literal, values.count < rows, seen.insert(value).inserted else { continue }
            values.append(value)
        }
        var next: Int64 = 1
        while values.count < rows {
            if seen.insert(next).inserted { values.append(next) }
            next += 1
        }
        return values
    }

    static func textDomain(_ found: [QueryLiterals.Literal], root: String, rows: Int) -> [String] {
        var values: [String] = []
        var seen: Set<String> = []
        for literal in found {
            let text = SyntheticColumnPlan.text(literal)
            guard values.count < rows, seen.insert(text).inserted else { continue }
            values.append(text)
        }
        let stem = root.filter { $0.isLetter || $0.isNumber }
        var next = 1
        while values.count < rows {
            let text = "\(stem)\(next)"
            if seen.insert(text).inserted { values.append(text) }
            next += 1
        }
        return values
    }

    /// The SQL literal for `column` in row `row`. The last primary-key column is unique per row.
    func value(table: Schema.Table, column: Schema.Column, row: Int, isLastKey: Bool, random: inout SeededGenerator) -> String {
        let name = column.name.lowercased()
        let type = column.type.lowercased()
        let numeric = ["integer", "number", "boolean", "real"].contains(type)
        if let root = domainOf[name] {
            let isKey = table.primaryKey.contains { $0.lowercased() == name }
            if !isKey, Int.random(in: 0..<40, using: &random) == 0 { return "NULL" }
            if numeric {
                let domain = integerDomains[root] ?? [Int64(row + 1)]
                return String(isLastKey ? domain[row % domain.count] : domain[Int.random(in: 0..<domain.count, using: &random)])
            }
            let domain = textDomains[root] ?? ["\(name)\(row + 1)"]
            return SQLPrinter.stringLiteral(isLastKey ? domain[row % domain.count] : domain[Int.random(in: 0..<domain.count, using: &random)])
        }
        if Int.random(in: 0..<20, using: &random) == 0 { return "NULL" }
        let found = literals.values[name] ?? []
        if !found.isEmpty, Int.random(in: 0..<5, using: &random) < 2 {
            return SyntheticColumnPlan.sqlLiteral(found[Int.random(in: 0..<found.count, using: &random)])
        }
        return freshValue(type: type, name: column.name, found: found, random: &random)
    }

    /// A value of the column's type: numbers near the literals the queries use, dates in 1990–2020,
    /// texts from a few repeated values.
    func freshValue(type: String, name: String, found: [QueryLiterals.Literal], random: inout SeededGenerator) -> String {
        let numbers = found.compactMap { literal -> Double? in
            switch literal {
            case .integer(let value): Double(value)
            case .real(let value): value
            case .string: nil
            }
        }
        let low = (numbers.min() ?? 0) - 10
        let high = (numbers.max() ?? 100) + 10
        switch type {
        case "integer", "number":
            return String(Int64.random(in: Self.drawBound(low.rounded(.down))...Self.drawBound(high.rounded(.up)), using: &random))
        case "boolean":
            return String(Int.random(in: 0...1, using: &random))
        case "real":
            return String(Double(Int64.random(in: Self.drawBound(low * 100)...Self.drawBound(high * 100), using: &random)) / 100)
        case "date", "time":
            return SQLPrinter.stringLiteral(SyntheticColumnPlan.date(&random))
        case "datetime":
            let time = "\(pad(Int.random(in: 0..<24, using: &random))):\(pad(Int.random(in: 0..<60, using: &random))):\(pad(Int.random(in: 0..<60, using: &random)))"
            return SQLPrinter.stringLiteral(SyntheticColumnPlan.date(&random) + " " + time)
        default:
            let distinct = max(2, rows / 5)
            return SQLPrinter.stringLiteral("\(name) \(Int.random(in: 1...distinct, using: &random))")
        }
    }

    /// `bound` as an Int64 to draw from, clamped to ±2⁶² : a query may compare a column with `1e30`
    /// or `Int64.max`, which no Int64 holds (and which SQLite would store as a real anyway).
    static func drawBound(_ bound: Double) -> Int64 {
        let limit = Double(Int64(1) << 62)
        return Int64(min(max(bound, -limit), limit))
    }

    static func date(_ random: inout SeededGenerator) -> String {
        "\(Int.random(in: 1990...2020, using: &random))-\(pad(Int.random(in: 1...12, using: &random)))-\(pad(Int.random(in: 1...28, using: &random)))"
    }

    static func text(_ literal: QueryLiterals.Literal) -> String {
        switch literal {
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .string(let value): value
        }
    }

    static func sqlLiteral(_ literal: QueryLiterals.Literal) -> String {
        if case .string(let value) = literal { return SQLPrinter.stringLiteral(value) }
        return text(literal)
    }

    /// FNV-1a of the UTF-8 bytes: a hash that is the same in every process (`hashValue` is not).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}

private func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }

/// Groups of names joined by equality (union-find).
struct NameUnion {
    private var parent: [String: String] = [:]

    mutating func find(_ name: String) -> String {
        var root = name
        while let up = parent[root], up != root { root = up }
        var node = name
        while let up = parent[node], up != root {
            parent[node] = root
            node = up
        }
        return root
    }

    /// Joins the groups of `a` and `b`; the smaller name becomes the representative, so the result does not depend on order.
    mutating func merge(_ a: String, _ b: String) {
        let (x, y) = (find(a), find(b))
        guard x != y else { return }
        if x < y { parent[y] = x } else { parent[x] = y }
    }
}
