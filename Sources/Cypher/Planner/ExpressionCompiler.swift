import PropertyGraph
import QuiverCore

/// What the compiler does with aggregate calls: collects them for an aggregation operator and
/// maps grouping-key expressions to the key columns of the aggregated row.
final class AggregationCollector {
    /// One aggregate computed per group.
    struct Spec {
        var function: AggregateFunction
        var distinct: Bool
        var arguments: [Expr]
    }
    /// Normalised source text of each grouping key → its column in the aggregated row.
    let keyColumns: [String: Int]
    /// The compiler for aggregate arguments (the layout before aggregation).
    let inner: ExpressionCompiler
    private(set) var specs: [Spec] = []
    let base: Int

    init(keyColumns: [String: Int], base: Int, inner: ExpressionCompiler) {
        self.keyColumns = keyColumns
        self.base = base
        self.inner = inner
    }

    func add(_ spec: Spec) -> Int {
        specs.append(spec)
        return base + specs.count - 1
    }
}

/// Compiles AST expressions to ``Expr`` against a row layout.
final class ExpressionCompiler {
    let layout: Layout
    let context: PlanContext
    var aggregation: AggregationCollector?
    /// Normalised text of projected items → column, used to resolve ORDER BY over DISTINCT/aggregates.
    var itemColumns: [String: Int] = [:]
    /// When set, a recognised item (by text or by alias) compiles to its expression instead of its column.
    var itemExpressions: [Expr]?
    /// Projection aliases → item index, used together with `itemExpressions`.
    var aliasColumns: [String: Int] = [:]

    init(layout: Layout, context: PlanContext) {
        self.layout = layout
        self.context = context
    }

    func compile(_ e: Expression) throws(QueryError) -> Expr {
        do {
            return try compileUnlocated(e)
        } catch {
            throw error.located(at: e.range.start)
        }
    }

