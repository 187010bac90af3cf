import QuiverCore

extension Functions {
    /// The APOC collection functions that generated Text-to-Cypher queries use (`apoc.coll.*`),
    /// with APOC's semantics: a null list gives null, and
    /// `toSet` keeps the first occurrence of each value in order.
    static let apocFunctions: [Definition] = [
        define("apoc.coll.toSet", 1...1) { a, _ throws(QueryError) in
            guard case .list(let items) = a[0] else { return try nullOrTypeError(a[0], "apoc.coll.toSet") }
            var seen = Set<Value>()
            return .list(items.filter { seen.insert($0).inserted })
        },
        define("apoc.coll.sum", 1...1) { a, _ throws(QueryError) in
            guard case .list(let items) = a[0] else { return try nullOrTypeError(a[0], "apoc.coll.sum") }
            var total = 0.0
            for item in items where !item.isNull { total += try number(item, "apoc.coll.sum") }
            return .float(total)
        },
        define("apoc.coll.avg", 1...1) { a, _ throws(QueryError) in
            guard case .list(let items) = a[0] else { return try nullOrTypeError(a[0], "apoc.coll.avg") }
            let numbers = items.filter { !$0.isNull }
            guard !numbers.isEmpty else { return .null }
            var total = 0.0
            for item in numbers { total += try number(item, "apoc.coll.avg") }
            return .float(total / Double(numbers.count))
        },
        define("apoc.coll.max", 1...1) { a, _ throws(QueryError) in
            guard case .list(let items) = a[0] else { return try nullOrTypeError(a[0], "apoc.coll.max") }
            return items.filter { !$0.isNull }.max { $0.orderCompare($1) == .less } ?? .null
        },
        define("apoc.coll.min", 1...1) { a, _ throws(QueryError) in
            guard case .list(let items) = a[0] else { return try nullOrTypeError(a[0], "apoc.coll.min") }
            return items.filter { !$0.isNull }.min { $0.orderCompare($1) == .less } ?? .null
        },
        define("apoc.coll.sort", 1...1) { a, _ throws(QueryError) in
            guard case .list(let items) = a[0] else { return try nullOrTypeError(a[0], "apoc.coll.sort") }
            return .list(items.sorted { $0.orderCompare($1) == .less })
        },
        define("apoc.coll.contains", 2...2) { a, _ throws(QueryError) in
            guard case .list(let items) = a[0] else { return .bool(false) }
            return .bool(items.contains { $0.cypherEquals(a[1]) == true })
        },
        define("apoc.coll.flatten", 1...1) { a, _ throws(QueryError) in
            guard case .list(let items) = a[0] else { return try nullOrTypeError(a[0], "apoc.coll.flatten") }
            return .list(items.flatMap { item -> [Value] in
                if case .list(let inner) = item { return inner }
                return [item]
            })
        },
    ]

    private static func nullOrTypeError(_ v: Value, _ function: String) throws(QueryError) -> Value {
        guard v.isNull else { throw .invalidArgumentType("\(function)() expects a LIST, not \(v.typeName)") }
        return .null
    }
}
