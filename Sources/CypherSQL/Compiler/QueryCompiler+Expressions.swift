import Cypher
import QuiverCore
import SQL

extension QueryCompiler {
    /// A runtime function call (`cy_…`, defined on every connection).
    func runtime(_ name: String, _ arguments: [SQL.Expression]) -> SQL.Expression {
        SQLBuild.call(name, arguments)
    }

    // MARK: Representations

    /// The expression in the value representation.
    func asValue(_ typed: Typed) -> Typed {
        switch typed.kind {
        case .value: typed
        case .node: Typed(sql: runtime("cy_node", [typed.sql]), kind: .value)
        case .relationship: Typed(sql: runtime("cy_rel", [typed.sql]), kind: .value)
        case .boolean: Typed(sql: runtime("cy_bool", [typed.sql]), kind: .value)
        }
    }

    /// The expression as a SQL truth value; a non-boolean value is a type error when it runs.
    func asBoolean(_ typed: Typed, operator name: String) -> SQL.Expression {
        switch typed.kind {
        case .boolean: typed.sql
        default: runtime("cy_truth", [asValue(typed).sql, builder.bindText(name)])
        }
    }

    /// The id of the node the expression holds (a type error for another value).
    func asNodeID(_ typed: Typed) -> SQL.Expression {
        switch typed.kind {
        case .node: typed.sql
        default: runtime("cy_node_id", [asValue(typed).sql])
        }
    }

    /// The id of the relationship the expression holds.
    func asRelationshipID(_ typed: Typed) -> SQL.Expression {
        switch typed.kind {
        case .relationship: typed.sql
        default: runtime("cy_rel_id", [asValue(typed).sql])
        }
    }

    /// An integer SQL expression as a Cypher integer value.
    func integerValue(_ sql: SQL.Expression) -> SQL.Expression {
        dialect == .sqlite ? SQLBuild.cast(sql, "TEXT") : SQLBuild.call("to_jsonb", [sql])
    }

    /// A text SQL expression as a Cypher string value.
    func textValue(_ sql: SQL.Expression) -> SQL.Expression {
        dialect == .sqlite ? SQLBuild.call("json_quote", [sql]) : SQLBuild.call("to_jsonb", [sql])
    }

    // MARK: Expressions

