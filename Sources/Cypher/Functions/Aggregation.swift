import Foundation
import QuiverCore

/// The aggregating functions of openCypher.
enum AggregateFunction: String, Sendable {
    case countStar, count, sum, avg, min, max, collect, stDev, stDevP, percentileCont, percentileDisc

    /// The aggregate for a (case-insensitive) function name, or nil.
    init?(name: String) {
        switch name.lowercased() {
        case "count": self = .count
        case "sum": self = .sum
        case "avg": self = .avg
        case "min": self = .min
        case "max": self = .max
        case "collect": self = .collect
        case "stdev": self = .stDev
        case "stdevp": self = .stDevP
        case "percentilecont": self = .percentileCont
        case "percentiledisc": self = .percentileDisc
        default: return nil
        }
    }

    /// How many arguments the function takes.
    var arity: Int {
        switch self {
        case .countStar: 0
        case .percentileCont, .percentileDisc: 2
        default: 1
        }
    }
}

/// The running state of one aggregate for one group; nulls are skipped, DISTINCT keeps a set.
struct AggregateState {
    let function: AggregateFunction
    private var seen: Set<Value>?
    private var count: Int64 = 0
    private var intSum: Int64 = 0
    private var floatSum: Double = 0
    private var sawFloat = false
    /// The running total when sum/avg add durations (Neo4j sums and averages durations too).
    private var durationSum: Value?
    private var values: [Value] = []
    private var best: Value?
    private var percentile: Double?

    init(_ function: AggregateFunction, distinct: Bool) {
        self.function = function
        seen = distinct ? [] : nil
    }

    /// Adds one row's argument (and the percentile for the two percentile functions); true when
    /// the state now holds the value (a DISTINCT set or a list of values), so it counts against
    /// the query's memory.
    @discardableResult
    mutating func add(_ value: Value, _ second: Value = .null) throws(QueryError) -> Bool {
        if function == .countStar {
            count += 1
            return false
        }
        if value.isNull { return false }
        var kept = false
        if seen != nil {
            if seen?.insert(value).inserted == false { return false }
            kept = true
        }
        count += 1
        switch function {
        case .countStar, .count:
            break
        case .sum, .avg:
            if case .temporal(.duration) = value {
                guard count == 1 || durationSum != nil else { throw mixedSum(value) }
                durationSum = try durationSum.map { total throws(QueryError) in
                    try TemporalArithmetic.add(total, value) ?? value
                } ?? value
                return kept
            }
            if durationSum != nil { throw mixedSum(value) }
            switch value {
            case .int(let i):
                if sawFloat {
                    floatSum += Double(i)
                } else {
                    let (s, overflow) = intSum.addingReportingOverflow(i)
                    if overflow && function == .sum { throw .integerOverflow("sum()") }
                    if overflow {
                        sawFloat = true
                        floatSum = Double(intSum) + Double(i)
                    } else {
                        intSum = s
                    }
                }
            case .float(let f):
                if !sawFloat {
                    sawFloat = true
                    floatSum = Double(intSum)
                }
                floatSum += f
            default:
                throw .invalidArgumentType("\(function.rawValue)() expects numbers or durations, not \(value.typeName)")
            }
        case .min:
            if let current = best, value.orderCompare(current) != .less { return kept }
            best = value
        case .max:
            if let current = best, value.orderCompare(current) != .greater { return kept }
            best = value
        case .collect:
            values.append(value)
            kept = true
        case .stDev, .stDevP, .percentileCont, .percentileDisc:
            guard value.numericValue != nil else {
                throw .invalidArgumentType("\(function.rawValue)() expects numbers, not \(value.typeName)")
            }
            values.append(value)
            if function == .percentileCont || function == .percentileDisc, percentile == nil {
                guard let p = second.numericValue else {
                    throw .invalidArgumentType("\(function.rawValue)() expects a numeric percentile")
                }
                if !(0...1).contains(p) { throw .numberOutOfRange("percentile \(p) is not between 0.0 and 1.0") }
                percentile = p
            }
            kept = true
        }
        return kept
    }

    private func mixedSum(_ value: Value) -> QueryError {
        .invalidArgumentType("\(function.rawValue)() cannot mix durations and numbers (got \(value.typeName))")
    }

    /// The aggregate's value for the group.
    func result() -> Value {
        switch function {
        case .countStar, .count:
            return .int(count)
        case .sum:
            if let durationSum { return durationSum }
            return sawFloat ? .float(floatSum) : .int(intSum)
        case .avg:
            guard count > 0 else { return .null }
            if let durationSum {
                return (try? TemporalArithmetic.divide(durationSum, .int(count))).flatMap { $0 } ?? .null
            }
            return .float((sawFloat ? floatSum : Double(intSum)) / Double(count))
        case .min, .max:
            return best ?? .null
        case .collect:
            return .list(values)
        case .stDev, .stDevP:
            let xs = values.compactMap(\.numericValue)
            let n = Double(xs.count)
            let divisor = function == .stDev ? n - 1 : n
            guard divisor > 0 else { return .float(0) }
            let mean = xs.reduce(0, +) / n
            let squares = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            return .float((squares / divisor).squareRoot())
        case .percentileCont:
            guard let p = percentile, !values.isEmpty else { return .null }
            let xs = values.compactMap(\.numericValue).sorted()
            let position = p * Double(xs.count - 1)
            let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
            if lower == upper || upper >= xs.count { return .float(xs[lower]) }
            return .float(xs[lower] + (position - Double(lower)) * (xs[upper] - xs[lower]))
        case .percentileDisc:
            guard let p = percentile, !values.isEmpty else { return .null }
            let sorted = values.sorted { $0.orderCompare($1) == .less }
            let position = p * Double(sorted.count)
            var index = Int(position.rounded(.down))
            if Double(index) == position && index > 0 { index -= 1 }
            return sorted[Swift.min(index, sorted.count - 1)]
        }
    }
}
