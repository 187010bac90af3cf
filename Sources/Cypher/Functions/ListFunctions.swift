import QuiverCore

extension Functions {
    /// List functions: size, head, last, tail, range, reverse, coalesce, isEmpty.
    static let listFunctions: [Definition] = [
        define("size", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .list(let l): return .int(Int64(l.count))
            case .string(let s): return .int(Int64(s.count))
            case .map(let m): return .int(Int64(m.count))
            default: throw .invalidArgumentType("size() expects a LIST or STRING, not \(a[0].typeName)")
            }
        },
        define("head", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .list(let l): return l.first ?? .null
            default: throw .invalidArgumentType("head() expects a LIST, not \(a[0].typeName)")
            }
        },
        define("last", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .list(let l): return l.last ?? .null
            default: throw .invalidArgumentType("last() expects a LIST, not \(a[0].typeName)")
            }
        },
        define("tail", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .list(let l): return .list(Array(l.dropFirst()))
            default: throw .invalidArgumentType("tail() expects a LIST, not \(a[0].typeName)")
            }
        },
        define("reverse", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .list(let l): return .list(l.reversed())
            case .string(let s): return .string(String(s.reversed()))
            default: throw .invalidArgumentType("reverse() expects a LIST or STRING, not \(a[0].typeName)")
            }
        },
        define("isEmpty", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .list(let l): return .bool(l.isEmpty)
            case .string(let s): return .bool(s.isEmpty)
            case .map(let m): return .bool(m.isEmpty)
            default: throw .invalidArgumentType("isEmpty() expects a LIST, STRING or MAP, not \(a[0].typeName)")
            }
        },
        define("coalesce", 1...Int.max) { a, _ in
            a.first(where: { !$0.isNull }) ?? .null
        },
        define("range", 2...3) { a, reader throws(QueryError) in
            let start = try rangeBound(a[0]), end = try rangeBound(a[1])
            let step = a.count == 3 ? try rangeBound(a[2]) : 1
            if step == 0 { throw .numberOutOfRange("range() step must not be zero") }
            let count = rangeCount(start, end, step)
            // Checked before a single element is made: range(1, 10^10) would need 160 GB.
            if count > UInt64(Int.max / Value.inlineSize) {
                throw QueryError.memoryLimit(Int.max, "range() of \(count) elements")
            }
            try reader.requireRoom(Int(count) * Value.inlineSize, for: "range() of \(count) elements")
            var out: [Value] = []
            out.reserveCapacity(Int(count))
            var i = start
            while step > 0 ? i <= end : i >= end {
                out.append(.int(i))
                let (next, overflow) = i.addingReportingOverflow(step)
                if overflow { break }
                i = next
            }
            return .list(out)
        },
    ]

    /// How many elements `range(start, end, step)` has (step ≠ 0), without overflow.
    private static func rangeCount(_ start: Int64, _ end: Int64, _ step: Int64) -> UInt64 {
        if step > 0 ? start > end : start < end { return 0 }
        let span = step > 0 ? UInt64(bitPattern: end &- start) : UInt64(bitPattern: start &- end)
        return span / step.magnitude + 1
    }

    private static func rangeBound(_ v: Value) throws(QueryError) -> Int64 {
        guard case .int(let i) = v else {
            var hint = ""
            if case .float(let f) = v, f == f.rounded(), abs(f) < 9.2e18 {
                hint = " (\(v) is a FLOAT, as every ^ result is; write the integer, or toInteger(…))"
            }
            throw .runtime(.argumentError, "InvalidArgumentType", "range() expects INTEGER arguments, not \(v.typeName)\(hint)")
        }
        return i
    }
}
