import QuiverCore

/// What a function needs from the graph: the stored labels and properties of entity references.
///
/// The runtime carries nodes and relationships as references (id, and for relationships type and
/// endpoints) and only reads labels and properties when a function or the output asks for them.
protocol EntityReader {
    func labels(ofNode id: Int) throws(QueryError) -> [String]
    func properties(ofNode id: Int) throws(QueryError) -> [String: Value]
    func properties(ofRelationship id: Int) throws(QueryError) -> [String: Value]
    /// The node reference with this id (no labels or properties filled in).
    func nodeReference(_ id: Int) -> Value
    /// Fails unless a value of `bytes` fits in the query's memory budget (check before building it).
    func requireRoom(_ bytes: Int, for what: @autoclosure () -> String) throws(QueryError)
    /// Counts a step of work; fails once the query is past its timeout.
    func tick() throws(QueryError)
}

/// The scalar functions of openCypher, resolved by name once when a query is planned.
enum Functions {
    /// A scalar function's implementation.
    typealias Body = @Sendable ([Value], any EntityReader) throws(QueryError) -> Value

    /// A function with its accepted argument counts.
    struct Definition: Sendable {
        var name: String
        var arity: ClosedRange<Int>
        var body: Body
    }

    /// The definition for a function name (case-insensitive), or nil when the name is unknown.
    static func lookup(_ name: String) -> Definition? {
        table[name.lowercased()]
    }

    /// The names of the aggregating functions, which the planner handles separately.
    static let aggregateNames: Set<String> = [
        "count", "sum", "avg", "min", "max", "collect", "stdev", "stdevp", "percentilecont", "percentiledisc",
    ]

    /// Whether `name` (case-insensitive) is an aggregating function.
    static func isAggregate(_ name: String) -> Bool {
        aggregateNames.contains(name.lowercased())
    }

    private static let table: [String: Definition] = {
        var all: [String: Definition] = [:]
        for definition in stringFunctions + mathFunctions + listFunctions + conversionFunctions + graphFunctions
            + temporalFunctions + spatialFunctions + apocFunctions {
            all[definition.name.lowercased()] = definition
        }
        return all
    }()

    static func define(_ name: String, _ arity: ClosedRange<Int>, _ body: @escaping Body) -> Definition {
        Definition(name: name, arity: arity, body: body)
    }

    /// A value as plain text, as `toString` and string concatenation render it.
    static func plainText(_ v: Value) -> String {
        switch v {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .float(let f): return Value.floatLiteral(f)
        case .bool(let b): return b ? "true" : "false"
        default: return v.description
        }
    }

    /// The argument as a string, or a type error naming the function.
    static func string(_ v: Value, _ function: String) throws(QueryError) -> String {
        guard case .string(let s) = v else {
            throw .invalidArgumentType("\(function)() expects a STRING, not \(v.typeName)")
        }
        return s
    }

    /// The argument as an integer, or a type error naming the function.
    static func integer(_ v: Value, _ function: String) throws(QueryError) -> Int64 {
        switch v {
        case .int(let i): return i
        default: throw .invalidArgumentType("\(function)() expects an INTEGER, not \(v.typeName)")
        }
    }

    /// The argument as a Double, or a type error naming the function.
    static func number(_ v: Value, _ function: String) throws(QueryError) -> Double {
        guard let d = v.numericValue else {
            throw .invalidArgumentType("\(function)() expects a number, not \(v.typeName)")
        }
        return d
    }
}
