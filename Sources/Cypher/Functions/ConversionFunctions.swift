import QuiverCore

extension Functions {
    /// toInteger, toFloat, toBoolean and their `OrNull` variants.
    static let conversionFunctions: [Definition] = [
        define("toInteger", 1...1) { a, _ throws(QueryError) in
            guard let result = toInteger(a[0]) else {
                throw .invalidArgumentValue("toInteger() cannot convert \(a[0].typeName)")
            }
            return result
        },
        define("toIntegerOrNull", 1...1) { a, _ in toInteger(a[0]) ?? .null },
        define("toFloat", 1...1) { a, _ throws(QueryError) in
            guard let result = toFloat(a[0]) else {
                throw .invalidArgumentValue("toFloat() cannot convert \(a[0].typeName)")
            }
            return result
        },
        define("toFloatOrNull", 1...1) { a, _ in toFloat(a[0]) ?? .null },
        define("toBoolean", 1...1) { a, _ throws(QueryError) in
            guard let result = toBoolean(a[0]) else {
                throw .invalidArgumentValue("toBoolean() cannot convert \(a[0].typeName)")
            }
            return result
        },
        define("toBooleanOrNull", 1...1) { a, _ in toBoolean(a[0]) ?? .null },
    ]

    /// The integer conversion; nil when the type cannot convert at all (null for unparsable text).
    static func toInteger(_ v: Value) -> Value? {
        switch v {
        case .null: return .null
        case .int: return v
        case .float(let f):
            guard f.isFinite, f > -9.3e18, f < 9.3e18, let i = Int64(exactly: f.rounded(.towardZero)) else { return .null }
            return .int(i)
        case .bool(let b): return .int(b ? 1 : 0)
        case .string(let s):
            let text = s.trimmingCharacters(in: .whitespaces)
            if let i = Int64(text) { return .int(i) }
            if let f = Double(text), f.isFinite, let i = Int64(exactly: f.rounded(.towardZero)) { return .int(i) }
            return .null
        default: return nil
        }
    }

    /// The float conversion; nil when the type cannot convert at all.
    static func toFloat(_ v: Value) -> Value? {
        switch v {
        case .null, .float: return v
        case .int(let i): return .float(Double(i))
        case .string(let s):
            let text = s.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, text.lowercased() != "nan" || text == "NaN", let f = Double(text) else { return .null }
            return .float(f)
        default: return nil
        }
    }

    /// The boolean conversion; nil when the type cannot convert at all.
    static func toBoolean(_ v: Value) -> Value? {
        switch v {
        case .null, .bool: return v
        case .int(let i): return .bool(i != 0)
        case .string(let s):
            switch s.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return .null
            }
        default: return nil
        }
    }
}
