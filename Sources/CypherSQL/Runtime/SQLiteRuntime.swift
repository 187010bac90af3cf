import Cypher
import QuiverCore
import SQLExecution

/// Registers Cypher's operators, functions and aggregates on a SQLite connection as `cy_…` functions
/// (the compiled SQL calls them), computing with the engine's own semantics (``CypherValueRuntime``).
///
/// A failing function reports the Cypher error packed into SQLite's message; the executor unpacks it.
enum SQLiteRuntime {
    static func install(on session: SQLiteSession) throws(SQLExecutionError) {
        let runtime = CypherValueRuntime()
        let functions = SQLiteRuntimeFunctions(runtime: runtime)
        for (name, arity, body) in functions.scalars {
            try session.defineFunction(name, arity: arity, deterministic: name != "cy_rand") { arguments throws(SQLFunctionError) in
                do throws(QueryError) {
                    return try body(arguments)
                } catch {
                    throw SQLFunctionError(message: SQLGraphError.pack(error))
                }
            }
        }
        for name in ["collect", "sum", "avg", "min", "max", "stdev", "stdevp", "percentilecont", "percentiledisc"] {
            let arities: [Int32] = name == "collect" ? [1, 2] : name.hasPrefix("percentile") ? [2] : [1]
            for arity in arities {
                try session.defineAggregate("cy_" + name, arity: arity) {
                    CypherSQLiteAggregate(runtime: runtime, name: name, ordered: name == "collect" && arity == 2)
                }
            }
        }
    }
}

/// One group of a Cypher aggregate in SQLite; `collect(x, ordinal)` sorts by the ordinal at the end.
final class CypherSQLiteAggregate: SQLAggregate {
    private let runtime: CypherValueRuntime
    private let name: String
    private let ordered: Bool
    private var state: CypherAggregateState?
    private var pending: [(Int64, Value)] = []

    init(runtime: CypherValueRuntime, name: String, ordered: Bool) {
        self.runtime = runtime
        self.name = name
        self.ordered = ordered
    }

    func step(_ arguments: [SQLValue]) throws(SQLFunctionError) {
        do throws(QueryError) {
            let value = try SQLiteRuntimeFunctions.value(arguments.first ?? .null)
            if ordered {
                if !value.isNull { pending.append((arguments.count > 1 ? arguments[1].integer ?? 0 : 0, value)) }
                return
            }
            let second = arguments.count > 1 ? try SQLiteRuntimeFunctions.value(arguments[1]) : .null
            try aggregate().add(value, second)
        } catch {
            throw SQLFunctionError(message: SQLGraphError.pack(error))
        }
    }

    func finish() throws(SQLFunctionError) -> SQLValue {
        do throws(QueryError) {
            if ordered {
                let state = try aggregate()
                for (_, value) in pending.sorted(by: { $0.0 < $1.0 }) { try state.add(value) }
            }
            return try SQLiteRuntimeFunctions.cell(try aggregate().result())
        } catch {
            throw SQLFunctionError(message: SQLGraphError.pack(error))
        }
    }

    private func aggregate() throws(QueryError) -> CypherAggregateState {
        if let state { return state }
        let made = try runtime.aggregate(name, distinct: false)
        state = made
        return made
    }
}