    private func compileUnlocated(_ e: Expression) throws(QueryError) -> Expr {
        if !itemColumns.isEmpty || aggregation != nil {
            let text = context.normalizedText(e.range)
            if let column = itemColumns[text] { return itemExpressions?[column] ?? .slot(column) }
            if let aggregation, let column = aggregation.keyColumns[text] { return .slot(column) }
        }
        switch e.kind {
        case .literal(let literal):
            return .constant(ExpressionCompiler.value(of: literal))
        case .parameter(let name):
            guard let value = context.parameters[name] else {
                throw QueryError(.parameterMissing, code: "MissingParameter", phase: .compileTime,
                                 message: "parameter $\(name) was not given", location: e.range.start)
            }
            return .constant(value)
        case .variable(let name):
            if let itemExpressions, let column = aliasColumns[name] { return itemExpressions[column] }
            guard let slot = layout.slot(name) else {
                throw QueryError(.semanticError, code: "UndefinedVariable", phase: .compileTime,
                                 message: "variable `\(name)` is not defined", location: e.range.start)
            }
            return .slot(slot)
        case .property(let subject, let key):
            return .property(try compile(subject), PropertyKeyRef(key))
        case .subscript(let subject, let index):
            return .subscriptAccess(try compile(subject), try compile(index))
        case .slice(let subject, let from, let to):
            return .slice(try compile(subject), try from.map(compile), try to.map(compile))
        case .hasLabels(let subject, let labels):
            return .hasLabels(try compile(subject), labels.map(LabelRef.init))
        case .unary(let op, let operand):
            let inner = try compile(operand)
            switch op {
            case .not: return .not(inner)
            case .minus: return .negate(inner)
            case .plus: return .unaryPlus(inner)
            }
        case .binary(let op, let a, let b):
            let x = try compile(a), y = try compile(b)
            switch op {
            case .and: return .and(x, y)
            case .or: return .or(x, y)
            case .xor: return .xor(x, y)
            default: return .binary(op, x, y)
            }
        case .isNull(let operand, let negated):
            return .isNull(try compile(operand), negated: negated)
        case .typePredicate(let operand, let type, let negated):
            return .function(Functions.typePredicate(type, negated: negated), [try compile(operand)])
        case .list(let items):
            var out: [Expr] = []
            for item in items { out.append(try compile(item)) }
            return .list(out)
        case .map(let entries):
            var out: [(String, Expr)] = []
            for entry in entries { out.append((entry.key, try compile(entry.value))) }
            return .map(out)
        case .caseExpression(let c):
            var alternatives: [(Expr, Expr)] = []
            for alternative in c.alternatives {
                alternatives.append((try compile(alternative.condition), try compile(alternative.result)))
            }
            let otherwise = try c.defaultValue.map(compile)
            if let subject = c.subject { return .simpleCase(try compile(subject), alternatives, otherwise) }
            return .genericCase(alternatives, otherwise)
        case .functionCall(let call):
            return try compileCall(call, e)
        case .countStar:
            return try compileAggregate(.countStar, distinct: false, arguments: [], e)
        case .listComprehension(let c):
            let source = try compile(c.source)
            return try withLocal(c.variable.name) { slot throws(QueryError) in
                .listComprehension(source: source, slot: slot, predicate: try c.predicate.map(compile),
                                   projection: try c.projection.map(compile))
            }
        case .quantifier(let q):
            let source = try compile(q.source)
            return try withLocal(q.variable.name) { slot throws(QueryError) in
                let predicate = try q.predicate.map(compile) ?? .slot(slot)
                return .quantifier(q.kind, source: source, slot: slot, predicate: predicate)
            }
        case .reduce(let r):
            let initial = try compile(r.initial), source = try compile(r.source)
            return try withLocal(r.accumulator.name) { accumulator throws(QueryError) in
                try withLocal(r.variable.name) { slot throws(QueryError) in
                    .reduce(accumulator: accumulator, initial: initial, slot: slot, source: source,
                            body: try compile(r.expression))
                }
            }
        case .pattern(let path):
            let part = PatternPart(variable: nil, element: path, range: path.range)
            return .patternExists(try PatternCompiler(compiler: self).compile([part], predicate: nil, optional: false))
        case .patternComprehension(let c):
            let part = PatternPart(variable: c.variable, element: c.pattern, range: c.pattern.range)
            return try withScope { () throws(QueryError) -> Expr in
                let matcher = try PatternCompiler(compiler: self).compile([part], predicate: c.predicate, optional: false)
                return .patternComprehension(matcher, predicate: nil, projection: try compile(c.projection))
            }
        case .existsSubquery(let query):
            let simple = query.unions.isEmpty && query.first.clauses.allSatisfy { clause in
                switch clause {
                case .match(let m): return !m.optional
                case .return(let r): return !r.projection.items.contains { $0.expression.containsAggregate }
                default: return false
                }
            }
            if !simple {
                return .existsQuery(subquery(query))
            }
            return try withScope { () throws(QueryError) -> Expr in .existsSubquery(try compileExists(query)) }
        case .countSubquery(let query):
            return .countQuery(subquery(query))
        case .collectSubquery(let query):
            return .collectQuery(subquery(query))
        case .mapProjection(let m):
            guard let slot = layout.slot(m.variable.name) else {
                throw QueryError(.semanticError, code: "UndefinedVariable", phase: .compileTime,
                                 message: "variable `\(m.variable.name)` is not defined", location: e.range.start)
            }
            var entries: [MapProjectionEntry] = []
            for item in m.items {
                switch item {
                case .property(let key): entries.append(.property(PropertyKeyRef(key)))
                case .allProperties: entries.append(.allProperties)
                case .variable(let v):
                    entries.append(.entry(v.name, try compile(Expression(.variable(v.name), range: v.range))))
                case .entry(let key, let value): entries.append(.entry(key, try compile(value)))
                }
            }
            return .mapProjection(.slot(slot), entries)
        case .shortestPath(let part):
            return .shortestPath(try ShortestPathFinder(part: part, compiler: self, bindsVariables: false))
        }
    }

