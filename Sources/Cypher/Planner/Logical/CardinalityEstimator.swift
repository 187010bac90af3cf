import PropertyGraph
import QuiverCore

/// Gives every operator of a logical plan an estimated row count, bottom-up, from the graph's
/// statistics (``GraphStatistics``): EXPLAIN's `estimated_rows`, and the start-point choice of a
/// pattern. docs/query-planning.md describes the model; the defaults below are used where the
/// statistics say nothing.
///
/// ```swift
/// var estimator = CardinalityEstimator(statistics: GraphStatistics(store), parameters: [:])
/// let rows = estimator.rows(along: plan.chain)   // one estimate per operator, leaf first
/// ```
struct CardinalityEstimator {
    /// A range comparison (`<`, `>=`, …) whose bound is not known before the query runs.
    static let rangeSelectivity = 1.0 / 3
    /// `STARTS WITH`, `ENDS WITH`, `CONTAINS` and `=~` against a value not known in advance.
    static let stringSelectivity = 0.1
    /// A predicate the model does not understand (a pattern predicate, a function call, …).
    static let defaultSelectivity = 0.3
    /// Rows per input row of an UNWIND of a list not known before the query runs, or of a
    /// procedure call.
    static let unknownListSize = 10.0
    /// Rows of a LOAD CSV.
    static let csvRows = 100.0
    /// Variable-length hops are summed over at most this many lengths past the minimum.
    static let lengthsSummed = 6
    /// No estimate exceeds this.
    static let ceiling = 1e18

    let statistics: GraphStatistics
    let parameters: [String: Value]
    /// What each variable in scope is, for the selectivity of predicates that read it.
    var bindings: [String: Binding] = [:]

    /// A variable in scope: a node (its labels), a relationship, or a value; with how many
    /// distinct values it takes, when known (an aggregation's groups are bounded by it).
    struct Binding {
        enum Kind { case node([String]), relationship, value }
        var kind: Kind
        var distinct: Double?
    }

    init(statistics: GraphStatistics, parameters: [String: Value]) {
        self.statistics = statistics
        self.parameters = parameters
    }

    /// The estimates of a plan, shaped as the plan: each operator's rows and its inputs'.
    struct Tree: Equatable {
        var rows: Double
        var inputs: [Tree]
    }

    /// The estimated tree of `plan`; a union's parts are estimated apart and summed.
    mutating func tree(_ plan: LogicalPlan) -> Tree {
        if case .union = plan.op {
            let parts = plan.inputs.map { part -> Tree in
                var copy = self
                copy.bindings = [:]
                return copy.tree(part)
            }
            return Tree(rows: Self.clamp(parts.reduce(0) { $0 + $1.rows }), inputs: parts)
        }
        let chain = plan.chain
        let rows = self.rows(along: chain)
        var tree: Tree?
        for estimate in rows { tree = Tree(rows: estimate, inputs: tree.map { [$0] } ?? []) }
        return tree ?? Tree(rows: 1, inputs: [])
    }

    /// One estimate per operator of `chain` (leaf first), starting from `input` rows.
    mutating func rows(along chain: [LogicalPlan], input: Double = 1) -> [Double] {
        var rows = input
        var out: [Double] = []
        for node in chain {
            rows = Self.clamp(estimate(node, input: rows))
            out.append(rows)
        }
        return capped(chain, out)
    }

    /// The estimates once a LIMIT's early stop is counted: a read stops pulling rows when its LIMIT
    /// has them, so every streaming operator below it produces only what the LIMIT needs (its
    /// input in proportion); a blocking one (ORDER BY, aggregation, eager) reads everything, except
    /// that a top-k scan under a Top yields about the k rows it keeps.
    private func capped(_ chain: [LogicalPlan], _ rows: [Double]) -> [Double] {
        var out = rows
        var need: Double?
        for index in chain.indices.reversed() {
            if case .create = chain[index].op { return rows }
            if case .merge = chain[index].op { return rows }
            if case .set = chain[index].op { return rows }
            if case .remove = chain[index].op { return rows }
            if case .delete = chain[index].op { return rows }
        }
        for index in chain.indices.reversed() {
            // At least the one row that lets the LIMIT see anything.
            if let need { out[index] = min(out[index], max(1, need)) }
            let input = index > 0 ? rows[index - 1] : 1
            let ratio = rows[index] > 0 ? input / rows[index] : 1
            switch chain[index].op {
            case .limit(let limit):
                if case .int(let l)? = constant(limit) { need = min(need ?? Double(l), Double(max(0, l))) }
            case .skip(let skip):
                if case .int(let s)? = constant(skip) { need = need.map { $0 + Double(max(0, s)) } } else { need = nil }
            case .match(let m) where m.optional:
                need = need.map { max(1, $0 * ratio) }
            case .match, .filter, .projection, .unwind, .distinct, .produceResults, .argument:
                need = need.map { $0 * ratio }
            case .top(_, let skip, let limit):
                need = nil
                if index > 0, case .match(let m) = chain[index - 1].op, m.topKScan, case .int(let l)? = constant(limit) {
                    var skipped: Int64 = 0
                    if let skip, case .int(let s)? = constant(skip) { skipped = max(0, s) }
                    need = Double(max(0, l)) + Double(skipped)
                }
            default:
                need = nil
            }
        }
        return out
    }

