import Cypher
import Foundation
import QuiverCore
import SQL

extension QueryCompiler {
    /// Temporal functions have no SQL form yet.
    static let temporalFunctions: Set<String> = [
        "date", "datetime", "time", "localtime", "localdatetime", "duration", "date.truncate", "datetime.truncate",
        "time.truncate", "localtime.truncate", "localdatetime.truncate", "duration.between", "duration.inmonths",
        "duration.indays", "duration.inseconds", "datetime.fromepoch", "datetime.fromepochmillis", "date.statement",
        "date.transaction", "date.realtime", "datetime.statement", "datetime.transaction", "datetime.realtime",
        "time.statement", "time.transaction", "time.realtime", "localtime.statement", "localtime.transaction",
        "localtime.realtime", "localdatetime.statement", "localdatetime.transaction", "localdatetime.realtime",
    ]

    func function(_ call: Cypher.FunctionCall, at range: SourceRange, _ scope: ExpressionScope) throws(QueryError) -> Typed {
        let name = call.lookupName
        if Cypher.CypherValueRuntime.isAggregate(name) {
            throw QueryError(.syntaxError, code: "InvalidAggregation", phase: .compileTime,
                             message: "\(call.qualifiedName)() is only allowed in WITH and RETURN", location: range.start)
        }
        if Self.temporalFunctions.contains(name) {
            throw SQLGraphError.unsupported("temporal functions (\(call.qualifiedName))", at: range.start)
        }
        switch name {
        case "exists":
            guard let argument = call.arguments.first else { break }
            if case .pattern(let pattern) = argument.kind {
                return Typed(sql: SQLBuild.exists(try patternQuery(pattern, predicate: nil, scope, select: [])), kind: .boolean)
            }
            return Typed(sql: SQLBuild.isNull(try compile(argument, scope).sql, negated: true), kind: .boolean)
        case "id":
            guard let argument = call.arguments.first else { break }
            let subject = try compile(argument, scope)
            switch subject.kind {
            case .node, .relationship: return Typed(sql: integerValue(subject.sql), kind: .value)
            default:
                let kind = runtime("cy_kind", [subject.sql])
                return Typed(sql: SQLBuild.caseWhen([
                    (SQLBuild.equal(kind, builder.bindText("node")), integerValue(runtime("cy_node_id", [subject.sql]))),
                    (SQLBuild.equal(kind, builder.bindText("relationship")), integerValue(runtime("cy_rel_id", [subject.sql]))),
                ], otherwise: runtime("cy_fn", [builder.bindText("id"), asValue(subject).sql])), kind: .value)
            }
        case "labels":
            guard let argument = call.arguments.first else { break }
            let subject = try compile(argument, scope)
            if subject.kind == SlotKind.relationship { break }
            let id = asNodeID(subject)
            return Typed(sql: SQLBuild.caseWhen([(SQLBuild.isNull(id), builder.nullValue)], otherwise: labelList(id)),
                         kind: .value)
        case "type":
            guard let argument = call.arguments.first else { break }
            let subject = try compile(argument, scope)
            if subject.kind == SlotKind.node { break }
            let id = asRelationshipID(subject)
            return Typed(sql: textValue(relationshipColumn(id, "type")), kind: .value)
        case "startnode", "endnode":
            guard let argument = call.arguments.first else { break }
            let subject = try compile(argument, scope)
            if subject.kind == SlotKind.node { break }
            return Typed(sql: relationshipColumn(asRelationshipID(subject), name == "startnode" ? "source" : "target"),
                         kind: .node)
        case "keys", "properties":
            guard let argument = call.arguments.first else { break }
            let subject = try compile(argument, scope)
            let functionName = builder.bindText(name)
            return Typed(sql: entityAware(subject) { self.runtime("cy_fn", [functionName, $0]) }, kind: .value)
        case "coalesce":
            var arguments: [SQL.Expression] = []
            for argument in call.arguments { arguments.append(asValue(try compile(argument, scope)).sql) }
            return Typed(sql: SQLBuild.call("coalesce", arguments + [builder.nullValue]), kind: .value)
        case "rand":
            builder.drawsRandom = true
            return Typed(sql: runtime("cy_rand", []), kind: .value)
        case "pi":
            return Typed(sql: try builder.bindValue(.float(Double.pi)), kind: .value)
        case "e":
            return Typed(sql: try builder.bindValue(.float(M_E)), kind: .value)
        case "timestamp":
            return Typed(sql: try builder.bindValue(.int(Int64(Date().timeIntervalSince1970 * 1000))), kind: .value)
        case "size":
            if let argument = call.arguments.first, case .pattern(let pattern) = argument.kind {
                let count = SQLBuild.call("count", [SQL.Expression(.star(table: nil))])
                return Typed(sql: integerValue(SQLBuild.subquery(try patternQuery(pattern, predicate: nil, scope, select: [count]))),
                             kind: .value)
            }
        default:
            break
        }
        if call.arguments.isEmpty {
            throw SQLGraphError.unsupported("\(call.qualifiedName)() without arguments", at: range.start)
        }
        var arguments = [builder.bindText(name)]
        for argument in call.arguments { arguments.append(asValue(try compile(argument, scope)).sql) }
        return Typed(sql: runtime("cy_fn", arguments), kind: .value)
    }

    /// The labels of node `id` as a list value, in the order they were added.
    func labelList(_ id: SQL.Expression) -> SQL.Expression {
        let alias = names.next("l")
        let inner = SQLBuild.select(
            [(SQLBuild.column(alias, "label"), "label")], from: SQLBuild.table(SQLGraphLayout.nodeLabels, as: alias),
            where: SQLBuild.equal(SQLBuild.column(alias, "node_id"), id),
            orderBy: [OrderingTerm(expression: SQLBuild.column(alias, "position"))])
        let sorted = names.next("s")
        let element = textValue(SQLBuild.column(sorted, "label"))
        return SQLBuild.subquery(SQLBuild.select([(listAggregate(element, orderBy: nil), nil)],
                                                 from: SQLBuild.derived(inner, as: sorted)))
    }

    /// One column of relationship `id`.
    func relationshipColumn(_ id: SQL.Expression, _ column: String) -> SQL.Expression {
        let alias = names.next("t")
        return SQLBuild.subquery(SQLBuild.select(
            [(SQLBuild.column(alias, column), nil)], from: SQLBuild.table(SQLGraphLayout.relationships, as: alias),
            where: SQLBuild.equal(SQLBuild.column(alias, "id"), id)))
    }

    /// The aggregate that gathers `element` (a value, or SQLite text) into a list value ([] for no rows).
    func listAggregate(_ element: SQL.Expression, orderBy: SQL.Expression?) -> SQL.Expression {
        if dialect == .sqlite {
            return SQLBuild.call("json_group_array", [SQLBuild.call("json", [element])])
        }
        let order = orderBy.map { [OrderingTerm(expression: $0)] } ?? []
        let aggregate = SQL.Expression(.function(FunctionCall(name: Identifier("jsonb_agg"), arguments: [element], orderBy: order)))
        return SQLBuild.call("coalesce", [aggregate, SQLBuild.cast(SQL.Expression(.literal(.string("[]"))), "jsonb")])
    }
}