    /// Compiles `expression` in `scope`.
    func compile(_ expression: Cypher.Expression, _ scope: ExpressionScope) throws(QueryError) -> Typed {
        if !scope.replacements.isEmpty, let known = scope.replacements[expression.structuralKey] { return known }
        switch expression.kind {
        case .literal(let literal):
            return Typed(sql: try builder.bindValue(Self.value(of: literal)), kind: .value)
        case .parameter(let name):
            guard let value = parameters[name] else {
                throw QueryError(.parameterMissing, code: "MissingParameter", phase: .runtime,
                                 message: "parameter $\(name) was not given", location: expression.range.start)
            }
            return Typed(sql: try builder.bindValue(value), kind: .value)
        case .variable(let name):
            guard let typed = scope.variables[name] else {
                throw QueryError(.syntaxError, code: "UndefinedVariable", phase: .compileTime,
                                 message: "variable `\(name)` is not defined", location: expression.range.start)
            }
            return typed
        case .property(let subject, let key):
            return try property(subject, key: key, scope)
        case .subscript(let subject, let index):
            let container = try compile(subject, scope)
            let key = asValue(try compile(index, scope)).sql
            return Typed(sql: entityAware(container) { self.runtime("cy_index", [$0, key]) }, kind: .value)
        case .slice(let subject, let from, let to):
            let list = asValue(try compile(subject, scope)).sql
            let lower = try from.map { (e: Cypher.Expression) throws(QueryError) in asValue(try compile(e, scope)).sql }
            let upper = try to.map { (e: Cypher.Expression) throws(QueryError) in asValue(try compile(e, scope)).sql }
            switch (lower, upper) {
            case (let l?, let u?): return Typed(sql: runtime("cy_slice", [list, l, u]), kind: .value)
            case (let l?, nil): return Typed(sql: runtime("cy_slice_from", [list, l]), kind: .value)
            case (nil, let u?): return Typed(sql: runtime("cy_slice_to", [list, u]), kind: .value)
            case (nil, nil): return Typed(sql: runtime("cy_slice_from", [list, try builder.bindValue(.int(0))]), kind: .value)
            }
        case .hasLabels(let subject, let labels):
            let node = try compile(subject, scope)
            if node.kind == .relationship {
                throw QueryError(.typeError, code: "InvalidArgumentType", phase: .compileTime,
                                 message: "label test needs a NODE", location: expression.range.start)
            }
            let id = asNodeID(node)
            let tests = labels.map { hasLabel(id, $0) }
            return Typed(sql: SQLBuild.caseWhen([(SQLBuild.isNull(id), SQLBuild.null)], otherwise: SQLBuild.and(tests)),
                         kind: .boolean)
        case .unary(let op, let operand):
            let inner = try compile(operand, scope)
            switch op {
            case .not: return Typed(sql: SQLBuild.not(asBoolean(inner, operator: "NOT")), kind: .boolean)
            case .minus: return Typed(sql: runtime("cy_neg", [asValue(inner).sql]), kind: .value)
            case .plus: return Typed(sql: runtime("cy_pos", [asValue(inner).sql]), kind: .value)
            }
        case .binary(let op, let left, let right):
            return try binary(op, left, right, scope)
        case .isNull(let operand, let negated):
            let inner = try compile(operand, scope)
            return Typed(sql: SQLBuild.isNull(inner.sql, negated: negated), kind: .boolean)
        case .list(let items):
            if items.isEmpty { return Typed(sql: try builder.bindValue(.list([])), kind: .value) }
            var arguments: [SQL.Expression] = []
            for item in items { arguments.append(asValue(try compile(item, scope)).sql) }
            return Typed(sql: runtime("cy_list", arguments), kind: .value)
        case .map(let entries):
            var pairs: [(String, Typed)] = []
            for entry in entries { pairs.append((entry.key, try compile(entry.value, scope))) }
            return Typed(sql: try map(pairs), kind: .value)
        case .caseExpression(let value):
            return try caseExpression(value, scope)
        case .functionCall(let call):
            return try function(call, at: expression.range, scope)
        case .countStar:
            throw QueryError(.syntaxError, code: "InvalidAggregation", phase: .compileTime,
                             message: "count(*) is only allowed in WITH and RETURN", location: expression.range.start)
        case .listComprehension(let comprehension):
            return try listComprehension(comprehension, scope)
        case .patternComprehension(let comprehension):
            return try patternComprehension(comprehension, scope)
        case .quantifier(let quantifier):
            return try compileQuantifier(quantifier, scope)
        case .reduce(let reduce):
            return try compileReduce(reduce, scope)
        case .pattern(let pattern):
            return Typed(sql: SQLBuild.exists(try patternQuery(pattern, predicate: nil, scope, select: [])), kind: .boolean)
        case .existsSubquery(let query):
            return Typed(sql: SQLBuild.exists(try existsQuery(query, scope, at: expression.range)), kind: .boolean)
        case .mapProjection(let projection):
            return try mapProjection(projection, scope)
        case .shortestPath:
            throw SQLGraphError.unsupported("shortestPath", at: expression.range.start)
        case .countSubquery:
            throw SQLGraphError.unsupported("COUNT { } over a full query", at: expression.range.start)
        case .collectSubquery:
            throw SQLGraphError.unsupported("COLLECT { }", at: expression.range.start)
        case .typePredicate:
            throw SQLGraphError.unsupported("type predicates (IS :: TYPE)", at: expression.range.start)
        }
    }

    static func value(of literal: Cypher.Literal) -> Value {
        switch literal {
        case .null: .null
        case .boolean(let b): .bool(b)
        case .integer(let i): .int(i)
        case .float(let f): .float(f)
        case .string(let s): .string(s)
        }
    }

    /// A map value from compiled entries; keys are bound.
    func map(_ pairs: [(String, Typed)]) throws(QueryError) -> SQL.Expression {
        if pairs.isEmpty { return try builder.bindValue(.map([:])) }
        var arguments: [SQL.Expression] = []
        for (key, value) in pairs {
            arguments.append(try builder.bindValue(.string(key)))
            arguments.append(asValue(value).sql)
        }
        return runtime("cy_map", arguments)
    }

