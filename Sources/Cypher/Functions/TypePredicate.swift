import QuiverCore

extension Functions {
    /// The body of `x IS [NOT] :: type`: a function of one argument that is always true or false.
    ///
    /// `null` is of every type that allows it, so `null IS :: INTEGER` is true and
    /// `null IS NOT :: INTEGER` false, as the Cypher manual describes.
    static func typePredicate(_ type: ValueType, negated: Bool) -> Definition {
        let name = negated ? "IS NOT :: \(type)" : "IS :: \(type)"
        return define(name, 1...1) { arguments, _ in
            .bool(type.contains(arguments[0]) != negated)
        }
    }
}

extension ValueType {
    /// Whether `value` is of this type.
    func contains(_ value: Value) -> Bool {
        if case .null = value { return allowsNull && kind != .nothing }
        switch (kind, value) {
        case (.any, _), (.boolean, .bool), (.string, .string), (.integer, .int), (.float, .float), (.point, .point),
             (.node, .node), (.relationship, .relationship), (.path, .path), (.map, .map):
            return true
        case (.list(let element), .list(let items)):
            return items.allSatisfy(element.contains)
        case (.union(let members), _):
            return members.contains { $0.contains(value) }
        case (.propertyValue, _):
            return Self.isPropertyValue(value)
        case (_, .temporal(let temporal)):
            return kind == Self.kind(of: temporal)
        default:
            return false
        }
    }

    /// A value a property can hold: a storable scalar, or a list of storable scalars of one type, no nulls.
    private static func isPropertyValue(_ value: Value) -> Bool {
        guard case .list(let items) = value else { return scalarKind(of: value) != nil }
        guard let first = items.first else { return true }
        let type = scalarKind(of: first)
        return type != nil && items.allSatisfy { scalarKind(of: $0) == type }
    }

    /// The type of a scalar a property can hold, or nil for anything else.
    private static func scalarKind(of value: Value) -> Kind? {
        switch value {
        case .bool: .boolean
        case .string: .string
        case .int: .integer
        case .float: .float
        case .point: .point
        case .temporal(let temporal): kind(of: temporal)
        default: nil
        }
    }

    private static func kind(of temporal: TemporalValue) -> Kind {
        switch temporal {
        case .date: .date
        case .localTime: .localTime
        case .time: .zonedTime
        case .localDateTime: .localDateTime
        case .dateTime: .zonedDateTime
        case .duration: .duration
        }
    }
}
