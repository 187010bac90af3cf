import QuiverCore

/// Where an expression sits, for the rules that depend on it.
struct Context {
    /// Whether aggregating functions may appear, and what raising one means.
    enum Aggregation { case allowed, forbidden, insideAggregate }
    /// True in a WHERE predicate (and its boolean operands), where patterns may be used.
    var predicate = false
    var aggregation = Aggregation.forbidden
    /// Expressions (by `structuralKey`) already computed by a projection, usable after it.
    var projected: [String: StaticType] = [:]

    /// The same context for an operand that is not itself a predicate.
    var value: Context {
        var copy = self
        copy.predicate = false
        return copy
    }
}

// Type inference and the expression rules (undefined variables, literal types, aggregation placement).
extension Analyzer {
    mutating func check(_ expression: Expression, _ context: Context) throws -> StaticType {
        if !context.projected.isEmpty, let type = context.projected[expression.structuralKey] { return type }
        switch expression.kind {
        case .literal(let literal):
            switch literal {
            case .null: return .null
            case .boolean: return .boolean
            case .integer: return .integer
            case .float: return .float
            case .string: return .string
            }
        case .parameter:
            return .any
        case .variable(let name):
            guard let type = env[name] else {
                throw fail("UndefinedVariable", "variable `\(name)` is not defined", at: expression.range)
            }
            return type
        case .property(let subject, let key):
            let type = try check(subject, context.value)
            switch type {
            case .integer, .float, .boolean, .string, .list:
                throw fail("InvalidArgumentType", "cannot read property `\(key)` of a \(type.name)",
                           at: expression.range, category: .typeError)
            case .path:
                throw fail("InvalidArgumentType", "cannot read property `\(key)` of a path", at: expression.range)
            default:
                return .any
            }
        case .subscript(let subject, let index):
            let type = try check(subject, context.value)
            _ = try check(index, context.value)
            return elementType(of: type)
        case .slice(let subject, let from, let to):
            let type = try check(subject, context.value)
            if let from { _ = try check(from, context.value) }
            if let to { _ = try check(to, context.value) }
            return type.isList ? type : .any
        case .hasLabels(let subject, _):
            _ = try check(subject, context.value)
            return .boolean
        case .unary(let op, let operand):
            let type = try check(operand, op == .not ? context : context.value)
            if op == .not, type.isKnownNonBoolean {
                throw fail("InvalidArgumentType", "NOT expects a boolean, found \(type.name)", at: operand.range)
            }
            return op == .not ? .boolean : type
        case .binary(let op, let lhs, let rhs):
            return try checkBinary(op, lhs, rhs, context)
        case .isNull(let operand, _), .typePredicate(let operand, _, _):
            _ = try check(operand, context.value)
            return .boolean
        case .list(let elements):
            var element: StaticType?
            for e in elements {
                let type = try check(e, context.value)
                element = element.map { $0.union(type) } ?? type
            }
            return .list(element ?? .any)
        case .map(let entries):
            for entry in entries { _ = try check(entry.value, context.value) }
            return .map
        case .caseExpression(let c):
            if let subject = c.subject { _ = try check(subject, context.value) }
            var result: StaticType?
            for alternative in c.alternatives {
                _ = try check(alternative.condition, context.value)
                let type = try check(alternative.result, context.value)
                result = result.map { $0.union(type) } ?? type
            }
            if let defaultValue = c.defaultValue {
                let type = try check(defaultValue, context.value)
                result = result.map { $0.union(type) } ?? type
            } else {
                result = result.map { $0.union(.null) }
            }
            return result ?? .any
        case .functionCall(let call):
            return try checkCall(call, at: expression.range, context)
        case .countStar:
            try checkAggregatePlacement(at: expression.range, context)
            return .integer
        case .listComprehension(let c):
            let source = try check(c.source, context.value)
            return try withLocalScope { analyzer in
                analyzer.env.bind(c.variable.name, analyzer.elementType(of: source))
                let inner = analyzer.comprehensionContext(context)
                if let predicate = c.predicate { _ = try analyzer.check(predicate, inner) }
                guard let projection = c.projection else { return .list(analyzer.elementType(of: source)) }
                return .list(try analyzer.check(projection, inner))
            }
        case .patternComprehension(let c):
            return try withLocalScope {
                try $0.bindLocalPattern(c.pattern)
                if let variable = c.variable { $0.env.bind(variable.name, .path) }
                let inner = $0.comprehensionContext(context)
                if let predicate = c.predicate { _ = try $0.check(predicate, inner) }
                return .list(try $0.check(c.projection, inner))
            }
        case .quantifier(let q):
            let source = try check(q.source, context.value)
            return try withLocalScope {
                $0.env.bind(q.variable.name, $0.elementType(of: source))
                if let predicate = q.predicate { _ = try $0.check(predicate, $0.comprehensionContext(context)) }
                return .boolean
            }
        case .reduce(let r):
            let initial = try check(r.initial, context.value)
            let source = try check(r.source, context.value)
            return try withLocalScope {
                $0.env.bind(r.accumulator.name, initial == .null ? .any : initial)
                $0.env.bind(r.variable.name, $0.elementType(of: source))
                _ = try $0.check(r.expression, $0.comprehensionContext(context))
                return .any
            }
        case .pattern(let path):
            guard context.predicate else {
                throw fail("UnexpectedSyntax", "a pattern can only be used as a predicate (in WHERE or exists())",
                           at: expression.range)
            }
            try checkPatternExpression(path)
            return .boolean
        case .existsSubquery(let query):
            try checkSubquery(query, name: "EXISTS")
            return .boolean
        case .countSubquery(let query):
            try checkSubquery(query, name: "COUNT")
            return .integer
        case .collectSubquery(let query):
            try checkSubquery(query, name: "COLLECT", singleColumn: true)
            return .list(.any)
        case .mapProjection(let projection):
            let type = try check(Expression(.variable(projection.variable.name), range: projection.variable.range),
                                 context.value)
            if [.integer, .float, .boolean, .string].contains(type) || type.isList {
                throw fail("InvalidArgumentType", "a map projection needs a node, relationship or map, found \(type.name)",
                           at: expression.range, category: .typeError)
            }
            for item in projection.items {
                switch item {
                case .variable(let variable): try requireBound(variable)
                case .entry(_, let value): _ = try check(value, context.value)
                case .property, .allProperties: break
                }
            }
            return .map
        case .shortestPath:
            return .path
        }
    }

