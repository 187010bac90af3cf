extension CallSubquery {
    /// The outer variables the subquery imports, in order, given the names in scope before it.
    func importedNames(outer: [String]) -> [String] {
        switch imports {
        case .all:
            return outer
        case .variables(let variables):
            return variables.map(\.name)
        case .importingWith:
            // Neo4j: a leading `WITH a, b` (or `WITH *`) inside the braces brings outer variables in.
            guard case .with(let with)? = query.first.clauses.first else { return [] }
            if with.projection.includesAll { return outer }
            return with.projection.items.compactMap { item in
                guard case .variable(let name) = item.expression.kind, outer.contains(name) else { return nil }
                return name
            }
        }
    }
}

extension Analyzer {
    /// `CALL { … }`: each part is analysed with only the imported variables in scope; its RETURN
    /// columns (the same in every UNION part) join the outer scope and may not shadow it. Returns
    /// whether the subquery only reads.
    mutating func checkCallSubquery(_ subquery: CallSubquery) throws -> Bool {
        let outer = env
        if case .variables(let variables) = subquery.imports {
            for variable in variables { try requireBound(variable) }
        }
        let imported = subquery.importedNames(outer: outer.names)
        var columns: [String]?
        var readOnly = true
        for part in subquery.query.parts {
            env = Environment()
            for name in imported { env.bind(name, outer[name] ?? .any) }
            let analysed = try analyzeSingleQuery(part, topLevel: false)
            readOnly = readOnly && analysed.readOnly
            switch part.clauses.last {
            case .return?, .create?, .merge?, .set?, .remove?, .delete?, .call?, .subquery?: break
            default:
                throw fail("InvalidClauseComposition",
                           "a CALL { } subquery must end with RETURN or an updating clause", at: part.range)
            }
            if let columns, columns != analysed.columns {
                throw fail("DifferentColumnsInUnion",
                           "all parts of a UNION must return the same columns: \(columns) vs \(analysed.columns)",
                           at: part.range)
            }
            columns = analysed.columns
        }
        if subquery.inTransactions {
            if let size = subquery.batchSize {
                env = outer
                _ = try check(size, Context())
            }
        }
        env = outer
        for name in columns ?? [] {
            if env[name] != nil {
                throw fail("VariableAlreadyBound",
                           "variable `\(name)` returned by CALL { } is already defined outside it; rename it with AS",
                           at: subquery.range)
            }
            env.bind(name, .any)
        }
        return readOnly
    }
}
