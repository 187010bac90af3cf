import QuiverCore

extension QueryPlanner {
    /// `CALL { … }`: the imported variables form the subquery's input row; its RETURN columns go to
    /// new slots of the outer row. A subquery that writes has an eager barrier before it in the
    /// logical plan, as any updating clause has.
    func planSubquery(_ call: CallSubquery) throws(QueryError) {
        let imported = call.importedNames(outer: layout.names)
        var importSlots: [Int] = []
        for name in imported {
            guard let slot = layout.slot(name) else {
                throw QueryError(.semanticError, code: "UndefinedVariable", phase: .compileTime,
                                 message: "variable `\(name)` is not defined", location: call.range.start)
            }
            importSlots.append(slot)
        }
        let inner = Dictionary(imported.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let subquery = Subquery(query: call.query, outer: inner, width: imported.count, context: context)
        if let size = call.batchSize {
            guard size.referencedNames.isEmpty else {
                throw QueryError(.semanticError, code: "InvalidArgumentValue", phase: .compileTime,
                                 message: "IN TRANSACTIONS OF n ROWS takes a literal or a parameter, not a variable",
                                 location: size.range.start)
            }
            try Self.checkBatchSize(try compiler.compile(size).evaluate([], ExecutionContext(store: context.store)),
                                    at: size.range.start)
        }
        var outputs: [Int] = []
        if case .return(let ret)? = call.query.first.clauses.last {
            if ret.projection.includesAll {
                throw QueryError(.semanticError, code: "UnsupportedFeature", phase: .compileTime,
                                 message: "RETURN * inside CALL { } is not supported; name the returned columns",
                                 location: ret.range.start)
            }
            for item in ret.projection.items { outputs.append(layout.add(item.alias?.name ?? item.text)) }
        }
        append(CallSubqueryOperator(subquery, imports: importSlots, outputs: outputs,
                                    returns: !outputs.isEmpty))
    }

    /// `IN TRANSACTIONS OF n ROWS` takes a positive integer.
    private static func checkBatchSize(_ value: Value, at location: SourceLocation) throws(QueryError) {
        guard case .int(let rows) = value, rows > 0 else {
            throw QueryError(.argumentError, code: "InvalidArgumentValue", phase: .compileTime,
                             message: "IN TRANSACTIONS OF n ROWS needs a positive INTEGER, not \(value)",
                             location: location)
        }
    }
}
