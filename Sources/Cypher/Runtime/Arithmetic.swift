import Foundation
import QuiverCore

/// openCypher's arithmetic operators over values: null propagates, integers overflow loudly,
/// integer division truncates, and `+` also concatenates strings and lists.
enum Arithmetic {
    /// `a + b`: numbers, string concatenation, list append/prepend/concatenation.
    static func add(_ a: Value, _ b: Value) throws(QueryError) -> Value {
        switch (a, b) {
        case (.list(let x), .list(let y)): return .list(x + y)
        case (.list(let x), _): return .list(x + [b])
        case (_, .list(let y)): return .list([a] + y)
        case (.null, _), (_, .null): return .null
        case (.int(let x), .int(let y)):
            let (sum, overflow) = x.addingReportingOverflow(y)
            if overflow { throw .integerOverflow("\(x) + \(y)") }
            return .int(sum)
        case (.int, .float), (.float, .int), (.float, .float):
            return .float((a.numericValue ?? 0) + (b.numericValue ?? 0))
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.string(let x), .int), (.string(let x), .float), (.string(let x), .bool):
            return .string(x + Functions.plainText(b))
        case (.int, .string(let y)), (.float, .string(let y)), (.bool, .string(let y)):
            return .string(Functions.plainText(a) + y)
        default:
            if let sum = try TemporalArithmetic.add(a, b) { return sum }
            throw .invalidArgumentType("cannot add \(a.typeName) and \(b.typeName)")
        }
    }

    /// `a - b` over numbers.
    static func subtract(_ a: Value, _ b: Value) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case (.int(let x), .int(let y)):
            let (difference, overflow) = x.subtractingReportingOverflow(y)
            if overflow { throw .integerOverflow("\(x) - \(y)") }
            return .int(difference)
        case (.int, .float), (.float, .int), (.float, .float):
            return .float((a.numericValue ?? 0) - (b.numericValue ?? 0))
        default:
            if let difference = try TemporalArithmetic.subtract(a, b) { return difference }
            throw .invalidArgumentType("cannot subtract \(b.typeName) from \(a.typeName)")
        }
    }

    /// `a * b` over numbers.
    static func multiply(_ a: Value, _ b: Value) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case (.int(let x), .int(let y)):
            let (product, overflow) = x.multipliedReportingOverflow(by: y)
            if overflow { throw .integerOverflow("\(x) * \(y)") }
            return .int(product)
        case (.int, .float), (.float, .int), (.float, .float):
            return .float((a.numericValue ?? 0) * (b.numericValue ?? 0))
        default:
            if let product = TemporalArithmetic.multiply(a, b) { return product }
            throw .invalidArgumentType("cannot multiply \(a.typeName) and \(b.typeName)")
        }
    }

    /// `a / b`: integer division truncates toward zero and fails on zero; float division follows IEEE.
    static func divide(_ a: Value, _ b: Value) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case (.int(let x), .int(let y)):
            if y == 0 { throw .runtime(.arithmeticError, "DivisionByZero", "integer division by zero") }
            let (quotient, overflow) = x.dividedReportingOverflow(by: y)
            if overflow { throw .integerOverflow("\(x) / \(y)") }
            return .int(quotient)
        case (.int, .float), (.float, .int), (.float, .float):
            return .float((a.numericValue ?? 0) / (b.numericValue ?? 0))
        default:
            if let quotient = try TemporalArithmetic.divide(a, b) { return quotient }
            throw .invalidArgumentType("cannot divide \(a.typeName) by \(b.typeName)")
        }
    }

    /// `a % b`: the remainder takes the sign of the dividend, as in Java and Neo4j.
    static func remainder(_ a: Value, _ b: Value) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case (.int(let x), .int(let y)):
            if y == 0 { throw .runtime(.arithmeticError, "DivisionByZero", "integer modulo by zero") }
            if y == -1 { return .int(0) }
            return .int(x % y)
        case (.int, .float), (.float, .int), (.float, .float):
            return .float(fmod(a.numericValue ?? 0, b.numericValue ?? 0))
        default:
            throw .invalidArgumentType("cannot take \(a.typeName) modulo \(b.typeName)")
        }
    }

    /// `a ^ b`: always a float.
    static func power(_ a: Value, _ b: Value) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case (.int, .int), (.int, .float), (.float, .int), (.float, .float):
            return .float(pow(a.numericValue ?? 0, b.numericValue ?? 0))
        default:
            throw .invalidArgumentType("cannot raise \(a.typeName) to \(b.typeName)")
        }
    }

    /// Unary `-a`.
    static func negate(_ a: Value) throws(QueryError) -> Value {
        switch a {
        case .null: return .null
        case .int(let x):
            if x == .min { throw .integerOverflow("-(\(x))") }
            return .int(-x)
        case .float(let x): return .float(-x)
        default: throw .invalidArgumentType("cannot negate \(a.typeName)")
        }
    }

    /// Unary `+a`.
    static func plus(_ a: Value) throws(QueryError) -> Value {
        switch a {
        case .null, .int, .float: return a
        default: throw .invalidArgumentType("unary plus needs a number, not \(a.typeName)")
        }
    }
}
