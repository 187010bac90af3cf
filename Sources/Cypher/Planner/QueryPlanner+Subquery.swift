import QuiverCore

extension QueryPlanner {
    /// `CALL { … }`: the imported variables form the subquery's input row; its RETURN columns go to
    /// new slots of the outer row. A subquery that writes starts with an eager barrier, as any
    /// updating clause does.
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
        if !CypherEngine.isReadOnly(call.query) { beginWrite() } else if wrote { append(EagerOperator()) }
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

/// Runs a `CALL { … }` subquery for each row: a returning subquery gives one row per result row
/// (none when it has none); a unit subquery passes the row on once after running.
final class CallSubqueryOperator: Operator {
    let subquery: Subquery
    let imports: [Int]
    let outputs: [Int]
    let returns: Bool

    init(_ subquery: Subquery, imports: [Int], outputs: [Int], returns: Bool) {
        self.subquery = subquery
        self.imports = imports
        self.outputs = outputs
        self.returns = returns
    }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        let input = imports.map { $0 < row.count ? row[$0] : .null }
        guard returns else {
            try subquery.run(input, context) { (_: [Value]) throws(QueryError) -> Bool in true }
            try next?.push(&row, context)
            return
        }
        let width = (outputs.max() ?? 0) + 1
        let outer = row
        var downstreamHasEnough = false
        try subquery.run(input, context) { (result: [Value]) throws(QueryError) -> Bool in
            var out = outer
            if out.count < width { out.append(contentsOf: repeatElement(.null, count: width - out.count)) }
            for (index, slot) in self.outputs.enumerated() { out[slot] = index < result.count ? result[index] : .null }
            do throws(QueryError) {
                try self.next?.push(&out, context)
            } catch where error.isEnoughRows {
                downstreamHasEnough = true
                return false
            } catch {
                throw error
            }
            return true
        }
        if downstreamHasEnough { throw .enoughRows }
    }
}
