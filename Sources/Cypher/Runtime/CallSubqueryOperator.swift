import QuiverCore

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
