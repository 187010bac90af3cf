import PropertyGraph
import QuiverCore

/// The engine's value semantics for code outside it that evaluates Cypher operators on values it
/// holds: operators, scalar functions, aggregates, subscripts and slices, exactly as queries run them.
///
/// `CypherSQL` registers these as SQLite functions, so a query compiled to SQL computes what the
/// in-memory engine computes. Values reach it without a graph: a node or relationship is only its
/// identity here (reading labels or properties through it fails), so callers resolve those first.
/// One runtime belongs to one thread at a time (it caches compiled regular expressions).
///
/// ```swift
/// let runtime = CypherValueRuntime()
/// try runtime.binary(.add, .int(1), .float(0.5))                  // .float(1.5)
/// try runtime.call("toUpper", [.string("a")])                     // .string("A")
/// let sum = try runtime.aggregate("sum", distinct: false)
/// try sum.add(.int(2)); sum.result()                              // .int(2)
/// ```
public final class CypherValueRuntime {
    private let context = ExecutionContext(store: GraphStore())

    /// A runtime with its own caches.
    public init() {}

    /// `a op b` for every binary operator (comparisons give true, false or null).
    public func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(QueryError) -> Value {
        try Expr.binary(op, a, b, context)
    }

    /// `-a`.
    public func negate(_ a: Value) throws(QueryError) -> Value { try Arithmetic.negate(a) }

    /// `+a`.
    public func plus(_ a: Value) throws(QueryError) -> Value { try Arithmetic.plus(a) }

    /// The truth of a predicate's value: true, false, or nil for null; a type error otherwise.
    public func truth(_ a: Value, operator name: String) throws(QueryError) -> Bool? {
        try Predicates.boolean(a, operator: name)
    }

    /// Whether `name` (case-insensitive) is a scalar function the engine knows, and its arities.
    public func arity(ofFunction name: String) -> ClosedRange<Int>? {
        Functions.lookup(name)?.arity
    }

    /// Whether `name` (case-insensitive) is an aggregating function.
    public static func isAggregate(_ name: String) -> Bool { Functions.isAggregate(name) }

    /// Calls the scalar function `name` on `arguments`.
    public func call(_ name: String, _ arguments: [Value]) throws(QueryError) -> Value {
        guard let definition = Functions.lookup(name) else {
            throw QueryError(.syntaxError, code: "UnknownFunction", phase: .runtime, message: "unknown function \(name)()")
        }
        return try definition.body(arguments, context)
    }

    /// `subject.key` on a map (or null); any other subject is a type error.
    public func property(_ subject: Value, _ key: String) throws(QueryError) -> Value {
        try Expr.property(of: subject, PropertyKeyRef(key), context)
    }

    /// `subject[index]` on a list or a map.
    public func subscripted(_ subject: Value, _ index: Value) throws(QueryError) -> Value {
        try Expr.subscriptValue(subject, index, context)
    }

    /// `subject[from..to]`; a missing bound is open.
    public func slice(_ subject: Value, from: Value?, to: Value?) throws(QueryError) -> Value {
        try Expr.slice(subject, from, to)
    }

    /// A fresh state for the aggregate `name` (`count`, `sum`, `collect`, `percentileCont`, …).
    public func aggregate(_ name: String, distinct: Bool) throws(QueryError) -> CypherAggregateState {
        guard let function = AggregateFunction(name: name) else {
            throw QueryError(.syntaxError, code: "UnknownFunction", phase: .runtime, message: "unknown aggregate \(name)()")
        }
        return CypherAggregateState(AggregateState(function, distinct: distinct))
    }
}

/// One group's running aggregate, as the engine computes it (nulls skipped, DISTINCT by value).
///
/// ```swift
/// let state = try CypherValueRuntime().aggregate("collect", distinct: true)
/// try state.add(.int(1)); try state.add(.int(1))
/// state.result()   // [1]
/// ```
public final class CypherAggregateState {
    private var state: AggregateState

    init(_ state: AggregateState) { self.state = state }

    /// Adds one row's argument (and the percentile, for the two percentile functions).
    public func add(_ value: Value, _ second: Value = .null) throws(QueryError) {
        try state.add(value, second)
    }

    /// The aggregate's value for the rows added so far.
    public func result() -> Value { state.result() }
}
