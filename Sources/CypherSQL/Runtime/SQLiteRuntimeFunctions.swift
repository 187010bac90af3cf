import Cypher
import Foundation
import QuiverCore
import SQLExecution

/// The scalar `cy_…` functions of the SQLite runtime, over cells of ``SQLValueCodec`` JSON.
struct SQLiteRuntimeFunctions {
    typealias Body = ([SQLValue]) throws(QueryError) -> SQLValue
    let runtime: CypherValueRuntime

    /// The Cypher value of a cell (JSON text, or NULL).
    static func value(_ cell: SQLValue) throws(QueryError) -> Value {
        switch cell {
        case .null: return .null
        case .text(let text): return try SQLValueCodec.decode(text)
        case .integer(let i): return .int(i)
        case .real(let d): return .float(d)
        case .blob: throw QueryError(.typeError, code: "InvalidStoredValue", phase: .runtime, message: "a stored value is binary")
        }
    }

    /// The cell of a Cypher value.
    static func cell(_ value: Value) throws(QueryError) -> SQLValue {
        try SQLValueCodec.encode(value, for: .sqlite).map(SQLValue.text) ?? .null
    }

    static func truth(_ b: Bool?) -> SQLValue { b.map { .integer($0 ? 1 : 0) } ?? .null }

    static func text(_ cell: SQLValue) -> String { cell.text ?? "" }

    static func integer(_ cell: SQLValue) -> Int? { cell.integer.map { Int($0) } }

    /// Every function: name, arity (-1 for any), body.
    var scalars: [(String, Int32, Body)] {
        let runtime = self.runtime
        func unary(_ f: @escaping (Value) throws(QueryError) -> Value) -> Body {
            { (a: [SQLValue]) throws(QueryError) in try Self.cell(try f(try Self.value(a[0]))) }
        }
        func binary(_ op: BinaryOperator) -> Body {
            { (a: [SQLValue]) throws(QueryError) in
                try Self.cell(try runtime.binary(op, try Self.value(a[0]), try Self.value(a[1])))
            }
        }
        func predicate(_ op: BinaryOperator) -> Body {
            { (a: [SQLValue]) throws(QueryError) in
                let result = try runtime.binary(op, try Self.value(a[0]), try Self.value(a[1]))
                if case .bool(let b) = result { return .integer(b ? 1 : 0) }
                return .null
            }
        }
        var table: [(String, Int32, Body)] = [
            ("cy_add", 2, binary(.add)), ("cy_sub", 2, binary(.subtract)), ("cy_mul", 2, binary(.multiply)),
            ("cy_div", 2, binary(.divide)), ("cy_mod", 2, binary(.modulo)), ("cy_pow", 2, binary(.power)),
            ("cy_eq", 2, predicate(.equal)), ("cy_neq", 2, predicate(.notEqual)), ("cy_lt", 2, predicate(.less)),
            ("cy_le", 2, predicate(.lessOrEqual)), ("cy_gt", 2, predicate(.greater)), ("cy_ge", 2, predicate(.greaterOrEqual)),
            ("cy_starts", 2, predicate(.startsWith)), ("cy_ends", 2, predicate(.endsWith)),
            ("cy_contains", 2, predicate(.contains)), ("cy_in", 2, predicate(.in)), ("cy_regex", 2, predicate(.regexMatch)),
            ("cy_neg", 1, unary(runtime.negate)), ("cy_pos", 1, unary(runtime.plus)),
        ]
        table += [
            ("cy_node", 1, { (a: [SQLValue]) throws(QueryError) in
                guard let id = Self.integer(a[0]) else { return .null }
                return .text("{\"~n\":\(id)}")
            }),
            ("cy_rel", 1, { (a: [SQLValue]) throws(QueryError) in
                guard let id = Self.integer(a[0]) else { return .null }
                return .text("{\"~r\":\(id)}")
            }),
            ("cy_node_id", 1, { (a: [SQLValue]) throws(QueryError) in
                switch try Self.value(a[0]) {
                case .null: return .null
                case .node(let node): return .integer(Int64(node.id))
                case let other: throw RuntimeErrors.type("expected a NODE, not \(other.typeName)")
                }
            }),
            ("cy_rel_id", 1, { (a: [SQLValue]) throws(QueryError) in
                switch try Self.value(a[0]) {
                case .null: return .null
                case .relationship(let relationship): return .integer(Int64(relationship.id))
                case let other: throw RuntimeErrors.type("expected a RELATIONSHIP, not \(other.typeName)")
                }
            }),
            ("cy_kind", 1, { (a: [SQLValue]) throws(QueryError) in
                let value = try Self.value(a[0])
                return value.isNull ? .null : .text(RuntimeValues.kind(value))
            }),
            ("cy_bool", 1, { (a: [SQLValue]) throws(QueryError) in
                guard let b = a[0].integer else { return .null }
                return .text(b != 0 ? "true" : "false")
            }),
            ("cy_truth", 2, { (a: [SQLValue]) throws(QueryError) in
                Self.truth(try runtime.truth(try Self.value(a[0]), operator: Self.text(a[1])))
            }),
            ("cy_is_true", 1, { (a: [SQLValue]) throws(QueryError) in .integer(a[0].text == "true" ? 1 : 0) }),
            ("cy_prop", 2, { (a: [SQLValue]) throws(QueryError) in
                try Self.cell(try runtime.property(try Self.value(a[0]), Self.text(a[1])))
            }),
            ("cy_index", 2, { (a: [SQLValue]) throws(QueryError) in
                try Self.cell(try runtime.subscripted(try Self.value(a[0]), try Self.value(a[1])))
            }),
            ("cy_slice", 3, { (a: [SQLValue]) throws(QueryError) in
                try Self.cell(try runtime.slice(try Self.value(a[0]), from: try Self.value(a[1]), to: try Self.value(a[2])))
            }),
            ("cy_slice_from", 2, { (a: [SQLValue]) throws(QueryError) in
                try Self.cell(try runtime.slice(try Self.value(a[0]), from: try Self.value(a[1]), to: nil))
            }),
            ("cy_slice_to", 2, { (a: [SQLValue]) throws(QueryError) in
                try Self.cell(try runtime.slice(try Self.value(a[0]), from: nil, to: try Self.value(a[1])))
            }),
            ("cy_list", -1, { (a: [SQLValue]) throws(QueryError) in
                var items: [Value] = []
                for cell in a { items.append(try Self.value(cell)) }
                return try Self.cell(.list(items))
            }),
            ("cy_map", -1, { (a: [SQLValue]) throws(QueryError) in
                var map: [String: Value] = [:]
                var index = 0
                while index + 1 < a.count {
                    guard case .string(let key) = try Self.value(a[index]) else { break }
                    map[key] = try Self.value(a[index + 1])
                    index += 2
                }
                return try Self.cell(.map(map))
            }),
            ("cy_map_merge", 2, { (a: [SQLValue]) throws(QueryError) in
                guard case .map(var base) = try Self.value(a[0]), case .map(let extra) = try Self.value(a[1]) else { return .null }
                base.merge(extra) { $1 }
                return try Self.cell(.map(base))
            }),
            ("cy_as_map", 1, { (a: [SQLValue]) throws(QueryError) in
                let value = try Self.value(a[0])
                switch value {
                case .null, .map: return try Self.cell(value)
                default: throw RuntimeErrors.type("expected a MAP, not \(value.typeName)")
                }
            }),
            ("cy_fn", -1, { (a: [SQLValue]) throws(QueryError) in
                var arguments: [Value] = []
                for cell in a.dropFirst() { arguments.append(try Self.value(cell)) }
                return try Self.cell(try runtime.call(Self.text(a[0]), arguments))
            }),
            ("cy_rand", 0, { (_: [SQLValue]) throws(QueryError) in try Self.cell(.float(Double.random(in: 0..<1))) }),
            ("cy_as_list", 1, { (a: [SQLValue]) throws(QueryError) in
                let value = try Self.value(a[0])
                switch value {
                case .null: return .text("[]")
                case .list: return a[0]
                default: return try Self.cell(.list([value]))
                }
            }),
            ("cy_list_or_null", 2, { (a: [SQLValue]) throws(QueryError) in
                let value = try Self.value(a[0])
                switch value {
                case .null, .list: return a[0]
                default: throw RuntimeErrors.type("\(Self.text(a[1])) needs a LIST, not \(value.typeName)")
                }
            }),
            ("cy_sortkey", 1, { (a: [SQLValue]) throws(QueryError) in .blob(SortKey.bytes(try Self.value(a[0]))) }),
            ("cy_count_arg", 2, { (a: [SQLValue]) throws(QueryError) in
                .integer(Int64(try RuntimeValues.count(try Self.value(a[0]), Self.text(a[1]))))
            }),
        ]
        table += SQLiteRuntimeFunctions.graphFunctions
        return table
    }
}

