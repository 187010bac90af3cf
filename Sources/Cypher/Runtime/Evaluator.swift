import PropertyGraph
import QuiverCore

extension Expr {
    /// The expression's value for one row.
    func evaluate(_ row: [Value], _ context: ExecutionContext) throws(QueryError) -> Value {
        switch self {
        case .constant(let v):
            return v
        case .slot(let i):
            return i < row.count ? row[i] : .null
        case .property(let subject, let key):
            if case .slot(let i) = subject, i < row.count, let node = row[i].boundNodeID {
                try context.requireNode(node)
                guard let id = key.resolve(in: context.store) else { return .null }
                return context.store.nodeProperty(node, id)
            }
            return try Expr.property(of: subject.evaluate(row, context), key, context)
        case .subscriptAccess(let subject, let index):
            return try Expr.subscriptValue(subject.evaluate(row, context), index.evaluate(row, context), context)
        case .slice(let subject, let from, let to):
            return try Expr.slice(
                subject.evaluate(row, context), from?.evaluate(row, context), to?.evaluate(row, context))
        case .hasLabels(let subject, let labels):
            switch try subject.evaluate(row, context) {
            case .null: return .null
            case .node(let n):
                try context.requireNode(n.id)
                for label in labels {
                    guard let id = label.resolve(in: context.store), context.store.hasLabel(node: n.id, label: id)
                    else { return .bool(false) }
                }
                return .bool(true)
            case let other:
                throw .invalidArgumentType("label test needs a NODE, not \(other.typeName)")
            }
        case .not(let e):
            return Predicates.truth(try Predicates.boolean(e.evaluate(row, context), operator: "NOT").map { !$0 })
        case .negate(let e):
            return try Arithmetic.negate(e.evaluate(row, context))
        case .unaryPlus(let e):
            return try Arithmetic.plus(e.evaluate(row, context))
        case .and(let a, let b):
            let x = try Predicates.boolean(a.evaluate(row, context), operator: "AND")
            if x == false {
                _ = try Predicates.boolean(b.evaluate(row, context), operator: "AND")
                return .bool(false)
            }
            return Predicates.truth(Predicates.and(x, try Predicates.boolean(b.evaluate(row, context), operator: "AND")))
        case .or(let a, let b):
            let x = try Predicates.boolean(a.evaluate(row, context), operator: "OR")
            return Predicates.truth(Predicates.or(x, try Predicates.boolean(b.evaluate(row, context), operator: "OR")))
        case .xor(let a, let b):
            let x = try Predicates.boolean(a.evaluate(row, context), operator: "XOR")
            return Predicates.truth(Predicates.xor(x, try Predicates.boolean(b.evaluate(row, context), operator: "XOR")))
        case .binary(let op, let a, let b):
            return try Expr.binary(op, a.evaluate(row, context), b.evaluate(row, context), context)
        case .isNull(let e, let negated):
            return .bool(try e.evaluate(row, context).isNull != negated)
        case .list(let items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try item.evaluate(row, context)) }
            return .list(out)
        case .map(let entries):
            var out: [String: Value] = [:]
            for (key, e) in entries { out[key] = try e.evaluate(row, context) }
            return .map(out)
        case .simpleCase(let subject, let alternatives, let otherwise):
            let v = try subject.evaluate(row, context)
            for (when, then) in alternatives where v.cypherEquals(try when.evaluate(row, context)) == true {
                return try then.evaluate(row, context)
            }
            return try otherwise?.evaluate(row, context) ?? .null
        case .genericCase(let alternatives, let otherwise):
            for (when, then) in alternatives {
                if case .bool(true) = try when.evaluate(row, context) { return try then.evaluate(row, context) }
            }
            return try otherwise?.evaluate(row, context) ?? .null
        case .function(let definition, let arguments):
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try argument.evaluate(row, context)) }
            let result = try definition.body(values, context)
            try Expr.requireRoom(forResult: result, of: definition.name, context)
            return result
        case .listComprehension(let source, let slot, let predicate, let projection):
            guard let items = try Expr.listOrNull(source.evaluate(row, context), "list comprehension") else { return .null }
            var scratch = Expr.widened(row, slot)
            var out: [Value] = []
            for item in items {
                try context.tick()
                scratch[slot] = item
                if let predicate, try predicate.evaluate(scratch, context) != .bool(true) { continue }
                out.append(try projection?.evaluate(scratch, context) ?? item)
                if out.count & 4095 == 0 {
                    try context.requireRoom(out.count * Value.inlineSize, for: "a list comprehension's result")
                }
            }
            return .list(out)
        case .quantifier(let kind, let source, let slot, let predicate):
            guard let items = try Expr.listOrNull(source.evaluate(row, context), kind.rawValue + "()") else { return .null }
            var scratch = Expr.widened(row, slot)
            var trueCount = 0, unknown = false
            for item in items {
                try context.tick()
                scratch[slot] = item
                switch try predicate.evaluate(scratch, context) {
                case .bool(true): trueCount += 1
                case .bool(false): if kind == .all { return .bool(false) }
                case .null: unknown = true
                case let other: throw .invalidArgumentType("\(kind.rawValue)() predicate must be BOOLEAN, not \(other.typeName)")
                }
                if kind == .any && trueCount > 0 { return .bool(true) }
                if kind == .none && trueCount > 0 { return .bool(false) }
                if kind == .single && trueCount > 1 { return .bool(false) }
            }
            switch kind {
            case .all: return unknown ? .null : .bool(true)
            case .any: return unknown ? .null : .bool(false)
            case .none: return unknown ? .null : .bool(true)
            case .single: return unknown ? .null : .bool(trueCount == 1)
            }
        case .reduce(let accumulator, let initial, let slot, let source, let body):
            guard let items = try Expr.listOrNull(source.evaluate(row, context), "reduce()") else { return .null }
            var scratch = Expr.widened(row, max(slot, accumulator))
            scratch[accumulator] = try initial.evaluate(row, context)
            for item in items {
                try context.tick()
                scratch[slot] = item
                let next = try body.evaluate(scratch, context)
                // The one loop that can nest a value deeper on every turn (`[acc]`): bound it
                // like syntax, so no later pass over the value runs out of stack.
                if next.listCount != nil || next.isMap, next.nestingDepth(limit: NestingLimit.depth) > NestingLimit.depth {
                    throw QueryError.runtime(.resourceLimit, "NestingLimit",
                                             "reduce() built a value nested more than \(NestingLimit.depth) levels deep "
                                                 + "(the nesting limit); build a flatter value")
                }
                scratch[accumulator] = next
            }
            return scratch[accumulator]
        case .patternExists(let matcher):
            return .bool(try matcher.exists(row, context))
        case .patternComprehension(let matcher, let predicate, let projection):
            var out: [Value] = []
            try matcher.forEachMatch(row, context) { (match: inout [Value]) throws(QueryError) in
                if let predicate, try predicate.evaluate(match, context) != .bool(true) { return }
                out.append(try projection.evaluate(match, context))
                if out.count & 4095 == 0 {
                    try context.requireRoom(out.count * Value.inlineSize, for: "a pattern comprehension's result")
                }
            }
            return .list(out)
        case .existsQuery(let subquery):
            return .bool(try subquery.evaluate(row, context))
        case .existsSubquery(let matchers):
            return .bool(try Expr.anyMatch(matchers[...], row, context))
        case .mapProjection(let subject, let entries):
            return try Expr.project(subject.evaluate(row, context), entries, row, context)
        case .shortestPath(let finder):
            return try finder.evaluate(row, context)
        }
    }

    /// Whether the patterns match one after another from `row`; stops at the first match.
    static func anyMatch(_ matchers: ArraySlice<PatternMatcher>, _ row: [Value], _ context: ExecutionContext) throws(QueryError) -> Bool {
        guard let first = matchers.first else { return true }
        do {
            try first.forEachMatch(row, context) { (match: inout [Value]) throws(QueryError) in
                if try anyMatch(matchers.dropFirst(), match, context) { throw .enoughRows }
            }
        } catch where error.isEnoughRows {
            return true
        }
        return false
    }

    /// A copy of `row` long enough to hold `slot`.
    static func widened(_ row: [Value], _ slot: Int) -> [Value] {
        var scratch = row
        if scratch.count <= slot { scratch.append(contentsOf: repeatElement(.null, count: slot - scratch.count + 1)) }
        return scratch
    }

    static func listOrNull(_ v: Value, _ what: String) throws(QueryError) -> [Value]? {
        switch v {
        case .null: return nil
        case .list(let items): return items
        default: throw .invalidArgumentType("\(what) needs a LIST, not \(v.typeName)")
        }
    }
}
