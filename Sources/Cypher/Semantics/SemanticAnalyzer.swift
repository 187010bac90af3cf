import QuiverCore

/// Checks a parsed query against openCypher's compile-time rules and resolves variable scopes.
///
/// Raises the TCK's compile-time errors: `UndefinedVariable`, `VariableAlreadyBound`,
/// `VariableTypeConflict`, `InvalidAggregation`, `NestedAggregation`, `AmbiguousAggregationExpression`,
/// `NoExpressionAlias`, `ColumnNameConflict`, `NoVariablesInScope`, `InvalidArgumentType`,
/// `NonConstantExpression`, `NegativeIntegerArgument`, `DifferentColumnsInUnion`,
/// `InvalidClauseComposition`, `InvalidDelete`, `RequiresDirectedRelationship`,
/// `NoSingleRelationshipType`, `CreatingVarLength`, `InvalidParameterUse`, `UnknownFunction`,
/// `RelationshipUniquenessViolation`, `UnexpectedSyntax` (patterns outside predicates).
///
/// ```swift
/// let analysed = try SemanticAnalyzer.analyze(try CypherParser.parse("MATCH (n) RETURN n"))
/// analysed.columns   // ["n"]
/// ```
public enum SemanticAnalyzer {
    /// Analyses `query`; throws a compile-time `QueryError` on the first violation found.
    public static func analyze(_ query: Query) throws -> AnalyzedQuery {
        var analyzer = Analyzer()
        return try analyzer.analyze(query)
    }

    /// Analyses `query` knowing the procedures that exist and, optionally, the parameters supplied.
    ///
    /// With a catalog, CALL is checked too: unknown procedures (`ProcedureNotFound`), argument counts
    /// (`InvalidNumberOfArguments`), literal argument types (`InvalidArgumentType`), implicit arguments
    /// (`InvalidArgumentPassingMode`, and `MissingParameter` when `parameterNames` is given), and a
    /// standalone CALL's columns are the procedure's outputs.
    public static func analyze(_ query: Query, procedures: [ProcedureSignature],
                               parameterNames: Set<String>? = nil) throws -> AnalyzedQuery {
        var analyzer = Analyzer()
        analyzer.procedures = Dictionary(procedures.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        analyzer.parameterNames = parameterNames
        return try analyzer.analyze(query)
    }

    /// Parses and analyses `text`; errors carry an excerpt of the text.
    public static func compile(_ text: String) throws -> AnalyzedQuery {
        do {
            return try analyze(try CypherParser.parse(text))
        } catch let error as QueryError {
            throw error.withSource(text)
        }
    }
}

/// The variables in scope with their static types, in order of introduction.
struct Environment {
    private(set) var names: [String] = []
    private(set) var types: [String: StaticType] = [:]

    subscript(name: String) -> StaticType? { types[name] }

    mutating func bind(_ name: String, _ type: StaticType) {
        if types[name] == nil { names.append(name) }
        types[name] = type
    }

    var scope: Scope {
        var scope = Scope()
        for name in names { scope.bind(name, as: types[name]?.variableKind ?? .value) }
        return scope
    }
}

struct Analyzer {
    var env = Environment()
    /// Known procedures by dotted name, or `nil` when CALL targets are not checked.
    var procedures: [String: ProcedureSignature]?
    /// Supplied parameter names, or `nil` when unknown.
    var parameterNames: Set<String>?

    func fail(_ code: String, _ message: String, at range: SourceRange,
              category: QueryError.Category = .syntaxError) -> QueryError {
        QueryError(category, code: code, phase: .compileTime, message: message, location: range.start)
    }