    /// Runs `body` with a copy of the environment that is dropped afterwards.
    mutating func withLocalScope<T>(_ body: (inout Analyzer) throws -> T) throws -> T {
        let saved = env
        defer { env = saved }
        return try body(&self)
    }

    func comprehensionContext(_ context: Context) -> Context {
        var inner = context.value
        if inner.aggregation == .allowed { inner.aggregation = .forbidden }
        return inner
    }

    func checkAggregatePlacement(at range: SourceRange, _ context: Context) throws {
        switch context.aggregation {
        case .allowed: return
        case .insideAggregate:
            throw fail("NestedAggregation", "an aggregating function cannot be nested in another", at: range)
        case .forbidden:
            throw fail("InvalidAggregation", "aggregating functions are only allowed in WITH and RETURN items",
                       at: range)
        }
    }

    private mutating func checkBinary(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression,
                                      _ context: Context) throws -> StaticType {
        switch op {
        case .and, .or, .xor:
            for operand in [lhs, rhs] {
                let type = try check(operand, context)
                if type.isKnownNonBoolean {
                    throw fail("InvalidArgumentType", "\(op.rawValue) expects booleans, found \(type.name)",
                               at: operand.range)
                }
            }
            return .boolean
        case .in:
            _ = try check(lhs, context.value)
            let list = try check(rhs, context.value)
            if list != .any, list != .null, !list.isList {
                throw fail("InvalidArgumentType", "IN expects a list, found \(list.name)", at: rhs.range)
            }
            return .boolean
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .startsWith, .endsWith,
             .contains, .regexMatch:
            _ = try check(lhs, context.value)
            _ = try check(rhs, context.value)
            return .boolean
        case .add, .subtract, .multiply, .divide, .modulo, .power:
            let left = try check(lhs, context.value)
            let right = try check(rhs, context.value)
            return try arithmeticType(op, left, right, at: lhs.range)
        }
    }

