import PropertyGraph
import QuiverCore

extension Expr {
    /// `subject.key` on a node, relationship or map; null on null.
    static func property(of subject: Value, _ key: PropertyKeyRef, _ context: ExecutionContext) throws(QueryError) -> Value {
        switch subject {
        case .node(let n):
            try context.requireNode(n.id)
            guard let id = key.resolve(in: context.store) else { return .null }
            return context.store.nodeProperty(n.id, id)
        case .relationship(let r):
            try context.requireRelationship(r.id)
            guard let id = key.resolve(in: context.store) else { return .null }
            return context.store.relationshipProperty(r.id, id)
        case .map(let m):
            return m[key.name] ?? .null
        case .null:
            return .null
        case .temporal(let t):
            guard let component = t.component(key.name) else {
                throw .invalidArgumentType("\(t.typeName) has no component `\(key.name)`")
            }
            return component
        case .point(let p):
            guard let component = p.component(key.name) else {
                throw .invalidArgumentType("a \(p.crs.name) point has no component `\(key.name)`")
            }
            return component
        default:
            throw .invalidArgumentType("cannot read property `\(key.name)` of \(subject.typeName)")
        }
    }

    /// `subject[index]`: list element (negative from the end), or map/entity value by string key.
    static func subscriptValue(_ subject: Value, _ index: Value, _ context: ExecutionContext) throws(QueryError) -> Value {
        switch (subject, index) {
        case (.null, _), (_, .null):
            return .null
        case (.list(let items), .int(let i)):
            let position = i < 0 ? Int64(items.count) + i : i
            return position >= 0 && position < items.count ? items[Int(position)] : .null
        case (.list, _):
            throw .invalidArgumentType("a list index must be an INTEGER, not \(index.typeName)")
        case (.map(let m), .string(let key)):
            return m[key] ?? .null
        case (.node, .string(let key)), (.relationship, .string(let key)):
            return try property(of: subject, PropertyKeyRef(key), context)
        case (.map, _), (.node, _), (.relationship, _):
            throw .runtime(.typeError, "MapElementAccessByNonString", "a map key must be a STRING, not \(index.typeName)")
        default:
            throw .invalidArgumentType("cannot index into \(subject.typeName)")
        }
    }

    /// `subject[from..to]` over a list; open bounds reach the ends, negative bounds count from the end.
    static func slice(_ subject: Value, _ from: Value?, _ to: Value?) throws(QueryError) -> Value {
        if subject.isNull || from?.isNull == true || to?.isNull == true { return .null }
        guard case .list(let items) = subject else {
            throw .invalidArgumentType("cannot slice \(subject.typeName)")
        }
        let count = Int64(items.count)
        func bound(_ v: Value?, _ fallback: Int64) throws(QueryError) -> Int64 {
            guard let v else { return fallback }
            guard case .int(let i) = v else { throw .invalidArgumentType("a slice bound must be an INTEGER, not \(v.typeName)") }
            let resolved = i < 0 ? count + i : i
            return min(max(resolved, 0), count)
        }
        let lower = try bound(from, 0), upper = try bound(to, count)
        guard lower < upper else { return .list([]) }
        return .list(Array(items[Int(lower)..<Int(upper)]))
    }

    /// Every binary operator other than AND/OR/XOR.
    /// Fails when a list or string a function returned does not fit the query's memory budget.
    @inline(__always)
    static func requireRoom(forResult value: Value, of function: String, _ context: ExecutionContext) throws(QueryError) {
        switch value {
        case .list(let items): try context.requireRoom(items.count * Value.inlineSize, for: "the list \(function)() returned")
        case .string(let text): try context.requireRoom(text.utf8.count, for: "the string \(function)() returned")
        default: break
        }
    }

    static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, _ context: ExecutionContext) throws(QueryError) -> Value {
        switch op {
        case .equal: return Predicates.truth(a.cypherEquals(b))
        case .notEqual: return Predicates.truth(a.cypherEquals(b).map { !$0 })
        case .less: return Predicates.compare(a, b) { $0 == .less }
        case .lessOrEqual: return Predicates.compare(a, b) { $0 != .greater }
        case .greater: return Predicates.compare(a, b) { $0 == .greater }
        case .greaterOrEqual: return Predicates.compare(a, b) { $0 != .less }
        case .startsWith: return Predicates.stringMatch(a, b) { $0.hasPrefix($1) }
        case .endsWith: return Predicates.stringMatch(a, b) { $0.hasSuffix($1) }
        case .contains: return Predicates.stringMatch(a, b) { $1.isEmpty || $0.contains($1) }
        case .in: return try Predicates.isIn(a, b)
        case .regexMatch: return try Predicates.regexMatch(a, b, cache: context.regexCache)
        case .add:
            // `+` is how strings and lists grow (in reduce, repeatedly): it must fit the budget.
            switch (a, b) {
            case (.string(let x), .string(let y)):
                try context.requireRoom(x.utf8.count + y.utf8.count, for: "a string built with +")
            case (.list, _), (_, .list):
                try context.requireRoom(((a.listCount ?? 1) + (b.listCount ?? 1)) * Value.inlineSize, for: "a list built with +")
            default:
                break
            }
            return try Arithmetic.add(a, b)
        case .subtract: return try Arithmetic.subtract(a, b)
        case .multiply: return try Arithmetic.multiply(a, b)
        case .divide: return try Arithmetic.divide(a, b)
        case .modulo: return try Arithmetic.remainder(a, b)
        case .power: return try Arithmetic.power(a, b)
        case .and, .or, .xor:
            let x = try Predicates.boolean(a, operator: op.rawValue), y = try Predicates.boolean(b, operator: op.rawValue)
            return Predicates.truth(op == .and ? Predicates.and(x, y) : op == .or ? Predicates.or(x, y) : Predicates.xor(x, y))
        }
    }

    /// A map projection `subject{.key, .*, key: e}` of a node, relationship or map.
    static func project(
        _ subject: Value, _ entries: [MapProjectionEntry], _ row: [Value], _ context: ExecutionContext
    ) throws(QueryError) -> Value {
        if subject.isNull { return .null }
        var out: [String: Value] = [:]
        for entry in entries {
            switch entry {
            case .property(let key):
                out[key.name] = try property(of: subject, key, context)
            case .allProperties:
                switch subject {
                case .node(let n): out.merge(try context.properties(ofNode: n.id)) { $1 }
                case .relationship(let r): out.merge(try context.properties(ofRelationship: r.id)) { $1 }
                case .map(let m): out.merge(m) { $1 }
                default: throw .invalidArgumentType("cannot project properties of \(subject.typeName)")
                }
            case .entry(let key, let e):
                out[key] = try e.evaluate(row, context)
            }
        }
        return .map(out)
    }
}
