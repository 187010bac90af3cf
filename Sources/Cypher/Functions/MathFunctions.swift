import Foundation
import QuiverCore

extension Functions {
    /// Numeric functions: abs, ceil, floor, round, sign, sqrt, exp, logarithms, trigonometry, constants.
    static let mathFunctions: [Definition] = [
        define("abs", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .int(let i):
                if i == .min { throw .integerOverflow("abs(\(i))") }
                return .int(Swift.abs(i))
            case .float(let f): return .float(Swift.abs(f))
            default: throw .invalidArgumentType("abs() expects a number, not \(a[0].typeName)")
            }
        },
        float("ceil") { Foundation.ceil($0) },
        float("floor") { Foundation.floor($0) },
        define("round", 1...3) { a, _ throws(QueryError) in
            if a.contains(where: \.isNull) { return .null }
            let x = try number(a[0], "round")
            if a.count == 1 { return .float(x.isFinite ? Foundation.floor(x + 0.5) : x) }
            let precision = try integer(a[1], "round")
            var mode = "HALF_UP"
            if a.count == 3 { mode = try string(a[2], "round").uppercased() }
            return .float(try round(x, precision: precision, mode: mode))
        },
        define("sign", 1...1) { a, _ throws(QueryError) in
            switch a[0] {
            case .null: return .null
            case .int(let i): return .int(i.signum())
            case .float(let f): return .int(f > 0 ? 1 : (f < 0 ? -1 : 0))
            default: throw .invalidArgumentType("sign() expects a number, not \(a[0].typeName)")
            }
        },
        float("sqrt") { Foundation.sqrt($0) },
        float("exp") { Foundation.exp($0) },
        float("log") { Foundation.log($0) },
        float("log10") { Foundation.log10($0) },
        float("sin") { Foundation.sin($0) },
        float("cos") { Foundation.cos($0) },
        float("tan") { Foundation.tan($0) },
        float("cot") { 1 / Foundation.tan($0) },
        float("asin") { Foundation.asin($0) },
        float("acos") { Foundation.acos($0) },
        float("atan") { Foundation.atan($0) },
        float("haversin") { (1 - Foundation.cos($0)) / 2 },
        float("degrees") { $0 * 180 / Double.pi },
        float("radians") { $0 * Double.pi / 180 },
        define("atan2", 2...2) { a, _ throws(QueryError) in
            if a.contains(where: \.isNull) { return .null }
            return .float(Foundation.atan2(try number(a[0], "atan2"), try number(a[1], "atan2")))
        },
        define("pi", 0...0) { _, _ in .float(Double.pi) },
        define("e", 0...0) { _, _ in .float(M_E) },
        define("rand", 0...0) { _, _ in .float(Double.random(in: 0..<1)) },
    ]

    /// A one-argument function from numbers to floats; null in, null out.
    private static func float(_ name: String, _ f: @escaping @Sendable (Double) -> Double) -> Definition {
        define(name, 1...1) { a, _ throws(QueryError) in
            if a[0].isNull { return .null }
            return .float(f(try number(a[0], name)))
        }
    }

    /// `round(x, precision, mode)` with Java's `RoundingMode` names.
    private static func round(_ x: Double, precision: Int64, mode: String) throws(QueryError) -> Double {
        guard x.isFinite else { return x }
        let scale = Foundation.pow(10, Double(max(-308, min(308, precision))))
        let scaled = x * scale
        let rule: FloatingPointRoundingRule
        switch mode {
        case "UP": rule = .awayFromZero
        case "DOWN": rule = .towardZero
        case "CEILING": rule = .up
        case "FLOOR": rule = .down
        case "HALF_UP": rule = .toNearestOrAwayFromZero
        case "HALF_EVEN": rule = .toNearestOrEven
        case "HALF_DOWN":
            let lower = scaled.rounded(.towardZero)
            let fraction = Swift.abs(scaled - lower)
            let r = fraction > 0.5 ? scaled.rounded(.awayFromZero) : lower
            return r / scale
        default:
            throw .invalidArgumentValue("round() mode must be UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN or HALF_EVEN")
        }
        // Decimal-exact rounding: a product like 2.675 * 100 may land just below the half point.
        let decimal = (Decimal(string: String(x)) ?? Decimal(x)) * Decimal(sign: .plus, exponent: Int(precision), significand: 1)
        var input = decimal
        var output = Decimal()
        let decimalMode: NSDecimalNumber.RoundingMode
        switch rule {
        case .toNearestOrEven: decimalMode = .bankers
        case .toNearestOrAwayFromZero: decimalMode = .plain
        default:
            return scaled.rounded(rule) / scale
        }
        NSDecimalRound(&output, &input, 0, decimalMode)
        let back = output * Decimal(sign: .plus, exponent: -Int(precision), significand: 1)
        let result = NSDecimalNumber(decimal: back).doubleValue
        return result == 0 ? (x < 0 ? -0.0 : 0.0) : result
    }
}
