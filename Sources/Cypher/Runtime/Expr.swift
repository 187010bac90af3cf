import PropertyGraph
import QuiverCore

/// A property key name with its store id looked up once (the key may be created later by the query).
final class PropertyKeyRef {
    let name: String
    // Read on every row; the only write is this cache filling in `resolve`, which calls nothing
    // while it holds the access, so no access can overlap it and the runtime check is dropped.
    @exclusivity(unchecked) private var id: Int?

    init(_ name: String) { self.name = name }

    /// The key's id in `context`'s store, or nil while no entity has ever had the key.
    func resolve(in store: GraphStore) -> Int? {
        if let id { return id }
        id = store.propertyKeyID(name)
        return id
    }
}

/// A label name with its store id looked up once it exists.
final class LabelRef {
    let name: String
    // Unchecked for the same reason as `PropertyKeyRef.id`.
    @exclusivity(unchecked) private var id: Int?

    init(_ name: String) { self.name = name }

    func resolve(in store: GraphStore) -> Int? {
        if let id { return id }
        id = store.labelID(name)
        return id
    }
}

/// A compiled expression: variables are row slots, parameters constants, functions resolved.
indirect enum Expr {
    case constant(Value)
    case slot(Int)
    case property(Expr, PropertyKeyRef)
    case subscriptAccess(Expr, Expr)
    case slice(Expr, Expr?, Expr?)
    case hasLabels(Expr, [LabelRef])
    case not(Expr)
    case negate(Expr)
    case unaryPlus(Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case xor(Expr, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case isNull(Expr, negated: Bool)
    case list([Expr])
    case map([(String, Expr)])
    case simpleCase(Expr, [(Expr, Expr)], Expr?)
    case genericCase([(Expr, Expr)], Expr?)
    case function(Functions.Definition, [Expr])
    case listComprehension(source: Expr, slot: Int, predicate: Expr?, projection: Expr?)
    case quantifier(Quantifier.Kind, source: Expr, slot: Int, predicate: Expr)
    case reduce(accumulator: Int, initial: Expr, slot: Int, source: Expr, body: Expr)
    case patternExists(PatternMatcher)
    case patternComprehension(PatternMatcher, predicate: Expr?, projection: Expr)
    case existsSubquery([PatternMatcher])
    case existsQuery(SubqueryExists)
    case mapProjection(Expr, [MapProjectionEntry])
    case shortestPath(ShortestPathFinder)
}

/// One compiled item of a map projection.
enum MapProjectionEntry {
    case property(PropertyKeyRef)
    case allProperties
    case entry(String, Expr)
}

/// A full `EXISTS { … }` subquery (with WITH, aggregation, …), planned against the outer row.
final class SubqueryExists {
    let query: SingleQuery
    let outer: [String: Int]
    let width: Int
    let context: PlanContext

    init(query: SingleQuery, outer: [String: Int], width: Int, context: PlanContext) {
        self.query = query
        self.outer = outer
        self.width = width
        self.context = context
    }

    /// Whether the subquery yields at least one row for `row`.
    func evaluate(_ row: [Value], _ execution: ExecutionContext) throws(QueryError) -> Bool {
        let layout = Layout()
        for (name, slot) in outer.sorted(by: { $0.value < $1.value }) { layout.add(name, at: slot) }
        _ = layout.reserve(max(0, width - layout.width))
        let plan = try QueryPlanner(context: context, layout: layout).plan(query)
        var input = Expr.widened(row, width - 1)
        // One row answers EXISTS: the sink stops the subquery at its first row. (A blocking
        // operator that was emitting then finishes the pipeline instead: hence `delivered`.)
        plan.sink.consumer = { (_: [Value]) throws(QueryError) in throw .enoughRows }
        do {
            try plan.head.push(&input, execution)
            try plan.head.finish(execution)
        } catch where error.isEnoughRows {
            return true
        }
        return plan.sink.delivered > 0
    }
}