    mutating func analyze(_ query: Query) throws -> AnalyzedQuery {
        var scopes: [[Scope]] = []
        var columns: [String] = []
        var readOnly = true
        if let firstUnion = query.unions.first,
           let mixed = query.unions.first(where: { $0.all != firstUnion.all }) {
            throw fail("InvalidClauseComposition", "UNION and UNION ALL cannot be mixed in one query", at: mixed.range)
        }
        for (index, part) in query.parts.enumerated() {
            env = Environment()
            let (partScopes, partColumns, partReadOnly) = try analyzeSingleQuery(part, topLevel: true)
            scopes.append(partScopes)
            readOnly = readOnly && partReadOnly
            if index == 0 {
                columns = partColumns
            } else if partColumns != columns {
                throw fail("DifferentColumnsInUnion",
                           "all parts of a UNION must return the same columns: \(columns) vs \(partColumns)",
                           at: part.range)
            }
        }
        return AnalyzedQuery(query: query, scopes: scopes, columns: columns, isReadOnly: readOnly)
    }

    /// Analyses the clauses in order from the current environment; returns the scope after each
    /// clause, the RETURN columns and whether no clause updates.
    mutating func analyzeSingleQuery(_ part: SingleQuery, topLevel: Bool) throws
        -> (scopes: [Scope], columns: [String], readOnly: Bool) {
        var scopes: [Scope] = []
        var columns: [String] = []
        var readOnly = true
        for (index, clause) in part.clauses.enumerated() {
            let isLast = index == part.clauses.count - 1
            switch clause {
            case .match(let match):
                try bindPattern(match.pattern, mode: .match)
                if let predicate = match.predicate { try checkPredicate(predicate) }
            case .unwind(let unwind):
                let type = try check(unwind.expression, Context())
                try bindNew(unwind.variable, elementType(of: type))
            case .with(let with):
                _ = try analyzeProjection(with.projection, isWith: true, predicate: with.predicate)
            case .return(let ret):
                guard isLast else {
                    throw fail("InvalidClauseComposition", "RETURN can only be used at the end of the query",
                               at: part.clauses[index + 1].range)
                }
                columns = try analyzeProjection(ret.projection, isWith: false)
            case .create(let create):
                readOnly = false
                try bindPattern(create.pattern, mode: .create)
            case .merge(let merge):
                readOnly = false
                try bindPattern(Pattern(parts: [merge.part], range: merge.part.range), mode: .merge)
                for action in merge.actions { try checkSetItems(action.items) }
            case .set(let set):
                readOnly = false
                try checkSetItems(set.items)
            case .remove(let remove):
                readOnly = false
                try checkRemoveItems(remove.items)
            case .delete(let delete):
                readOnly = false
                try checkDelete(delete)
            case .loadCSV(let load):
                _ = try check(load.source, Context())
                try bindNew(load.variable, load.withHeaders ? .map : .list(.string))
            case .call(let call):
                let standalone = part.clauses.count == 1
                let outputs = try checkCall(call, standalone: standalone)
                if standalone { columns = outputs }
            }
            scopes.append(env.scope)
        }
        if topLevel, let last = part.clauses.last {
            switch last {
            case .return, .create, .merge, .set, .remove, .delete, .call: break
            default:
                throw fail("InvalidClauseComposition",
                           "a query cannot end with \(last.name); expected RETURN or an updating clause",
                           at: last.range)
            }
        }
        return (scopes, columns, readOnly)
    }

    mutating func bindNew(_ variable: Variable, _ type: StaticType) throws {
        if env[variable.name] != nil {
            throw fail("VariableAlreadyBound", "variable `\(variable.name)` is already defined", at: variable.range)
        }
        env.bind(variable.name, type)
    }

    func elementType(of type: StaticType) -> StaticType {
        if case .list(let element) = type { return element }
        return .any
    }

    mutating func checkPredicate(_ predicate: Expression) throws {
        var context = Context()
        context.predicate = true
        context.aggregation = .forbidden
        let type = try check(predicate, context)
        if type.isKnownNonBoolean {
            throw fail("InvalidArgumentType", "WHERE expects a boolean, found \(type.name)", at: predicate.range)
        }
    }

