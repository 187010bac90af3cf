import QuiverCore

/// The fraction of rows a predicate keeps. Equality on a property: the share of entities that
/// have it over its distinct values (an index's exact count, else the sample's estimate); a
/// range or string comparison with a value known before the query runs: the share of the
/// property's sample that passes; otherwise the documented defaults.
extension CardinalityEstimator {
    func selectivity(_ predicate: Expression) -> Double {
        let fraction: Double
        switch predicate.kind {
        case .literal(.boolean(let b)):
            fraction = b ? 1 : 0
        case .literal(.null):
            fraction = 0
        case .unary(.not, let inner):
            fraction = 1 - selectivity(inner)
        case .binary(.and, let a, let b):
            fraction = selectivity(a) * selectivity(b)
        case .binary(.or, let a, let b):
            let (x, y) = (selectivity(a), selectivity(b))
            fraction = x + y - x * y
        case .binary(.xor, let a, let b):
            let (x, y) = (selectivity(a), selectivity(b))
            fraction = x + y - 2 * x * y
        case .binary(.equal, let a, let b):
            fraction = equality(a, b)
        case .binary(.notEqual, let a, let b):
            fraction = presence(a, b) - equality(a, b)
        case .binary(let op, let a, let b) where [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(op):
            fraction = comparison(op, a, b)
        case .binary(let op, let a, let b) where [.startsWith, .endsWith, .contains].contains(op):
            fraction = stringMatch(op, a, b)
        case .binary(.regexMatch, _, _):
            fraction = Self.stringSelectivity
        case .binary(.in, let a, let b):
            guard let sample = propertySample(a), case .list(let items)? = constant(b) else {
                fraction = Self.defaultSelectivity
                break
            }
            fraction = sample.present * min(1, Double(Set(items).count) / sample.distinct)
        case .isNull(let subject, let negated):
            guard let sample = propertySample(subject) else {
                fraction = Self.defaultSelectivity
                break
            }
            fraction = negated ? sample.present : 1 - sample.present
        case .hasLabels(let subject, let labels):
            guard case .variable(let name) = subject.kind else {
                fraction = Self.defaultSelectivity
                break
            }
            var known: [String] = []
            if case .node(let current)? = bindings[name]?.kind { known = current }
            let before = statistics.nodeCount(labels: known)
            fraction = before == 0 ? 0 : statistics.nodeCount(labels: known + labels) / before
        default:
            fraction = Self.defaultSelectivity
        }
        return min(1, max(0, fraction))
    }

    /// The sample of `v.key` for a variable `v` in scope.
    func propertySample(_ expression: Expression) -> ValueSample? {
        guard case .property(let subject, let key) = expression.kind, case .variable(let name) = subject.kind else { return nil }
        return sample(of: name, key: key)
    }

    /// The sample of property `key` of variable `name`: a node's (by its first label), a relationship's.
    func sample(of name: String, key: String) -> ValueSample? {
        switch bindings[name]?.kind {
        case .node(let labels)?: statistics.sample(key: key, label: statistics.smallestLabel(labels), relationship: false)
        case .relationship?: statistics.sample(key: key, label: nil, relationship: true)
        default: nil
        }
    }

    /// `a = b` where a side is a property: its presence over its distinct values (the larger
    /// count when both sides are properties).
    private func equality(_ a: Expression, _ b: Expression) -> Double {
        switch (propertySample(a), propertySample(b)) {
        case let (x?, y?): return min(x.present, y.present) / max(x.distinct, y.distinct)
        case let (x?, nil): return constant(b) == .null ? 0 : x.present / x.distinct
        case let (nil, y?): return constant(a) == .null ? 0 : y.present / y.distinct
        case (nil, nil): return Self.defaultSelectivity
        }
    }

    /// The share of rows where the property sides are not null.
    private func presence(_ a: Expression, _ b: Expression) -> Double {
        (propertySample(a)?.present ?? 1) * (propertySample(b)?.present ?? 1)
    }

    /// `v.key < value` (either way round) with `value` known before the query runs: the share of
    /// the sample that passes; else ``rangeSelectivity``.
    private func comparison(_ op: BinaryOperator, _ a: Expression, _ b: Expression) -> Double {
        let (sample, bound, flipped): (ValueSample?, Value?, Bool) =
            propertySample(a) != nil ? (propertySample(a), constant(b), false) : (propertySample(b), constant(a), true)
        guard let sample, let bound else { return Self.rangeSelectivity * (sample?.present ?? 1) }
        return sample.present * sample.fraction { value in
            guard let order = flipped ? bound.cypherCompare(value) : value.cypherCompare(bound) else { return false }
            switch op {
            case .less: return order == .less
            case .lessOrEqual: return order != .greater
            case .greater: return order == .greater
            default: return order != .less
            }
        }
    }

    /// `v.key STARTS WITH 'x'` (and ENDS WITH, CONTAINS) with a known string: the sample's share.
    private func stringMatch(_ op: BinaryOperator, _ a: Expression, _ b: Expression) -> Double {
        guard let sample = propertySample(a), case .string(let needle)? = constant(b) else {
            return Self.stringSelectivity * (propertySample(a)?.present ?? 1)
        }
        return sample.present * sample.fraction { value in
            guard case .string(let text) = value else { return false }
            switch op {
            case .startsWith: return text.hasPrefix(needle)
            case .endsWith: return text.hasSuffix(needle)
            default: return needle.isEmpty || text.contains(needle)
            }
        }
    }
}