    /// `EXISTS (SELECT 1 FROM node_labels WHERE node_id = id AND label = ?)`.
    func hasLabel(_ id: SQL.Expression, _ label: String) -> SQL.Expression {
        let alias = names.next("l")
        return SQLBuild.exists(SQLBuild.select(
            [(SQLBuild.integer(1), nil)], from: SQLBuild.table(SQLGraphLayout.nodeLabels, as: alias),
            where: SQLBuild.and([
                SQLBuild.equal(SQLBuild.column(alias, "node_id"), id),
                SQLBuild.equal(SQLBuild.column(alias, "label"), builder.bindText(label)),
            ])))
    }

    /// The property JSON of the node with `id`.
    func nodeProperties(_ id: SQL.Expression) -> SQL.Expression {
        let alias = names.next("p")
        return SQLBuild.subquery(SQLBuild.select(
            [(SQLBuild.column(alias, "properties"), nil)], from: SQLBuild.table(SQLGraphLayout.nodes, as: alias),
            where: SQLBuild.equal(SQLBuild.column(alias, "id"), id)))
    }

    /// The property JSON of the relationship with `id`.
    func relationshipProperties(_ id: SQL.Expression) -> SQL.Expression {
        let alias = names.next("p")
        return SQLBuild.subquery(SQLBuild.select(
            [(SQLBuild.column(alias, "properties"), nil)], from: SQLBuild.table(SQLGraphLayout.relationships, as: alias),
            where: SQLBuild.equal(SQLBuild.column(alias, "id"), id)))
    }

    /// `body` applied to a map value: the properties of a node or relationship, or the value itself.
    func entityAware(_ subject: Typed, _ body: (SQL.Expression) -> SQL.Expression) -> SQL.Expression {
        switch subject.kind {
        case .node: return body(nodeProperties(subject.sql))
        case .relationship: return body(relationshipProperties(subject.sql))
        case .boolean: return body(asValue(subject).sql)
        case .value:
            let kind = runtime("cy_kind", [subject.sql])
            return SQLBuild.caseWhen([
                (SQLBuild.equal(kind, builder.bindText("node")), body(nodeProperties(runtime("cy_node_id", [subject.sql])))),
                (SQLBuild.equal(kind, builder.bindText("relationship")),
                 body(relationshipProperties(runtime("cy_rel_id", [subject.sql])))),
            ], otherwise: body(subject.sql))
        }
    }

    /// A key of a property map (JSON of a node's or relationship's properties).
    func propertyOfMap(_ properties: SQL.Expression, _ key: String) -> SQL.Expression {
        if dialect == .postgres { return SQLBuild.binary(.extract, properties, builder.bindText(key)) }
        if Self.isPlainKey(key) {
            return SQLBuild.binary(.extract, properties, builder.bind(.text("$." + key)))
        }
        return runtime("cy_prop", [properties, builder.bindText(key)])
    }

    static func isPlainKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return key.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    func property(_ subject: Cypher.Expression, key: String, _ scope: ExpressionScope) throws(QueryError) -> Typed {
        if case .variable(let name) = subject.kind, let properties = scope.properties[name] {
            return Typed(sql: propertyOfMap(properties, key), kind: .value)
        }
        let typed = try compile(subject, scope)
        switch typed.kind {
        case .node: return Typed(sql: propertyOfMap(nodeProperties(typed.sql), key), kind: .value)
        case .relationship: return Typed(sql: propertyOfMap(relationshipProperties(typed.sql), key), kind: .value)
        case .boolean, .value:
            let value = asValue(typed)
            let keyText = builder.bindText(key)
            return Typed(sql: entityAware(value) { map in
                map == value.sql ? self.runtime("cy_prop", [map, keyText]) : self.propertyOfMap(map, key)
            }, kind: .value)
        }
    }