    mutating func checkSetItems(_ items: [SetItem]) throws {
        for item in items {
            switch item.kind {
            case .property(let target, _, let value):
                _ = try check(target, Context())
                _ = try check(value, Context())
            case .replaceProperties(let variable, let value), .mergeProperties(let variable, let value):
                try requireBound(variable)
                _ = try check(value, Context())
            case .labels(let variable, _):
                try requireBound(variable)
            }
        }
    }

    mutating func checkRemoveItems(_ items: [RemoveItem]) throws {
        for item in items {
            switch item.kind {
            case .property(let target, _): _ = try check(target, Context())
            case .labels(let variable, _): try requireBound(variable)
            }
        }
    }

    func requireBound(_ variable: Variable) throws {
        guard env[variable.name] != nil else {
            throw fail("UndefinedVariable", "variable `\(variable.name)` is not defined", at: variable.range)
        }
    }

    mutating func checkDelete(_ delete: Delete) throws {
        for expression in delete.expressions {
            if case .hasLabels = expression.kind {
                throw fail("InvalidDelete", "DELETE removes nodes, relationships or paths; use REMOVE for labels",
                           at: expression.range)
            }
            let type = try check(expression, Context())
            switch type {
            case .any, .null, .node, .relationship, .path, .list: break
            default:
                throw fail("InvalidArgumentType", "DELETE expects a node, relationship or path, found \(type.name)",
                           at: expression.range)
            }
        }
    }

    /// Checks a CALL, binds its yielded variables and returns the names it yields.
    mutating func checkCall(_ call: Call, standalone: Bool) throws -> [String] {
        var argumentTypes: [StaticType] = []
        for argument in call.arguments ?? [] { argumentTypes.append(try check(argument, Context())) }
        let signature = try procedureSignature(call, standalone: standalone, argumentTypes: argumentTypes)
        guard let yield = call.yield else { return signature?.outputs.map(\.name) ?? [] }
        if yield.all {
            guard standalone else {
                throw fail("UnexpectedSyntax", "YIELD * is only allowed in a standalone CALL", at: yield.range)
            }
            for output in signature?.outputs ?? [] { env.bind(output.name, .any) }
            return signature?.outputs.map(\.name) ?? []
        }
        for item in yield.items {
            if let signature, !signature.outputs.contains(where: { $0.name == item.field }) {
                throw fail("UndefinedVariable", "procedure `\(signature.name)` has no output `\(item.field)`",
                           at: item.range)
            }
            try bindNew(item.alias ?? Variable(name: item.field, range: item.range), .any)
        }
        if let predicate = yield.predicate { try checkPredicate(predicate) }
        return yield.items.map(\.boundName)
    }

    private func procedureSignature(_ call: Call, standalone: Bool, argumentTypes: [StaticType]) throws
        -> ProcedureSignature? {
        guard let procedures else { return nil }
        guard let signature = procedures[call.qualifiedName] else {
            throw fail("ProcedureNotFound", "there is no procedure `\(call.qualifiedName)`", at: call.range,
                       category: .procedureError)
        }
        guard call.arguments != nil else {
            if !standalone, !signature.inputs.isEmpty {
                throw fail("InvalidArgumentPassingMode",
                           "arguments can only be passed implicitly (from parameters) in a standalone CALL",
                           at: call.range)
            }
            if let parameterNames, let missing = signature.inputs.first(where: { !parameterNames.contains($0.name) }) {
                throw fail("MissingParameter", "expected parameter `$\(missing.name)` for the implicit argument",
                           at: call.range, category: .parameterMissing)
            }
            return signature
        }
        guard argumentTypes.count == signature.inputs.count else {
            throw fail("InvalidNumberOfArguments",
                       "procedure `\(signature.name)` takes \(signature.inputs.count) arguments, given \(argumentTypes.count)",
                       at: call.range)
        }
        for (input, type) in zip(signature.inputs, argumentTypes) where !ProcedureSignature.accepts(input.type, type) {
            throw fail("InvalidArgumentType", "argument `\(input.name)` expects \(input.type), found \(type.name)",
                       at: call.range)
        }
        return signature
    }
}