/// Runtime errors of the SQL backends' functions.
enum RuntimeErrors {
    static func type(_ message: String) -> QueryError {
        QueryError(.typeError, code: "InvalidArgumentType", phase: .runtime, message: message)
    }
}

/// Value rules shared by the SQLite runtime and the compiler.
enum RuntimeValues {
    /// The name `cy_kind` returns.
    static func kind(_ value: Value) -> String {
        switch value {
        case .node: "node"
        case .relationship: "relationship"
        case .path: "path"
        case .list: "list"
        case .map: "map"
        case .string: "string"
        case .int: "integer"
        case .float: "float"
        case .bool: "boolean"
        case .temporal: "temporal"
        case .point: "point"
        case .null: "null"
        }
    }

    /// SKIP's or LIMIT's value: a non-negative integer.
    static func count(_ value: Value, _ what: String) throws(QueryError) -> Int {
        switch value {
        case .int(let i) where i >= 0: return Int(i)
        case .int:
            throw QueryError(.syntaxError, code: "NegativeIntegerArgument", phase: .runtime, message: "\(what) must not be negative")
        default:
            throw QueryError(.syntaxError, code: "InvalidArgumentType", phase: .runtime,
                             message: "\(what) must be an INTEGER, not \(value.typeName)")
        }
    }

    /// A property map as stored: nulls dropped; maps, entities and lists of them refused.
    static func properties(_ value: Value) throws(QueryError) -> [String: Value] {
        guard case .map(let map) = value else {
            if value.isNull { return [:] }
            throw RuntimeErrors.type("properties must be a MAP, not \(value.typeName)")
        }
        var out: [String: Value] = [:]
        for (key, item) in map where !item.isNull {
            try checkProperty(item, key)
            out[key] = item
        }
        return out
    }

    static func checkProperty(_ value: Value, _ key: String) throws(QueryError) {
        switch value {
        case .map, .node, .relationship, .path:
            throw QueryError(.typeError, code: "InvalidPropertyType", phase: .runtime,
                             message: "property `\(key)` cannot hold a \(value.typeName)")
        case .list(let items):
            for item in items {
                switch item {
                case .map, .node, .relationship, .path, .list, .null:
                    throw QueryError(.typeError, code: "InvalidPropertyType", phase: .runtime,
                                     message: "property `\(key)` cannot hold a list of \(item.typeName)")
                default: break
                }
            }
        default: break
        }
    }
}