    private func arithmeticType(_ op: BinaryOperator, _ left: StaticType, _ right: StaticType,
                                at range: SourceRange) throws -> StaticType {
        let numeric: Set<StaticType> = [.integer, .float, .any, .null]
        if op == .add {
            if left.isList || right.isList { return left.isList ? left : right }
            if left == .string || right == .string { return .string }
        } else {
            for type in [left, right] where !numeric.contains(type) {
                throw fail("InvalidArgumentType", "\(op.rawValue) expects numbers, found \(type.name)", at: range)
            }
        }
        if left == .integer, right == .integer { return op == .power ? .float : .integer }
        if numeric.contains(left), numeric.contains(right), left != .any, right != .any, left != .null, right != .null {
            return .float
        }
        return .any
    }

    private mutating func checkCall(_ call: FunctionCall, at range: SourceRange, _ context: Context) throws
        -> StaticType {
        guard KnownFunctions.isKnown(call) else {
            throw fail("UnknownFunction", "unknown function `\(call.lookupName)`", at: range)
        }
        let name = call.name.lowercased()
        var argumentContext = context.value
        if KnownFunctions.isAggregate(call) {
            try checkAggregatePlacement(at: range, context)
            argumentContext.aggregation = .insideAggregate
        }
        if context.aggregation == .insideAggregate, name == "rand", call.namespace.isEmpty {
            throw fail("NonConstantExpression", "rand() cannot be used inside an aggregation", at: range)
        }
        if name == "exists", call.namespace.isEmpty { argumentContext.predicate = true }
        var types: [StaticType] = []
        for argument in call.arguments { types.append(try check(argument, argumentContext)) }
        if call.namespace.isEmpty, let first = types.first {
            try checkArgumentType(name, first, at: call.arguments[0].range)
        }
        return call.namespace.isEmpty ? KnownFunctions.resultType(name) : .any
    }

    /// Literal misuse the TCK expects at compile time, e.g. `labels(path)`, `length(node)`.
    private func checkArgumentType(_ name: String, _ type: StaticType, at range: SourceRange) throws {
        let invalid: Bool
        switch name {
        case "labels": invalid = type == .path
        case "type": invalid = type == .node
        case "properties": invalid = [.integer, .float, .string, .boolean].contains(type) || type.isList
        case "size": invalid = type == .path
        case "length": invalid = type == .node || type == .relationship
        default: invalid = false
        }
        if invalid {
            throw fail("InvalidArgumentType", "\(name)() cannot take a \(type.name)", at: range)
        }
    }

    /// `EXISTS { … }` / `COUNT { … }`: a read-only subquery that sees the outer variables.
    private mutating func checkSubquery(_ query: Query, name: String, singleColumn: Bool = false) throws {
        if singleColumn {
            for part in query.parts {
                guard case .return(let ret)? = part.clauses.last, ret.projection.items.count == 1,
                      !ret.projection.includesAll else {
                    throw fail("InvalidClauseComposition", "\(name) { } must end with a RETURN of exactly one column",
                               at: part.range)
                }
            }
        }
        try withLocalScope { analyzer in
            for part in query.parts {
                for clause in part.clauses {
                    switch clause {
                    case .create, .merge, .set, .remove, .delete:
                        throw analyzer.fail("InvalidClauseComposition", "\(name) subqueries cannot update the graph",
                                            at: clause.range)
                    default: break
                    }
                }
                _ = try analyzer.analyzeSingleQuery(part, topLevel: false)
            }
        }
    }
}
