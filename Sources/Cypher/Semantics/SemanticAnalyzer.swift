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
    /// (`InvalidNumberOfArguments`), argument types where they are known (`InvalidArgumentType`),
    /// implicit arguments (`InvalidArgumentPassingMode`, and `MissingParameter` when `parameterNames`
    /// is given), YIELD of outputs the procedure lacks (`UndefinedVariable`), `YIELD *` inside a query
    /// (`UnexpectedSyntax`), and an in-query CALL of a procedure with outputs but no YIELD
    /// (`MissingYield`). A standalone CALL's columns are the procedure's outputs (or what it yields).
    public static func analyze(_ query: Query, procedures: [ProcedureSignature],
                               parameterNames: Set<String>? = nil) throws -> AnalyzedQuery {
        var analyzer = Analyzer()
        analyzer.procedures = Dictionary(procedures.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        analyzer.parameterNames = parameterNames
        return try analyzer.analyze(query)
    }

    /// Parses and analyses `text`; errors carry an excerpt of the text.
    public static func compile(_ text: String) throws -> AnalyzedQuery {
        try QueryStack.run(for: text) {
            do {
                return try analyze(try CypherParser.parse(text))
            } catch let error as QueryError {
                throw error.withSource(text)
            }
        }
    }
}

/// The variables in scope with their static types, in order of introduction.
struct Environment {
    private(set) var names: [String] = []
    private(set) var types: [String: StaticType] = [:]

    subscript(name: String) -> StaticType? { types[name] }

    /// Binds `name`; a hidden name (a pattern's own, starting with a space) is typed but never
    /// listed, so `RETURN *` and imports do not see it.
    mutating func bind(_ name: String, _ type: StaticType) {
        if types[name] == nil, !name.hasPrefix(" ") { names.append(name) }
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
            case .subquery(let subquery):
                if try !checkCallSubquery(subquery) { readOnly = false }
            case .call(let call):
                let standalone = part.clauses.count == 1
                let outputs = try checkCall(call, standalone: standalone)
                if standalone { columns = outputs }
            }
            scopes.append(env.scope)
        }
        if topLevel, let last = part.clauses.last {
            switch last {
            case .call(let call) where call.yield != nil && part.clauses.count > 1:
                throw fail("InvalidClauseComposition",
                           "a query cannot end with CALL … YIELD; add RETURN with the yielded variables",
                           at: last.range)
            case .return, .create, .merge, .set, .remove, .delete, .call, .subquery: break
            default:
                throw fail("InvalidClauseComposition",
                           "a query cannot end with \(last.name); expected RETURN or an updating clause",
                           at: last.range)
            }
        }
        if let missingYield = missingYield(in: part) { throw missingYield }
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

    /// Checks a WHERE; `projected` are expressions (by structural key) that the predicate may use
    /// as written although their variables are out of scope — the grouping keys of an
    /// aggregating WITH (`WITH m.t AS t, count(*) AS c WHERE m.t = 'a'`, as Neo4j accepts).
    mutating func checkPredicate(_ predicate: Expression, projected: [String: StaticType] = [:]) throws {
        var context = Context()
        context.predicate = true
        context.projected = projected
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
}