    private mutating func estimate(_ node: LogicalPlan, input: Double) -> Double {
        switch node.op {
        case .argument(let names):
            for name in names where bindings[name] == nil { bindings[name] = Binding(kind: .value, distinct: nil) }
            return input
        case .match(let match):
            let perRow = patternRows(match)
            return match.optional ? max(input, input * perRow) : input * perRow
        case .unwind(let expression, let variable):
            bindings[variable] = Binding(kind: .value, distinct: nil)
            return input * listSize(expression)
        case .loadCSV(let load):
            bindings[load.variable.name] = Binding(kind: .value, distinct: nil)
            return input * Self.csvRows
        case .filter(let conjuncts):
            return input * conjuncts.reduce(1) { $0 * selectivity($1) }
        case .projection(let items):
            project(items, at: node.clause, input: input)
            return input
        case .aggregation(let items, _):
            let keys = items.columns(at: node.clause).filter { !$0.expression.containsAggregate }
            let groups = keys.reduce(1.0) { $0 * distinctValues($1.expression, input: input) }
            project(items, at: node.clause, input: input)
            return keys.isEmpty ? 1 : min(input, groups)
        case .distinct:
            let groups = bindings.values.reduce(1.0) { $0 * ($1.distinct ?? input) }
            return min(input, groups)
        case .sort, .eager, .create, .set, .remove, .delete, .produceResults:
            return input
        case .top(_, let skip, let limit):
            return limited(input, skip: skip, limit: limit)
        case .skip(let skip):
            return limited(input, skip: skip, limit: nil)
        case .limit(let limit):
            return limited(input, skip: nil, limit: limit)
        case .merge(let merge):
            let perRow = patternRows(PatternMatch(parts: [merge.part], predicates: [], optional: false,
                                                  introduced: LogicalPlanner.patternNames([merge.part])))
            return max(input, input * perRow)
        case .procedureCall(let call, _):
            for item in call.yield?.items ?? [] { bindings[item.boundName] = Binding(kind: .value, distinct: nil) }
            return input * Self.unknownListSize
        case .callSubquery(_, let body):
            var inner = self
            let perRow = inner.tree(body).rows
            if case .produceResults(returns: true) = body.op {
                for (name, binding) in inner.bindings where bindings[name] == nil { bindings[name] = binding }
                return input * perRow
            }
            return input
        case .union:
            return tree(node).rows
        }
    }

    /// After a WITH / RETURN only its columns are in scope, each with the distinct values of
    /// the expression it projects.
    private mutating func project(_ items: ProjectionItems, at clause: SourceRange, input: Double) {
        var next: [String: Binding] = [:]
        for column in items.columns(at: clause) {
            if case .variable(let name) = column.expression.kind, let binding = bindings[name] {
                next[column.name] = binding
            } else {
                let distinct = column.expression.containsAggregate ? nil : distinctValues(column.expression, input: input)
                next[column.name] = Binding(kind: .value, distinct: distinct)
            }
        }
        bindings = next
    }

    /// How many distinct values `expression` takes over `input` rows: a variable's, a property's
    /// (from its sample or index), a constant's one; else the rows themselves.
    func distinctValues(_ expression: Expression, input: Double) -> Double {
        switch expression.kind {
        case .literal, .parameter:
            return 1
        case .variable(let name):
            return min(input, bindings[name]?.distinct ?? input)
        case .property(let subject, let key):
            guard case .variable(let name) = subject.kind, let sample = sample(of: name, key: key) else { return input }
            let owner = bindings[name]?.distinct ?? input
            return max(1, min(input, owner, sample.distinct + (sample.present < 1 ? 1 : 0)))
        default:
            return input
        }
    }

    /// `input` after SKIP and LIMIT whose values are known before the query runs.
    private func limited(_ input: Double, skip: Expression?, limit: Expression?) -> Double {
        var rows = input
        if let skip, case .int(let s)? = constant(skip) { rows = max(0, rows - Double(s)) }
        if let limit, case .int(let l)? = constant(limit) { rows = min(rows, Double(max(0, l))) }
        return rows
    }

    /// The elements of an UNWIND's list when it is known before the query runs.
    private func listSize(_ expression: Expression) -> Double {
        if case .list(let items) = expression.kind { return Double(items.count) }
        if case .list(let items)? = constant(expression) { return Double(items.count) }
        if case .null? = constant(expression) { return 0 }
        if case .functionCall(let call) = expression.kind, call.name.lowercased() == "range",
            call.arguments.count >= 2, case .int(let from)? = constant(call.arguments[0]),
            case .int(let to)? = constant(call.arguments[1]) {
            var step: Int64 = 1
            if call.arguments.count == 3, case .int(let s)? = constant(call.arguments[2]), s != 0 { step = s }
            let (span, overflow) = to.subtractingReportingOverflow(from)
            let (steps, wrapped) = span.dividedReportingOverflow(by: step)
            return overflow || wrapped ? Self.ceiling : max(0, Double(steps) + 1)
        }
        return Self.unknownListSize
    }

    /// The value of a literal or parameter (a list of them too), known before the query runs.
    func constant(_ expression: Expression) -> Value? {
        switch expression.kind {
        case .literal(let literal):
            switch literal {
            case .null: return .null
            case .boolean(let b): return .bool(b)
            case .integer(let i): return .int(i)
            case .float(let f): return .float(f)
            case .string(let s): return .string(s)
            }
        case .parameter(let name):
            return parameters[name]
        case .list(let items):
            var values: [Value] = []
            for item in items {
                guard let value = constant(item) else { return nil }
                values.append(value)
            }
            return .list(values)
        default:
            return nil
        }
    }

    static func clamp(_ rows: Double) -> Double {
        rows.isFinite ? min(max(0, rows), ceiling) : ceiling
    }
}