    func binary(_ op: Cypher.BinaryOperator, _ left: Cypher.Expression, _ right: Cypher.Expression,
                _ scope: ExpressionScope) throws(QueryError) -> Typed
    {
        let a = try compile(left, scope)
        let b = try compile(right, scope)
        switch op {
        case .and:
            return Typed(sql: SQLBuild.binary(.and, asBoolean(a, operator: "AND"), asBoolean(b, operator: "AND")), kind: .boolean)
        case .or:
            return Typed(sql: SQLBuild.binary(.or, asBoolean(a, operator: "OR"), asBoolean(b, operator: "OR")), kind: .boolean)
        case .xor:
            return Typed(sql: SQLBuild.binary(.notEqual, asBoolean(a, operator: "XOR"), asBoolean(b, operator: "XOR")),
                         kind: .boolean)
        case .equal, .notEqual:
            if a.kind == b.kind, a.kind == .node || a.kind == .relationship {
                return Typed(sql: SQLBuild.binary(op == .equal ? .equal : .notEqual, a.sql, b.sql), kind: .boolean)
            }
            let name = op == .equal ? "cy_eq" : "cy_neq"
            if let fast = numericComparison(op, left, right, a, b, runtimeName: name) { return fast }
            return Typed(sql: runtime(name, [asValue(a).sql, asValue(b).sql]), kind: .boolean)
        case .less, .lessOrEqual, .greater, .greaterOrEqual, .startsWith, .endsWith, .contains, .in, .regexMatch:
            let name: String = switch op {
            case .less: "cy_lt"
            case .lessOrEqual: "cy_le"
            case .greater: "cy_gt"
            case .greaterOrEqual: "cy_ge"
            case .startsWith: "cy_starts"
            case .endsWith: "cy_ends"
            case .contains: "cy_contains"
            case .in: "cy_in"
            default: "cy_regex"
            }
            if let fast = numericComparison(op, left, right, a, b, runtimeName: name) { return fast }
            return Typed(sql: runtime(name, [asValue(a).sql, asValue(b).sql]), kind: .boolean)
        case .add, .subtract, .multiply, .divide, .modulo, .power:
            let name: String = switch op {
            case .add: "cy_add"
            case .subtract: "cy_sub"
            case .multiply: "cy_mul"
            case .divide: "cy_div"
            case .modulo: "cy_mod"
            default: "cy_pow"
            }
            return Typed(sql: runtime(name, [asValue(a).sql, asValue(b).sql]), kind: .value)
        }
    }

    func caseExpression(_ value: Cypher.CaseExpression, _ scope: ExpressionScope) throws(QueryError) -> Typed {
        var branches: [(SQL.Expression, SQL.Expression)] = []
        let subject = try value.subject.map { (e: Cypher.Expression) throws(QueryError) in asValue(try compile(e, scope)).sql }
        for alternative in value.alternatives {
            let condition = try compile(alternative.condition, scope)
            let test: SQL.Expression
            if let subject {
                test = runtime("cy_eq", [subject, asValue(condition).sql])
            } else if condition.kind == .boolean {
                test = condition.sql
            } else {
                test = runtime("cy_is_true", [asValue(condition).sql])
            }
            branches.append((test, asValue(try compile(alternative.result, scope)).sql))
        }
        let otherwise = try value.defaultValue.map { (e: Cypher.Expression) throws(QueryError) in asValue(try compile(e, scope)).sql }
        return Typed(sql: SQLBuild.caseWhen(branches, otherwise: otherwise ?? builder.nullValue), kind: .value)
    }

    func mapProjection(_ projection: MapProjection, _ scope: ExpressionScope) throws(QueryError) -> Typed {
        guard let subject = scope.variables[projection.variable.name] else {
            throw QueryError(.syntaxError, code: "UndefinedVariable", phase: .compileTime,
                             message: "variable `\(projection.variable.name)` is not defined",
                             location: projection.variable.range.start)
        }
        var base: SQL.Expression?
        var pairs: [(String, Typed)] = []
        for item in projection.items {
            switch item {
            case .allProperties:
                base = entityAware(subject) { self.runtime("cy_as_map", [$0]) }
            case .property(let key):
                let access = Cypher.Expression(.property(Cypher.Expression(.variable(projection.variable.name),
                                                                           range: projection.variable.range), key: key),
                                               range: projection.variable.range)
                pairs.append((key, try compile(access, scope)))
            case .variable(let variable):
                pairs.append((variable.name, try compile(Cypher.Expression(.variable(variable.name), range: variable.range), scope)))
            case .entry(let key, let value):
                pairs.append((key, try compile(value, scope)))
            }
        }
        var result = try map(pairs)
        if let base { result = runtime("cy_map_merge", [base, result]) }
        let test = subject.kind == .value || subject.kind == .boolean ? asValue(subject).sql : subject.sql
        return Typed(sql: SQLBuild.caseWhen([(SQLBuild.isNull(test), builder.nullValue)], otherwise: result), kind: .value)
    }
}
