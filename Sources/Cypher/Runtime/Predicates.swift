import Foundation
import QuiverCore

/// openCypher's ternary comparison, boolean, membership and string-matching operators.
enum Predicates {
    /// A ternary truth value as a ``Value``: `true`, `false` or `null`.
    static func truth(_ b: Bool?) -> Value {
        b.map(Value.bool) ?? .null
    }

    /// The operand as a ternary boolean; anything other than a boolean or null is a type error.
    static func boolean(_ v: Value, operator name: String) throws(QueryError) -> Bool? {
        switch v {
        case .bool(let b): return b
        case .null: return nil
        default: throw .invalidArgumentType("\(name) needs BOOLEAN operands, not \(v.typeName)")
        }
    }

    static func and(_ a: Bool?, _ b: Bool?) -> Bool? {
        if a == false || b == false { return false }
        if a == nil || b == nil { return nil }
        return true
    }

    static func or(_ a: Bool?, _ b: Bool?) -> Bool? {
        if a == true || b == true { return true }
        if a == nil || b == nil { return nil }
        return false
    }

    static func xor(_ a: Bool?, _ b: Bool?) -> Bool? {
        guard let a, let b else { return nil }
        return a != b
    }

    /// The comparison operators `<`, `<=`, `>`, `>=`; `null` when the operands are not comparable.
    static func compare(_ a: Value, _ b: Value, _ accept: (Value.Order) -> Bool) -> Value {
        if let x = a.numericValue, let y = b.numericValue, x.isNaN || y.isNaN { return .bool(false) }
        guard let order = a.cypherCompare(b) else { return .null }
        return .bool(accept(order))
    }

    /// `x IN list`: true when an element equals `x`, null when only unknown comparisons remain.
    static func isIn(_ x: Value, _ list: Value) throws(QueryError) -> Value {
        switch list {
        case .null: return .null
        case .list(let elements):
            var unknown = false
            for element in elements {
                switch x.cypherEquals(element) {
                case .some(true): return .bool(true)
                case .none: unknown = true
                case .some(false): continue
                }
            }
            return unknown ? .null : .bool(false)
        default:
            throw .invalidArgumentType("IN needs a LIST on its right, not \(list.typeName)")
        }
    }

    /// `STARTS WITH`, `ENDS WITH`, `CONTAINS`: null unless both sides are strings.
    static func stringMatch(_ a: Value, _ b: Value, _ test: (String, String) -> Bool) -> Value {
        guard case .string(let x) = a, case .string(let y) = b else { return .null }
        return .bool(test(x, y))
    }

    /// `text =~ pattern`: the whole string must match the (Java-style) regular expression.
    static func regexMatch(_ a: Value, _ b: Value, cache: RegexCache) throws(QueryError) -> Value {
        guard case .string(let text) = a, case .string(let pattern) = b else { return .null }
        let regex = try cache.regex(pattern)
        let range = NSRange(text.startIndex..., in: text)
        return .bool(regex.firstMatch(in: text, options: [], range: range) != nil)
    }
}

/// Compiled regular expressions of one query, so `=~` compiles each pattern once.
final class RegexCache {
    private var compiled: [String: NSRegularExpression] = [:]

    /// The compiled pattern; an invalid pattern is an argument error.
    func regex(_ pattern: String) throws(QueryError) -> NSRegularExpression {
        if let regex = compiled[pattern] { return regex }
        do {
            let regex = try NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z")
            compiled[pattern] = regex
            return regex
        } catch {
            throw .invalidArgumentValue("invalid regular expression '\(pattern)'")
        }
    }
}
