import QuiverCore

// `CALL { … }` subqueries and `FOREACH`, read as the unit subquery it means.
extension CypherParser {
    /// After `CALL`: `[(a, b) | (*)] { query } [IN TRANSACTIONS [OF n ROWS]]`.
    mutating func parseCallSubquery(start: SourceLocation) throws -> CallSubquery {
        var imports = CallSubquery.Import.importingWith
        if acceptSymbol("(") {
            if acceptSymbol("*") {
                imports = .all
            } else {
                var variables: [Variable] = []
                if !current.isSymbol(")") {
                    repeat { variables.append(try parseVariable()) } while acceptSymbol(",")
                }
                imports = .variables(variables)
            }
            try expectSymbol(")")
        }
        try expectSymbol("{")
        try descend()
        let query = try parseQuery()
        depth -= 1
        try expectSymbol("}")
        var inTransactions = false
        var batchSize: Expression?
        if current.isKeyword("IN"), peek().isKeyword("TRANSACTIONS") {
            advance(); advance()
            inTransactions = true
            if acceptKeyword("OF") {
                batchSize = try parseExpression()
                guard acceptKeyword("ROWS") || acceptKeyword("ROW") else { throw unexpected("ROWS") }
            }
            if current.isKeyword("ON") || current.isKeyword("REPORT") {
                throw error("UnsupportedFeature", "ON ERROR and REPORT STATUS of CALL { } IN TRANSACTIONS are not supported; "
                            + "leave them out (a failing batch fails the query, earlier batches stay committed)",
                            at: current.start)
            }
        }
        return CallSubquery(query: query, imports: imports, inTransactions: inTransactions, batchSize: batchSize,
                            range: range(from: start))
    }

    /// `FOREACH (x IN list | updates)`, read as the unit subquery it means:
    /// `CALL (*) { UNWIND list AS x updates }` — run per row, sees every outer variable, returns
    /// nothing, and `x` stays inside.
    mutating func parseForeach(start: SourceLocation) throws -> CallSubquery {
        try expectSymbol("(")
        try descend()
        defer { depth -= 1 }
        let variable = try parseVariable()
        try expectKeyword("IN")
        let list = try parseExpression()
        try expectSymbol("|")
        let bodyStart = current.start
        var clauses: [Clause] = [.unwind(Unwind(expression: list, variable: variable, range: range(from: variable.range.start)))]
        while !current.isSymbol(")") {
            try addPipelineStep()
            let clauseStart = current.start
            guard let clause = try parseClause() else { throw unexpected("an updating clause or ')'") }
            switch clause {
            case .create, .merge, .set, .remove, .delete, .subquery: clauses.append(clause)
            default:
                throw error("InvalidClauseComposition",
                            "FOREACH may only contain updating clauses (CREATE, MERGE, SET, REMOVE, DELETE, FOREACH), not \(clause.name)",
                            at: clauseStart)
            }
        }
        guard clauses.count > 1 else { throw unexpected("an updating clause") }
        try expectSymbol(")")
        let body = SingleQuery(clauses: clauses, range: range(from: bodyStart))
        return CallSubquery(query: Query(first: body, range: body.range), imports: .all, range: range(from: start))
    }

    /// Whether the tokens after `CALL` start a subquery rather than a procedure name.
    var callStartsSubquery: Bool {
        peek().isSymbol("{") || peek().isSymbol("(")
    }
}
