import QuiverCore

extension QueryPlanner {
    /// CALL: the arguments (explicit, implicit from parameters, or the inputs' defaults), the call,
    /// the yielded outputs in new slots, (`YIELD … WHERE` is a filter of the logical plan).
    ///
    /// A standalone CALL without YIELD (or with `YIELD *`) yields every output, and its yielded
    /// variables are the query's columns.
    func planCall(_ call: Call, standalone: Bool) throws(QueryError) {
        guard let procedure = context.procedures[call.qualifiedName] else {
            throw QueryError(.procedureError, code: "ProcedureNotFound", phase: .compileTime,
                             message: "there is no procedure `\(call.qualifiedName)`", location: call.nameRange.start)
        }
        let signature = procedure.signature
        var arguments: [(expression: Expr, location: SourceLocation?)] = []
        for (index, input) in signature.inputs.enumerated() {
            arguments.append(try argument(index, input, of: call))
        }
        var yielded: [(field: String, name: String)] = []
        if let yield = call.yield, !yield.all {
            yielded = yield.items.map { ($0.field, $0.boundName) }
        } else if standalone {
            yielded = signature.outputs.map { ($0.name, $0.name) }
        }
        var outputs: [(column: Int, slot: Int)] = []
        for item in yielded {
            guard let column = signature.outputs.firstIndex(where: { $0.name == item.field }) else {
                throw QueryError(.syntaxError, code: "UndefinedVariable", phase: .compileTime,
                                 message: "procedure `\(signature.name)` has no output `\(item.field)`",
                                 location: call.yield?.range.start)
            }
            outputs.append((column, layout.add(item.name)))
        }
        append(ProcedureCallOperator(procedure, arguments: arguments, outputs: outputs))
        if standalone { columns = yielded.map(\.name) }
    }

    /// The argument for input `index`: as written, else (`CALL p` without parentheses) the parameter
    /// of the input's name, else the input's default.
    private func argument(_ index: Int, _ input: ProcedureSignature.Field, of call: Call) throws(QueryError)
        -> (expression: Expr, location: SourceLocation?) {
        if let written = call.arguments, index < written.count {
            return (try compiler.compile(written[index]), written[index].range.start)
        }
        if call.arguments == nil, context.parameters[input.name] != nil || input.defaultValue == nil {
            let parameter = Expression(.parameter(input.name), range: call.range)
            return (try compiler.compile(parameter), call.range.start)
        }
        return (.constant(input.defaultValue ?? .null), call.range.start)
    }
}
