import QuiverCore

/// CALL: invokes a procedure once per input row and extends the row with the yielded outputs of
/// each result row; a VOID procedure passes the input row on unchanged.
///
/// Arguments are checked against the declared input types at run time too (a parameter or a
/// variable has no type at compile time), with INTEGER widened to FLOAT where FLOAT is declared;
/// result rows are checked against the declared outputs the same way.
final class ProcedureCallOperator: Operator {
    let procedure: Procedure
    /// One expression per declared input, with where it was written (for errors).
    let arguments: [(expression: Expr, location: SourceLocation?)]
    /// Which output column goes into which slot of the row.
    let outputs: [(column: Int, slot: Int)]
    private let width: Int

    init(_ procedure: Procedure, arguments: [(expression: Expr, location: SourceLocation?)],
         outputs: [(column: Int, slot: Int)]) {
        self.procedure = procedure
        self.arguments = arguments
        self.outputs = outputs
        width = (outputs.map(\.slot).max() ?? -1) + 1
    }

    override func process(_ row: inout [Value], _ context: ExecutionContext) throws(QueryError) {
        let signature = procedure.signature
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for (input, argument) in zip(signature.inputs, arguments) {
            let value = context.materialize(try argument.expression.evaluate(row, context))
            guard let coerced = input.type.coerce(value) else {
                throw QueryError.invalidArgumentType(
                    "argument `\(input.name)` of `\(signature.name)` expects \(input.type), not \(value.typeName)"
                ).located(at: argument.location)
            }
            values.append(coerced)
        }
        let results = try procedure.body(ProcedureInvocation(graph: context.store, arguments: values, signature: signature))
        if signature.isVoid {
            try next?.push(&row, context)
            return
        }
        var out = width > 0 ? Expr.widened(row, width - 1) : row
        for result in results {
            guard result.count == signature.outputs.count else {
                throw Self.callFailed("`\(signature.name)` returned a row of \(result.count) values for "
                                      + "\(signature.outputs.count) outputs")
            }
            for (column, slot) in outputs {
                let output = signature.outputs[column]
                guard let value = output.type.coerce(result[column]) else {
                    throw Self.callFailed("`\(signature.name)` returned \(result[column].typeName) for output "
                                          + "`\(output.name) :: \(output.type)`")
                }
                out[slot] = value
            }
            try next?.push(&out, context)
        }
    }

    /// A procedure that broke its own signature (`ProcedureError` / `ProcedureCallFailed`).
    private static func callFailed(_ message: String) -> QueryError {
        .runtime(.procedureError, "ProcedureCallFailed", message)
    }
}