    private func compileCall(_ call: FunctionCall, _ e: Expression) throws(QueryError) -> Expr {
        if call.namespace.isEmpty, let aggregate = AggregateFunction(name: call.name) {
            var arguments: [Expr] = []
            guard let inner = aggregation?.inner else {
                throw QueryError(.semanticError, code: "InvalidAggregation", phase: .compileTime,
                                 message: "\(call.name)() is not allowed here", location: e.range.start)
            }
            for argument in call.arguments { arguments.append(try inner.compile(argument)) }
            guard arguments.count == aggregate.arity else {
                throw QueryError(.semanticError, code: "InvalidNumberOfArguments", phase: .compileTime,
                                 message: "\(call.qualifiedName)() takes \(aggregate.arity) argument(s)", location: e.range.start)
            }
            return try compileAggregate(aggregate, distinct: call.distinct, arguments: arguments, e)
        }
        guard let definition = Functions.lookup(call.lookupName) else {
            throw QueryError(.semanticError, code: "UnknownFunction", phase: .compileTime,
                             message: "unknown function \(call.qualifiedName)()", location: e.range.start)
        }
        guard definition.arity.contains(call.arguments.count) else {
            throw QueryError(.semanticError, code: "InvalidNumberOfArguments", phase: .compileTime,
                             message: "\(call.name)() does not take \(call.arguments.count) argument(s)",
                             location: e.range.start)
        }
        var arguments: [Expr] = []
        for argument in call.arguments { arguments.append(try compile(argument)) }
        return .function(definition, arguments)
    }

    private func compileAggregate(
        _ function: AggregateFunction, distinct: Bool, arguments: [Expr], _ e: Expression
    ) throws(QueryError) -> Expr {
        guard let aggregation else {
            throw QueryError(.semanticError, code: "InvalidAggregation", phase: .compileTime,
                             message: "aggregation is not allowed here", location: e.range.start)
        }
        return .slot(aggregation.add(.init(function: function, distinct: distinct, arguments: arguments)))
    }

    /// A subquery expression that sees every variable of the current row.
    private func subquery(_ query: Query) -> Subquery {
        Subquery(query: query, outer: layout.slotsSnapshot, width: layout.width, context: context)
    }

    private func compileExists(_ query: Query) throws(QueryError) -> [PatternMatcher] {
        var matchers: [PatternMatcher] = []
        for clause in query.first.clauses {
            switch clause {
            case .match(let m):
                matchers.append(try PatternCompiler(compiler: self).compile(m.pattern.parts, predicate: m.predicate, optional: false))
            case .return, .with:
                continue
            default:
                throw QueryError(.semanticError, code: "InvalidClauseComposition", phase: .compileTime,
                                 message: "EXISTS { } may only contain MATCH", location: clause.range.start)
            }
        }
        return matchers
    }

    /// Compiles `body` with `name` bound to a fresh hidden slot, restoring the outer binding after.
    func withLocal(_ name: String, _ body: (Int) throws(QueryError) -> Expr) throws(QueryError) -> Expr {
        let saved = layout.slot(name)
        let slot = layout.hidden()
        layout.bind(name, to: slot)
        defer { layout.bind(name, to: saved) }
        return try body(slot)
    }

    /// Compiles `body` so that variables it binds (pattern comprehensions) do not leak out.
    func withScope(_ body: () throws(QueryError) -> Expr) throws(QueryError) -> Expr {
        let saved = layout.slotsSnapshot
        defer { layout.restore(saved) }
        return try body()
    }

    static func value(of literal: Literal) -> Value {
        switch literal {
        case .null: .null
        case .boolean(let b): .bool(b)
        case .integer(let i): .int(i)
        case .float(let f): .float(f)
        case .string(let s): .string(s)
        }
    }
}

extension Layout {
    var slotsSnapshot: [String: Int] { slots }

    func restore(_ snapshot: [String: Int]) {
        for (name, _) in slots where snapshot[name] == nil { bind(name, to: nil) }
        for (name, slot) in snapshot { bind(name, to: slot) }
    }
}

/// What every compiler of one query shares: parameters and the query text.
final class PlanContext {
    let parameters: [String: Value]
    let source: [UInt8]
    let store: GraphStore
    /// The procedures CALL can invoke.
    let procedures: ProcedureRegistry
    /// The snapshot a read runs on (`store` is its frozen state); nil for a write on a live store.
    let snapshot: GraphSnapshot?

    init(parameters: [String: Value], source: String, store: GraphStore, procedures: ProcedureRegistry,
         snapshot: GraphSnapshot? = nil) {
        self.parameters = parameters
        self.source = Array(source.utf8)
        self.store = store
        self.procedures = procedures
        self.snapshot = snapshot
    }

    /// The source text of `range` without whitespace, to recognise the same expression written twice.
    func normalizedText(_ range: SourceRange) -> String {
        let start = max(0, min(range.start.offset, source.count)), end = max(start, min(range.end.offset, source.count))
        return String(decoding: source[start..<end].filter { $0 != 32 && $0 != 10 && $0 != 9 && $0 != 13 }, as: UTF8.self)
    }
}
